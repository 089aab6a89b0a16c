"""The exit-status contract, command by command, through the installed ``vadocs``.

0 success (warnings allowed unless --strict); 1 problems in the user's files, templates,
ledger or e-invoices, or nothing to do where something was asked for; 2 wrong usage or an
internal error; 130 interrupted. Each command: one success case, one failure case, where the
problems are printed, and that nothing is written on failure.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from tests.e2e.conftest import Installed, tree

PERIOD_DONE = "2026-12"
CANCEL_FINAL = ("invoices", "cancel", "2026-0002")


@pytest.fixture(scope="module")
def workspace(installed: Installed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``vadocs init``, started for real (no sample marker, the order accepted), then
    ``vadocs build kunden/`` in November and at the end of December; tests that change it
    take a copy."""
    base = tmp_path_factory.mktemp("e2e-ws")
    assert installed.run(["init", "ws"], cwd=base).returncode == 0
    ws = base / "ws"
    profile = ws / "vadocs.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("beispiel: true\n", ""))
    client = ws / "kunden" / "beispiel-gmbh.yaml"
    text = client.read_text(encoding="utf-8")
    client.write_text(
        text.replace(
            "  datum: 2026-11-20\n", "  datum: 2026-11-20\n  angenommen_am: 2026-11-23\n", 1
        )
    )
    for day in ("2026-11-27", "2026-12-31"):
        done = installed.run(["build", "kunden/", "--date", day], cwd=ws, env={"VADOCS_TODAY": day})
        assert done.returncode == 0, done.stderr
    return ws


@pytest.fixture
def copy(workspace: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "ws"
    shutil.copytree(workspace, dest)
    return dest


def _break_plz(client: Path) -> None:
    text = client.read_text(encoding="utf-8")
    client.write_text(re.sub(r"plz: \"?\d{5}\"?", "plz: 1234", text, count=1), encoding="utf-8")


def broken_template(source: Path, dest: Path) -> Path:
    """A copy of ``source`` whose first ``{{ x }}`` tag lost a brace (``{{ x }``)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb"\{\{ ([a-z_.]+) \}\}", rb"{{ \1 }", data, count=1)
            zout.writestr(item, data)
    return dest


def test_version_help_and_module(installed: Installed, outside: Path) -> None:
    for module in (False, True):
        version = installed.run(["--version"], cwd=outside, module=module)
        assert version.returncode == 0 and "vadocs" in version.stdout
        helped = installed.run(["--help"], cwd=outside, module=module)
        assert helped.returncode == 0
        assert "Exit status:" in helped.stdout and "130" in helped.stdout


@pytest.mark.parametrize(
    "args",
    [["nonsense"], ["build", "--nonsense", "x"], ["build"], ["invoices", "run"]],
    ids=["unknown-command", "unknown-option", "missing-argument", "missing-option"],
)
def test_wrong_usage_is_2(installed: Installed, outside: Path, args: list[str]) -> None:
    done = installed.run(args, cwd=outside)
    assert done.returncode == 2, done
    assert "Usage:" in done.stderr and done.stdout == ""


def test_the_installed_package_is_the_wheel(installed: Installed, outside: Path) -> None:
    code = "import vadocs, sys; print(vadocs.__file__); print(sys.path)"
    done = subprocess.run(
        [str(installed.python), "-c", code],
        cwd=outside,
        env=installed.env(),
        capture_output=True,
        text=True,
        check=True,
    )
    where = Path(done.stdout.splitlines()[0]).resolve()
    assert where.is_relative_to(installed.prefix.resolve()), where


def test_init(installed: Installed, outside: Path) -> None:
    done = installed.run(["init", "neu"], cwd=outside)
    assert done.returncode == 0 and (outside / "neu" / "vadocs.yaml").is_file()
    before = tree(outside / "neu")
    again = installed.run(["init", "neu"], cwd=outside)
    assert again.returncode == 1 and "never overwrites" in again.stderr
    assert tree(outside / "neu") == before
    onto_file = installed.run(["init", "neu/README.md"], cwd=outside)
    assert onto_file.returncode == 1 and "is a file" in onto_file.stderr


def test_validate(installed: Installed, outside: Path) -> None:
    installed.run(["init", "ws"], cwd=outside)
    ws = outside / "ws"
    whole = installed.run(["validate"], cwd=ws)
    assert whole.returncode == 0, whole.stderr
    assert "2 files valid" in whole.stdout  # the profile and the one client file
    _break_plz(ws / "kunden" / "beispiel-gmbh.yaml")
    for args in (["validate"], ["validate", "kunden/"], ["validate", "kunden/beispiel-gmbh.yaml"]):
        bad = installed.run(args, cwd=ws)
        assert bad.returncode == 1, (args, bad)
        assert re.search(r"beispiel-gmbh\.yaml:\d+:\d+: kunde\.anschrift\.plz", bad.stderr)
    assert not (ws / "out").exists() and not (ws / ".vadocs").exists()


def test_validate_folder_without_clients(installed: Installed, outside: Path) -> None:
    installed.run(["init", "ws"], cwd=outside)
    (outside / "ws" / "leer").mkdir()
    for command in ("validate", "build"):
        done = installed.run([command, "leer/"], cwd=outside / "ws")
        assert done.returncode == 1, done
        assert "leer: no client files" in done.stderr
    assert not (outside / "ws" / "out").exists()


def test_build_failing_client_is_1_and_writes_nothing(installed: Installed, outside: Path) -> None:
    installed.run(["init", "ws"], cwd=outside)
    ws = outside / "ws"
    _break_plz(ws / "kunden" / "beispiel-gmbh.yaml")
    done = installed.run(["build", "kunden/", "--no-pdf"], cwd=ws)
    assert done.returncode == 1, done
    assert "kunde.anschrift.plz" in done.stderr
    assert "1 failed" in done.stdout
    assert tree(ws / "out") == {} and not (ws / ".vadocs" / "ledger.sqlite").exists()


def test_build_only_selecting_nothing_is_1(installed: Installed, outside: Path) -> None:
    installed.run(["init", "ws"], cwd=outside)
    ws = outside / "ws"
    client = ws / "kunden" / "beispiel-gmbh.yaml"
    client.write_text(
        re.sub(r"(?m)^nda:.*\n(?:  .*\n)*", "", client.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    done = installed.run(["build", "kunden/", "--only", "nda", "--no-pdf"], cwd=ws)
    assert done.returncode == 1, done
    assert "--only nda" in done.stderr
    assert tree(ws / "out") == {}
    for only in ("", ",", "mahnung", "nixda"):
        wrong = installed.run(["build", "kunden/", "--only", only, "--no-pdf"], cwd=ws)
        assert wrong.returncode == 2, (only, wrong)
    assert tree(ws / "out") == {}


def test_build_success(workspace: Path) -> None:
    pdfs = sorted(p.name for p in (workspace / "out" / "beispiel-gmbh").glob("*.pdf"))
    assert any("Auftragsbestaetigung" in p for p in pdfs)
    assert any("Auftragsverarbeitungsvertrag" in p for p in pdfs)
    assert any("_Rechnung_" in p for p in pdfs)


def test_check(installed: Installed, copy: Path) -> None:
    ok = installed.run(["check", "--strict"], cwd=copy)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    folder = copy / "vorlagen"
    folder.mkdir()
    builtin = installed.run(["templates", "init"], cwd=copy)
    assert builtin.returncode == 0
    broken_template(folder / "rechnung.docx", folder / "kaputt.docx")
    (folder / "rechnung.docx").unlink()
    shutil.move(folder / "kaputt.docx", folder / "rechnung.docx")
    for args in (["check"], ["check", "vorlagen"], ["check", "vorlagen/rechnung.docx"]):
        bad = installed.run(args, cwd=copy)
        assert bad.returncode == 1, (args, bad)
        assert "vorlagen/rechnung.docx" in bad.stdout and "TAG-LONE" in bad.stdout


def test_check_empty_folder_is_1(installed: Installed, outside: Path) -> None:
    (outside / "leer").mkdir()
    done = installed.run(["check", "leer"], cwd=outside)
    assert done.returncode == 1 and "no Word templates" in done.stderr


def test_fields_text_templates_schema(installed: Installed, copy: Path) -> None:
    assert installed.run(["fields", "rechnung"], cwd=copy).returncode == 0
    assert installed.run(["fields", "nixda"], cwd=copy).returncode == 2
    assert installed.run(["templates", "list"], cwd=copy).returncode == 0
    assert installed.run(["templates", "list", "extra"], cwd=copy).returncode == 2
    (copy / "vorlagen").write_text("a file, not a folder", encoding="utf-8")
    blocked = installed.run(["templates", "init"], cwd=copy)
    assert blocked.returncode == 1 and "vorlagen" in blocked.stderr
    (copy / "vorlagen").unlink()
    assert installed.run(["templates", "init"], cwd=copy).returncode == 0
    text = installed.run(["text", "vorlagen/rechnung.docx"], cwd=copy)
    assert text.returncode == 0 and "Rechnung" in text.stdout
    (copy / "kaputt.docx").write_bytes(b"not a zip")
    assert installed.run(["text", "kaputt.docx"], cwd=copy).returncode == 1
    assert installed.run(["schema", "--dir", "schemas"], cwd=copy).returncode == 0
    stale = installed.run(["schema", "--dir", "leer"], cwd=copy)
    assert stale.returncode == 1 and "out of date" in stale.stderr


def test_invoices_list_export_backup(installed: Installed, copy: Path, outside: Path) -> None:
    listed = installed.run(["invoices", "list"], cwd=copy)
    assert listed.returncode == 0 and "2026-0001" in listed.stdout
    exported = installed.run(["invoices", "export", "-o", "r.csv"], cwd=copy)
    assert exported.returncode == 0 and (copy / "r.csv").is_file()
    backup = installed.run(["invoices", "backup", "ledger.sqlite"], cwd=copy)
    assert backup.returncode == 0 and (copy / "ledger.sqlite").stat().st_size > 0
    bad = installed.run(["invoices", "backup", "no/such/folder/x.sqlite"], cwd=copy)
    assert bad.returncode == 1
    itself = installed.run(["invoices", "backup", ".vadocs/ledger.sqlite"], cwd=copy)
    assert itself.returncode == 1 and "ledger itself" in itself.stderr
    nowhere = installed.run(["invoices", "export", "-o", "no/such/r.csv"], cwd=copy)
    assert nowhere.returncode == 1 and not (copy / "no").exists()
    installed.run(["init", "fresh"], cwd=outside)
    for args in (
        ["invoices", "list"],
        ["invoices", "export"],
        ["invoices", "verify"],
        ["invoices", "validate"],
        ["invoices", "backup", "x.sqlite"],
    ):
        none = installed.run(args, cwd=outside / "fresh")
        assert none.returncode == 1 and "no invoices have been issued" in none.stderr, args
    nowhere = installed.run(["invoices", "list"], cwd=outside)
    assert nowhere.returncode == 1 and "no vadocs.yaml found" in nowhere.stderr


def test_invoices_verify(installed: Installed, copy: Path) -> None:
    ok = installed.run(["invoices", "verify"], cwd=copy)
    assert ok.returncode == 0 and "all unchanged" in ok.stdout
    (archived,) = (copy / ".vadocs" / "archiv" / "2026-0001").glob("*.pdf")
    archived.write_bytes(archived.read_bytes() + b"%")
    bad = installed.run(["invoices", "verify"], cwd=copy)
    assert bad.returncode == 1, bad
    assert "2026-0001" in bad.stderr


def test_invoices_validate(installed: Installed, copy: Path) -> None:
    ok = installed.run(["invoices", "validate"], cwd=copy)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (pdf,) = (copy / ".vadocs" / "archiv" / "2026-0001").glob("*.pdf")
    xml = copy / "rechnung.xml"
    import pikepdf

    with pikepdf.open(pdf) as doc:
        xml.write_bytes(doc.attachments["factur-x.xml"].get_file().read_bytes())
    xml.write_text(
        re.sub(
            r"<ram:DuePayableAmount>[^<]*<",
            "<ram:DuePayableAmount>1.00<",
            xml.read_text(encoding="utf-8"),
        ),
        encoding="utf-8",
    )
    bad = installed.run(["invoices", "validate", "rechnung.xml"], cwd=copy)
    assert bad.returncode == 1, bad
    assert "rechnung.xml" in bad.stderr
    (contract,) = (copy / "out" / "beispiel-gmbh").glob("*Auftragsbestaetigung*.pdf")
    none = installed.run(["invoices", "validate", contract], cwd=copy)
    assert none.returncode == 1 and "keine E-Rechnung" in none.stderr


def test_invoices_run(installed: Installed, copy: Path) -> None:
    same = installed.run(["invoices", "run", "--period", PERIOD_DONE], cwd=copy)
    assert same.returncode == 0, same
    assert "unchanged" in same.stdout
    before = tree(copy)
    quiet = installed.run(["invoices", "run", "--period", "2030-01"], cwd=copy)
    assert quiet.returncode == 0 and "nothing due" in quiet.stdout
    named = installed.run(
        ["invoices", "run", "--period", "2030-01", "kunden/beispiel-gmbh.yaml"], cwd=copy
    )
    assert named.returncode == 1 and "no invoice is due for 2030-01" in named.stderr
    bad = installed.run(["invoices", "run", "--period", "12/2026"], cwd=copy)
    assert bad.returncode == 2
    assert {k: v for k, v in tree(copy).items() if "build-cache" not in k} == {
        k: v for k, v in before.items() if "build-cache" not in k
    }


def test_invoices_cancel(installed: Installed, copy: Path) -> None:
    unknown = installed.run(["invoices", "cancel", "2026-0999", "--reason", "x"], cwd=copy)
    assert unknown.returncode == 1 and "2026-0999" in unknown.stderr
    done = installed.run(
        [*CANCEL_FINAL, "--reason", "Falscher Zeitraum", "--no-pdf", "--date", "2026-12-31"],
        cwd=copy,
        env={"VADOCS_TODAY": "2026-12-31"},
    )
    assert done.returncode == 0, done
    assert "Stornorechnung" in done.stdout


def _soffice_under(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if entry.name.isdigit() and "soffice" in cmdline and marker in cmdline:
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_build_is_130(installed: Installed, outside: Path, signum: int) -> None:
    installed.run(["init", "ws"], cwd=outside)
    ws = outside / "ws"
    proc = subprocess.Popen(
        [str(installed.vadocs), "build", "kunden/", "--pdf"],
        cwd=ws,
        env=installed.env({"TMPDIR": str(outside)}),  # LibreOffice's profile lives in here
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not _soffice_under(str(outside)):
        assert time.monotonic() < deadline, "LibreOffice never started"
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert tree(ws / "out") == {}
    deadline = time.monotonic() + 10
    while _soffice_under(str(outside)):  # the process group is killed and reaped
        assert time.monotonic() < deadline, "LibreOffice was left running"
        time.sleep(0.1)
    ledger = ws / ".vadocs" / "ledger.sqlite"
    if ledger.exists():
        import sqlite3

        with sqlite3.connect(ledger) as db:
            assert db.execute("SELECT count(*) FROM invoices").fetchone() == (0,)
