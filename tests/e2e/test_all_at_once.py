"""Issue 15 through the installed wheel: every problem at once, each once, paths as typed.

A client file with a schema error and a rule error reports both in one run; a profile problem,
a template problem and a line of a time export are each printed once; every path is relative
to the current folder; a name in typographic quotes is a warning with the fix.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from tests.e2e.conftest import ROOT, Installed, tree
from tests.e2e.conftest import example_workspace as workspace

EN = {"VADOCS_LANG": "en"}
DAY = ["--date", "2026-11-29"]


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_schema_error_and_rule_error_in_one_run(installed: Installed, outside: Path) -> None:
    ws = workspace(outside, "mueller-gmbh")
    client = ws / "kunden" / "mueller-gmbh.yaml"
    edit(client, "  plz: 01067", "  plz: 1067")  # schema: four digits
    edit(client, "  art: unternehmen", "  art: verbraucher")  # rule: a consumer is no merchant
    before = tree(ws)
    for args in (["validate"], ["build", "--no-pdf", *DAY, "kunden/mueller-gmbh.yaml"]):
        done = installed.run(args, cwd=ws, env=EN)
        assert done.returncode == 1, done.stdout + done.stderr
        err = done.stderr
        assert err.count("kunden/mueller-gmbh.yaml:9:") == 1, err  # plz, once
        assert err.count("a consumer cannot be a merchant") == 1, err
        assert str(ws) not in err, err  # relative paths
        assert tree(ws) == before


def test_a_broken_section_causes_no_follow_up_error(installed: Installed, outside: Path) -> None:
    ws = workspace(outside, "mueller-gmbh")
    client = ws / "kunden" / "mueller-gmbh.yaml"
    edit(client, "  beginn: 2026-12-01", "  beginn: 1.12.2026")
    done = installed.run(["validate", "kunden/mueller-gmbh.yaml"], cwd=ws, env=EN)
    assert done.returncode == 1
    assert "auftrag.beginn" in done.stderr
    assert "outside the engagement" not in done.stderr  # the rule needing beginn stays quiet
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


def test_profile_problems_once_and_relative(installed: Installed, outside: Path) -> None:
    ws = workspace(outside, "mueller-gmbh", "lena-fischer")
    edit(ws / "vadocs.yaml", "stundensatz: ", "stundensatz: 55,00 € # ")
    for args in (
        ["validate"],
        ["validate", "vadocs.yaml", "kunden/mueller-gmbh.yaml", "kunden/lena-fischer.yaml"],
    ):
        done = installed.run(args, cwd=ws, env=EN)
        assert done.returncode == 1
        assert done.stderr.count("stundensatz") == 1, done.stderr
        assert "\nvadocs.yaml:" in "\n" + done.stderr and str(ws) not in done.stderr
    below = installed.run(["validate"], cwd=ws / "kunden", env=EN)
    assert below.returncode == 1 and "../vadocs.yaml:" in below.stderr, below.stderr


def _break_template(ws: Path) -> None:
    source = ROOT / "vadocs" / "templates_de" / "rechnung.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode()
                at = text.index("{{")
                data = (text[:at] + "{{ kunde.nmae }}" + text[at:]).encode()
            zout.writestr(item, data)
    (ws / "vorlagen").mkdir()
    (ws / "vorlagen" / "rechnung.docx").write_bytes(out.getvalue())


def test_a_template_problem_once_for_several_clients(installed: Installed, outside: Path) -> None:
    ws = workspace(outside, "mueller-gmbh", "alpenblick-ag")
    _break_template(ws)
    done = installed.run(["build", "--no-pdf", *DAY, "kunden/"], cwd=ws, env=EN)
    assert done.returncode == 1
    assert done.stderr.count("unknown placeholder kunde.nmae") == 1, done.stderr
    assert done.stderr.count("vorlagen/rechnung.docx") == 1, done.stderr
    assert "mueller-gmbh are not issued" in done.stderr
    assert "alpenblick-ag are not issued" in done.stderr
    assert tree(ws / "out") == {}


def test_a_bad_export_line_once_for_two_invoices(installed: Installed, outside: Path) -> None:
    ws = workspace(outside, "mueller-gmbh")
    shutil.copy(ROOT / "tests" / "cases" / "timesheets" / "kaputt.csv", ws / "kunden" / "z.csv")
    client = ws / "kunden" / "mueller-gmbh.yaml"
    with client.open("a", encoding="utf-8") as f:
        for month in ("2027-01", "2027-02"):
            f.write(f"  - art: monat\n    zeitraum: {month}\n    zeiten_csv: z.csv\n")
    for args in (["validate"], ["build", "--no-pdf", *DAY, "kunden/"]):
        done = installed.run(args, cwd=ws, env=EN)
        assert done.returncode == 1
        assert done.stderr.count("kunden/z.csv:3:") == 1, done.stderr


def test_quoted_name_is_a_warning_with_the_fix(installed: Installed, outside: Path) -> None:
    ws = workspace(outside, "mueller-gmbh")
    edit(
        ws / "kunden" / "mueller-gmbh.yaml",
        "  name: Müller & Söhne <Haustechnik> GmbH",
        "  name: „Müller & Söhne GmbH“",
    )
    done = installed.run(["validate", "kunden/mueller-gmbh.yaml"], cwd=ws, env=EN)
    assert done.returncode == 0, done.stderr
    assert "kunden/mueller-gmbh.yaml:3:9: warning: kunde.name" in done.stderr
    assert "name: Müller & Söhne GmbH" in done.stderr  # the fix, without the quotes
    de = installed.run(["validate", "kunden/mueller-gmbh.yaml"], cwd=ws, env={"VADOCS_LANG": "de"})
    assert de.returncode == 0 and "Anführungszeichen" in de.stderr, de.stderr
    built = installed.run(["build", "--no-pdf", *DAY, "kunden/mueller-gmbh.yaml"], cwd=ws, env=EN)
    assert built.returncode == 0, built.stderr
    assert built.stderr.count("the name is enclosed in quotation marks") == 1
