"""Every recognised export variant gives the same hours: tracker × duration format × date
format × delimiter × encoding (CSV and XLSX)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from vadocs.errors import ProblemsError
from vadocs.timesheets import Request, import_times

DEC = (date(2026, 12, 1), date(2026, 12, 31))
DAYS = (date(2026, 12, 1), date(2026, 12, 13))  # a day over 12 settles a slash date's order
MINUTES = (95, 20)
CLIENT = "Müller & Söhne GmbH"

# name: (header, row(day, minutes) → cells, duration rendering, date rendering)
HEADERS = {
    "kimai-en": "Date,From,To,Duration,Rate,User,Customer,Project,Activity,Description",
    "kimai-de": "Datum,Von,Bis,Dauer,Stundensatz,Benutzer,Kunde,Projekt,Tätigkeit,Beschreibung",
    "toggl": "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
    "End date,End time,Duration,Tags",
    "clockify-h": "Project,Client,Description,Task,User,Billable,Start Date,Start Time,End Date,"
    "End Time,Duration (h),Duration (decimal)",
    "clockify-decimal": "Project,Client,Description,Billable,Start Date,Duration (decimal)",
    "harvest": "Date,Client,Project,Task,Notes,Hours,Billable?,First Name",
    "allgemein": "Datum,Beschreibung,Dauer,Kunde",
}


def _end(minutes: int) -> str:
    return f"{8 + minutes // 60:02d}:{minutes % 60:02d}"


def cells(tracker: str, day: str, minutes: int, duration: str) -> list[str]:
    end = _end(minutes)
    return {
        "kimai-en": [day, "08:00", end, duration, "55", "anna", CLIENT, "Büro", "Büro", "Post"],
        "kimai-de": [day, "08:00", end, duration, "55", "anna", CLIENT, "Büro", "Büro", "Post"],
        "toggl": ["Anna", "a@x.de", CLIENT, "Büro", "", "Post", "Yes", day, "08:00:00", day,
                  f"{end}:00", duration, ""],
        "clockify-h": ["Büro", CLIENT, "Post", "", "Anna", "Yes", day, "08:00:00", day,
                       f"{end}:00", duration, f"{minutes / 60:.2f}"],
        "clockify-decimal": ["Büro", CLIENT, "Post", "Yes", day, duration],
        "harvest": [day, CLIENT, "Büro", "Büro", "Post", duration, "Yes", "Anna"],
        "allgemein": [day, "Post", duration, CLIENT],
    }[tracker]  # fmt: skip


DURATIONS = {
    "sekunden": lambda m: str(m * 60),
    "h:mm": lambda m: f"{m // 60}:{m % 60:02d}",
    "h:mm:ss": lambda m: f"{m // 60:02d}:{m % 60:02d}:00",
    "dezimal": lambda m: f"{m / 60:.2f}",
    "dezimal-komma": lambda m: f"{m / 60:.2f}".replace(".", ","),
}
DATES = {
    "iso": "%Y-%m-%d",
    "de": "%d.%m.%Y",
    "us": "%m/%d/%Y",
    "tt/mm": "%d/%m/%Y",
    "tt-mm": "%d-%m-%Y",
    "mm-tt": "%m-%d-%Y",
    "iso-zeit": "%Y-%m-%d 08:00",
}
VARIANTS = [
    ("kimai-en", "sekunden", "iso", ","),
    ("kimai-en", "h:mm", "iso", ","),
    ("kimai-en", "dezimal", "de", ","),
    ("kimai-de", "h:mm", "de", ";"),
    ("kimai-de", "sekunden", "de", ";"),
    ("kimai-de", "dezimal-komma", "de", ";"),
    ("toggl", "h:mm:ss", "iso", ","),
    ("toggl", "h:mm:ss", "tt/mm", ","),
    ("toggl", "h:mm:ss", "us", ";"),
    ("clockify-h", "h:mm:ss", "us", ","),
    ("clockify-h", "h:mm:ss", "tt/mm", ","),
    ("clockify-h", "h:mm:ss", "tt-mm", ","),
    ("clockify-h", "h:mm:ss", "mm-tt", ";"),
    ("clockify-h", "h:mm:ss", "de", ","),
    ("clockify-h", "h:mm:ss", "iso-zeit", ","),
    ("clockify-decimal", "dezimal", "us", ","),
    ("harvest", "dezimal", "iso", ","),
    ("harvest", "h:mm", "iso", "\t"),
    ("allgemein", "h:mm", "de", "\t"),
    ("allgemein", "dezimal-komma", "iso", ";"),
]
ENCODINGS = ["utf-8", "utf-8-sig"]


def export(tracker: str, duration: str, dates: str, delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADERS[tracker].split(","))
    for day, minutes in zip(DAYS, MINUTES, strict=True):
        writer.writerow(
            cells(tracker, f"{day:{DATES[dates]}}", minutes, DURATIONS[duration](minutes))
        )
    return out.getvalue()


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize(("tracker", "duration", "dates", "delimiter"), VARIANTS)
def test_variant_gives_the_hours(
    tmp_path: Path, tracker: str, duration: str, dates: str, delimiter: str, encoding: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(export(tracker, duration, dates, delimiter).encode(encoding))
    imported = import_times(Request(path, *DEC, client=CLIENT))
    assert [(e.datum, e.minuten) for e in imported.entries] == list(zip(DAYS, MINUTES, strict=True))
    assert imported.entries[0].taetigkeit == "Post"
    assert imported.warnings == []


@pytest.mark.parametrize("tracker", ["clockify-h", "toggl"])
def test_xlsx_export_gives_the_hours(tmp_path: Path, tracker: str) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS[tracker].split(","))
    for day, minutes in zip(DAYS, MINUTES, strict=True):
        row: list[object] = cells(tracker, "", minutes, "")
        header = HEADERS[tracker].split(",")
        row[header.index("Start Date" if tracker == "clockify-h" else "Start date")] = datetime(
            day.year, day.month, day.day
        )
        row[header.index("Duration (h)" if tracker == "clockify-h" else "Duration")] = timedelta(
            minutes=minutes
        )
        sheet.append(row)
    path = tmp_path / "export.xlsx"
    book.save(path)
    imported = import_times(Request(path, *DEC, client=CLIENT))
    assert [(e.datum, e.minuten) for e in imported.entries] == list(zip(DAYS, MINUTES, strict=True))
    assert [e.line for e in imported.entries] == [2, 3]


def test_windows_1252_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    text = export("kimai-en", "sekunden", "iso", ",").replace("ü", "ue").replace("ö", "oe")
    path.write_bytes(
        (text + "2026-12-14,08:00,09:00,3600,55,anna,X,Y,Z,Bürokram\r\n").encode("cp1252")
    )
    with pytest.raises(ProblemsError) as caught:
        import_times(Request(path, *DEC))
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (path, 4)
    assert "UTF-8" in problem.message and "Windows-1252" in problem.hint


def test_utf16_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(export("toggl", "h:mm:ss", "iso", "\t").encode("utf-16"))
    with pytest.raises(ProblemsError, match="UTF-16"):
        import_times(Request(path, *DEC))


def test_a_mapping_reads_any_other_tool(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Tag;Minuten;Notiz;Wer\n13.12.2026;95;Post;X\n14.12.2026;20;Ablage;Y\n", "utf-8"
    )
    columns = {"datum": "Tag", "dauer": "Minuten", "taetigkeit": "Notiz", "kunde": "Wer"}
    imported = import_times(Request(path, *DEC, "x", None, columns, None, "minuten"))
    assert [(e.datum, e.minuten, e.taetigkeit) for e in imported.entries] == [
        (date(2026, 12, 13), 95, "Post")
    ]
    assert imported.report.skipped["anderer Kunde"] == 1


def test_readme_table_of_formats_is_generated_from_the_code() -> None:
    from tests.conftest import ROOT
    from vadocs.timesheets.table import END, START, markdown

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(START, 1)[1].split(END, 1)[0]
    assert block == "\n" + markdown(), "run `python tools/update_readme.py`"


CASES = Path(__file__).resolve().parents[1] / "cases" / "timesheets"


@pytest.mark.parametrize("tracker", ["clockify", "toggl", "kimai"])
def test_the_case_files_of_three_trackers_agree(tracker: str) -> None:
    imported = import_times(Request(CASES / f"{tracker}.csv", *DEC, client=CLIENT))
    assert [(e.datum, e.minuten) for e in imported.entries] == [
        (date(2026, 12, 1), 95),
        (date(2026, 12, 3), 20),
    ]
    assert imported.entries[0].taetigkeit == "Postfach sortiert"


def test_the_broken_case_file_is_refused_by_line() -> None:
    with pytest.raises(ProblemsError) as caught:
        import_times(Request(CASES / "kaputt.csv", *DEC))
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (3, "'eine Stunde' ist keine Dauer")
    ]
