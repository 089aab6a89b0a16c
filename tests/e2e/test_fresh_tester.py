"""A fresh German tester's findings, through the installed wheel: template errors in plain
German naming the placeholder, German option errors and metavars, paths relative to the
current folder, each problem once, reminders built for the valid clients."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from tests.e2e.conftest import ROOT, Installed, tree

DE = {"VADOCS_LANG": "de"}


def new_workspace(installed: Installed, outside: Path) -> Path:
    ws = outside / "ws"
    ws.mkdir()
    done = installed.run(["init", "."], cwd=ws, env=DE)
    assert done.returncode == 0, done.stderr
    return ws


def break_template(docx: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(docx) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    xml = parts["word/document.xml"].decode()
    assert old in xml, old
    parts["word/document.xml"] = xml.replace(old, new, 1).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    docx.write_bytes(buffer.getvalue())


def test_template_errors_in_plain_german_once(installed: Installed, outside: Path) -> None:
    ws = new_workspace(installed, outside)
    assert installed.run(["templates", "init"], cwd=ws, env=DE).returncode == 0
    nda = ws / "vorlagen" / "verschwiegenheitsvereinbarung.docx"
    original = nda.read_bytes()
    cases = [
        ("{{ kunde.nme }}", ["kunde.nme", "Meinten Sie kunde.name?"]),
        ("{{ kunde.anschrift.plz {{", ["nicht geschlossen", "}}"]),
    ]
    for new, expected in cases:
        nda.write_bytes(original)
        break_template(nda, "{{ kunde.anschrift.plz }}", new)
        before = tree(ws / "out")
        done = installed.run(["build", "--no-pdf", "kunden/beispiel-gmbh.yaml"], cwd=ws, env=DE)
        assert done.returncode == 1, done.stdout + done.stderr
        out = done.stdout + done.stderr
        for text in expected:
            assert text in out, out
        for jargon in ("object", "has no attribute", "expected token", "end of print"):
            assert jargon not in out, out
        assert "Entwurf aus einer Vorlage mit Fehlern" not in out, out  # nothing was built
        assert out.count("vorlagen/verschwiegenheitsvereinbarung.docx: Haupttext") == 1, out
        assert str(ws) not in out, out
        status = next(line for line in done.stdout.splitlines() if "FEHLER" in line)
        assert status.rstrip().endswith(("…", "Fehler")), status  # never cut mid-word
        assert tree(ws / "out") == before


def test_option_errors_and_metavars_in_german(installed: Installed, outside: Path) -> None:
    ws = new_workspace(installed, outside)
    cases = [
        (["build", "--date", "1.12.2026", "kunden/"], "als JJJJ-MM-TT schreiben, z. B. 2026-12-01"),
        (["invoices", "list", "--year", "zwei"], "keine ganze Zahl"),
        (["text", "vorlagen/x.docx"], "Datei 'vorlagen/x.docx' gibt es nicht"),
    ]
    for args, expected in cases:
        done = installed.run(args, cwd=ws, env=DE)
        assert done.returncode == 2, done.stderr
        assert expected in done.stderr, done.stderr
        for jargon in ("%Y", "File ", "integer"):
            assert jargon not in done.stderr, done.stderr
    for args in (["build", "--help"], ["invoices", "list", "--help"], ["text", "--help"]):
        shown = installed.run(args, cwd=ws, env=DE).stdout
        for english in ("[%Y-%m-%d]", " PATH", "INTEGER", "DIRECTORY", " FILE"):
            assert english not in shown, shown
    assert "--date JJJJ-MM-TT" in installed.run(["build", "--help"], cwd=ws, env=DE).stdout
    assert "--year ZAHL" in installed.run(["invoices", "list", "--help"], cwd=ws, env=DE).stdout


def issued_workspace(installed: Installed, outside: Path) -> Path:
    ws = outside / "us"
    shutil.copytree(
        ROOT / "examples" / "umsatzsteuer", ws, ignore=shutil.ignore_patterns("out", ".vadocs")
    )
    done = installed.run(["build", "kunden/", "--no-pdf", "--date", "2026-11-27"], cwd=ws)
    assert done.returncode == 0, done.stdout + done.stderr
    return ws


def test_reminders_for_the_valid_clients_and_paths_relative(
    installed: Installed, outside: Path
) -> None:
    ws = issued_workspace(installed, outside)
    client = ws / "kunden" / "lena-fischer.yaml"
    client.write_text(client.read_text().replace("plz: 04109", "plz: 1234"), encoding="utf-8")
    later = {**DE, "VADOCS_TODAY": "2027-03-01"}
    done = installed.run(["reminders", "--build"], cwd=ws, env=later)
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout + done.stderr
    assert "out/mueller-gmbh/2027-03-01_Zahlungserinnerung_2026-0002_mueller-gmbh.docx" in out
    assert (ws / "out" / "mueller-gmbh").is_dir()
    assert not list((ws / "out").rglob("*Zahlungserinnerung*lena-fischer*"))
    skipped = next(line for line in done.stdout.splitlines() if "lena-fischer" in line)
    assert "2026-0001" in skipped and "übersprungen" in skipped, done.stdout
    assert "kunden/lena-fischer.yaml:9:" in done.stderr
    assert "vadocs: Basiszinssatz-Tabelle" in done.stderr
    assert "site-packages" not in out and str(ws) not in out, out
    client.write_text(client.read_text().replace("plz: 1234", "plz: 04109"), encoding="utf-8")
    for args in (
        ["invoices", "cancel", "2026-0001", "--reason", "Falscher Zeitraum", "--no-pdf"],
        ["templates", "init"],
        ["templates", "list"],
        ["verfahrensdoku"],
    ):
        done = installed.run(args, cwd=ws, env=later)
        assert done.returncode == 0, done.stdout + done.stderr
        assert str(ws) not in done.stdout + done.stderr, done.stdout + done.stderr
    done = installed.run(
        ["invoices", "export", "--format", "datev", "--year", "2026"], cwd=ws, env=later
    )
    assert str(ws) not in done.stdout + done.stderr, done.stdout + done.stderr


def test_a_file_named_once_and_a_validate_summary(installed: Installed, outside: Path) -> None:
    ws = new_workspace(installed, outside)
    missing = installed.run(["validate", "nichtda.yaml"], cwd=ws, env=DE)
    assert missing.returncode == 1
    assert missing.stderr.count("nichtda.yaml") == 1, missing.stderr
    (ws / "kunden" / "x.yaml").write_bytes("kunde:\n  name: Müller\n".encode("cp1252"))
    latin = installed.run(["validate", "kunden/"], cwd=ws, env=DE)
    assert latin.returncode == 1
    assert "kunden/x.yaml:2: ist kein gültiges UTF-8" in latin.stderr, latin.stderr
    assert latin.stderr.count("kunden/x.yaml") == 1, latin.stderr
    assert "2 Dateien geprüft, 1 mit Fehlern" in latin.stdout, latin.stdout
