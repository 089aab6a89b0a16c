"""Time-tracker exports through the installed ``vadocs``: ``timesheets show`` and a build
that refuses a bad export, naming its file and line, with exit 1 and nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import EXAMPLES, small_client
from tests.e2e.conftest import Installed, tree

KIMAI = """\
"Date","From","To","Duration","Rate","User","Customer","Project","Activity","Description"
"2026-12-03","14:00","14:15","900","13.75","anna","Beispiel Bürodienste GmbH","Büro","Termine","Rückruf Kunde"
"2026-12-08","08:00","08:10","600","9.17","anna","Beispiel Bürodienste GmbH","Büro","Termine","Termin verschoben"
"""
CLOCKIFY_AMBIGUOUS = (
    "Project,Client,Description,Billable,Start Date,Start Time,End Date,End Time,Duration (h)\n"
    "Büro,Beispiel,Post,Yes,01/12/2026,08:00:00,01/12/2026,09:00:00,01:00:00\n"
    "Büro,Beispiel,Post,Yes,03/12/2026,08:00:00,03/12/2026,09:00:00,01:00:00\n"
)


def test_show_prints_what_would_be_billed(installed: Installed, outside: Path) -> None:
    (outside / "kimai-dezember.csv").write_text(KIMAI, encoding="utf-8")
    done = installed.run(
        ["timesheets", "show", "kimai-dezember.csv", "--period", "2026-12", "--increment", "15"],
        cwd=outside,
    )
    assert done.returncode == 0, done.stderr
    assert "2 Zeilen gelesen, 2 übernommen (0:25 Std.)" in done.stdout
    assert "03.12.2026    0:15  Rückruf Kunde" in done.stdout
    assert "abzurechnen im 15-Minuten-Takt: 0,50 Std." in done.stdout


def test_show_refuses_naming_file_and_line(installed: Installed, outside: Path) -> None:
    (outside / "clockify.csv").write_text(CLOCKIFY_AMBIGUOUS, encoding="utf-8")
    done = installed.run(["timesheets", "show", "clockify.csv", "--period", "2026-12"], cwd=outside)
    assert done.returncode == 1
    assert done.stderr.startswith("clockify.csv:2: „01/12/2026“ ist mehrdeutig")
    assert "datumsformat" in done.stderr and "Traceback" not in done.stderr
    fixed = installed.run(
        [
            "timesheets",
            "show",
            "clockify.csv",
            "--period",
            "2026-12",
            "--date-format",
            "TT/MM/JJJJ",
        ],
        cwd=outside,
    )
    assert fixed.returncode == 0 and "2 übernommen (2:00 Std.)" in fixed.stdout


def test_show_filter_matching_nothing_lists_the_names(installed: Installed, outside: Path) -> None:
    (outside / "kimai.csv").write_text(KIMAI, encoding="utf-8")
    args = ["timesheets", "show", "kimai.csv", "--period", "2026-12", "--client", "Bürodienst"]
    done = installed.run(args, cwd=outside)
    assert done.returncode == 1
    assert "„Beispiel Bürodienste GmbH“" in done.stderr and "meinten Sie" in done.stderr


def test_show_usage_and_missing_file(installed: Installed, outside: Path) -> None:
    wrong = installed.run(["timesheets", "show", "x.csv", "--period", "12/2026"], cwd=outside)
    assert wrong.returncode == 2
    missing = installed.run(["timesheets", "show", "x.csv", "--period", "2026-12"], cwd=outside)
    assert missing.returncode == 1 and "x.csv: Datei nicht gefunden" in missing.stderr


def _workspace(folder: Path, export: str) -> Path:
    ws = folder / "ws"
    (ws / "kunden").mkdir(parents=True)
    shutil.copy(EXAMPLES / "umsatzsteuer" / "vadocs.yaml", ws / "vadocs.yaml")
    invoice = "  - art: monat\n    zeitraum: 2026-12\n    zeiten_csv: kimai.csv\n"
    hourly = "{art: stunden, stundensatz: 55.00, taktung_minuten: 15}"
    (ws / "kunden" / "beispiel.yaml").write_text(
        small_client("Beispiel Bürodienste GmbH", hourly, invoice), encoding="utf-8"
    )
    (ws / "kunden" / "kimai.csv").write_text(export, encoding="utf-8")
    return ws


def test_build_refuses_a_bad_export_and_writes_nothing(installed: Installed, outside: Path) -> None:
    bad = KIMAI.replace('"08:10","600"', '"08:10","90000"')  # a timer left running
    ws = _workspace(outside, bad)
    before = tree(ws)
    done = installed.run(
        ["build", "kunden/beispiel.yaml", "--no-pdf", "--date", "2026-12-31"],
        cwd=ws,
        env={"VADOCS_TODAY": "2026-12-31"},
    )
    assert done.returncode == 1
    assert "kunden/kimai.csv:3: Dauer 25:00 Std." in done.stderr
    assert "länger als 24 Stunden" in done.stderr and "Traceback" not in done.stderr
    assert tree(ws) == before


def test_build_verbose_says_what_was_imported(installed: Installed, outside: Path) -> None:
    ws = _workspace(outside, KIMAI)
    args = ["build", "kunden/beispiel.yaml", "--no-pdf", "--draft", "-v", "--date", "2026-12-31"]
    done = installed.run(args, cwd=ws)
    assert done.returncode == 0, done.stderr
    assert "Zeiten    kunden/kimai.csv (Kimai, 01.12.2026–31.12.2026): 2 Zeilen gelesen, " \
        "2 übernommen (0:25 Std.)" in done.stdout  # fmt: skip
