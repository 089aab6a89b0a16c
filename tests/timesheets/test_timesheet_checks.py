"""Durations checked, dates never guessed, every refusal at ``file:line``, never a crash."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vadocs.errors import ProblemsError, Severity, VadocsError, shown
from vadocs.model.time_import import Datumsformat, Dauerformat
from vadocs.timesheets import Request, import_times
from vadocs.timesheets.values import (
    DATE_FORMATS,
    DURATION_FORMATS,
    duration_seconds,
    duration_shape,
    parse_date,
    whole_minutes,
)

DEC = (date(2026, 12, 1), date(2026, 12, 31))
HEAD = "Date,From,To,Duration,Customer,Project,Activity,Description,Billable\n"


def kimai(*rows: str) -> str:
    return HEAD + "".join(r + "\n" for r in rows)


def row(day: str = "2026-12-03", start: str = "08:00", end: str = "09:00", dur: str = "3600",
        who: str = "A", billable: str = "Yes", project: str = "P") -> str:  # fmt: skip
    return f"{day},{start},{end},{dur},{who},{project},Büro,Post,{billable}"


# (case id, rows, line, message part) — each refused naming the file and line
REFUSED = [
    ("zero", [row(), row(end="08:00", dur="0")], 3, "null oder negativ"),
    ("negative", [row(dur="-3600", end="07:00")], 2, "null oder negativ"),
    ("under-half-a-minute", [row(end="08:00", dur="20")], 2, "halbe Minute"),
    ("over-24h", [row(end="08:00", dur="90000")], 2, "länger als 24 Stunden"),
    ("start-end-disagree", [row(), row(end="08:15", dur="3600")], 3, "passt nicht zu Beginn/Ende"),
    ("mixed-dates", [row(), row(day="03.12.2026")], 3, "Datumsformat wechselt"),
    ("mixed-durations", [row(), row(dur="1:00")], 3, "Dauerformat wechselt"),
    ("seconds-and-decimal", [row(), row(dur="1.00")], 3, "Dauerformat"),
    ("no-date", [row(), row(day="")], 3, "Datum ist leer"),
    ("not-a-date", [row(day="31.02.2026"), row(day="01.12.2026")], 2, "gibt es im Kalender nicht"),
    ("garbage-date", [row(day="gestern")], 2, "kein Datum"),
    ("garbage-duration", [row(dur="eine Stunde")], 2, "keine Dauer"),
    ("bad-billable", [row(billable="vielleicht")], 2, "weder ja noch nein"),
    ("both-orders", [row(day="13/12/2026"), row(day="12/13/2026")], 3, "Monat zuerst"),
    ("ambiguous", [row(day="03/12/2026")], 2, "mehrdeutig"),
    ("bad-clock", [row(start="acht")], 2, "keine Uhrzeit"),
]


@pytest.mark.parametrize(("rows", "line", "message"), [c[1:] for c in REFUSED],
                         ids=[c[0] for c in REFUSED])  # fmt: skip
def test_refused_naming_file_and_line(
    tmp_path: Path, rows: list[str], line: int, message: str
) -> None:
    path = tmp_path / "kimai.csv"
    path.write_text(kimai(*rows), encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        import_times(Request(path, *DEC))
    first = caught.value.problems[0]
    assert (first.file, first.line) == (path, line), first.format()
    assert message in first.message
    assert first.format().startswith(f"{shown(path)}:{line}: ")  # as the user sees it


def test_long_entries_and_days_are_warnings(tmp_path: Path) -> None:
    path = tmp_path / "kimai.csv"
    path.write_text(
        kimai(row(end="19:00", dur=str(11 * 3600)), row(start="19:00", end="01:00", dur="21600")),
        encoding="utf-8",
    )
    imported = import_times(Request(path, *DEC))
    assert [(w.line, w.severity) for w in imported.warnings] == [
        (2, Severity.WARNING),
        (2, Severity.WARNING),
    ]
    assert "über 10 Stunden" in imported.warnings[0].message
    assert "03.12.2026: zusammen 17:00 Std." in imported.warnings[1].message


def test_skips_are_counted_by_reason(tmp_path: Path) -> None:
    path = tmp_path / "kimai.csv"
    rows = [
        row(project="Q"),
        row(who="B", project="Q"),
        row(day="2026-11-30", project="Q"),
        row(billable="No", project="Q"),
        row(dur="1800", end="08:30"),
    ]
    path.write_text(kimai(*rows), "utf-8")
    imported = import_times(Request(path, *DEC, client="a", project="Q"))
    report = imported.report
    assert (report.read, report.used, report.minutes) == (5, 1, 60)
    assert dict(report.skipped) == {
        "anderer Kunde": 1,
        "anderes Projekt": 1,
        "außerhalb des Zeitraums": 1,
        "nicht abrechenbar": 1,
    }
    assert "5 Zeilen gelesen, 1 übernommen (1:00 Std.)" in report.summary()
    everything = import_times(Request(path, *DEC, project="Q", include_unbillable=True))
    assert everything.report.used == 3


def test_a_period_without_rows_is_refused_with_the_counts(tmp_path: Path) -> None:
    path = tmp_path / "kimai.csv"
    path.write_text(kimai(row(day="2026-11-03")), encoding="utf-8")
    with pytest.raises(ProblemsError, match=r"keine Zeile übernommen.*1 außerhalb des Zeitraums"):
        import_times(Request(path, *DEC))


def test_an_unknown_header_lists_the_supported_trackers(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Projekt,Betrag\nA,1\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        import_times(Request(path, *DEC))
    (problem,) = caught.value.problems
    assert problem.line == 1 and "Kopfzeile nicht erkannt" in problem.message
    assert "Kimai" in problem.hint and "spalten" in problem.hint


def test_the_model_offers_exactly_the_formats_the_reader_knows() -> None:
    assert set(get_args(Datumsformat)) == set(DATE_FORMATS)
    assert get_args(Dauerformat) == DURATION_FORMATS


@given(st.integers(min_value=1, max_value=24 * 60))
def test_durations_read_back_to_the_same_minutes(minutes: int) -> None:
    renderings = {
        "sekunden": str(minutes * 60),
        "h:mm": f"{minutes // 60}:{minutes % 60:02d}",
        "h:mm:ss": f"{minutes // 60:02d}:{minutes % 60:02d}:00",
        "stunden": f"{minutes / 60:.2f}".replace(".", ","),
        "minuten": str(minutes),
    }
    for unit, text in renderings.items():
        duration_shape(text)
        assert whole_minutes(duration_seconds(text, unit)) == minutes, (unit, text)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(sorted(DATE_FORMATS)))  # fmt: skip
def test_dates_read_back_in_every_format(day: date, name: str) -> None:
    shape, order = DATE_FORMATS[name]
    pattern = {"ymd": "%Y{0}%m{0}%d", "dmy": "%d{0}%m{0}%Y", "mdy": "%m{0}%d{0}%Y"}[order]
    text = f"{day:{pattern.format(name[2] if order != 'ymd' else name[4])}}"
    if name == "TT.MM.JJ":
        text = f"{day:%d.%m.%y}"
    assert parse_date(text, shape, order) == day


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=12), min_size=1,
                max_size=9), st.integers(0, 4))  # fmt: skip
def test_no_input_gives_anything_but_a_located_problem(cells: list[str], variant: int) -> None:
    import tempfile

    heads = [HEAD, "Start Date,Duration (h),Description\n", "Datum;Dauer;Beschreibung\n",
             "Date,Hours,Notes\n", "Start date,Start time,Duration,Description\n"]  # fmt: skip
    text = heads[variant] + ",".join(cells) + "\n" + ";".join(reversed(cells)) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_text(text, encoding="utf-8")
        try:
            import_times(Request(path, date(2026, 1, 1), date(2026, 1, 1) + timedelta(days=30)))
        except ProblemsError as exc:
            assert all(p.file == path for p in exc.problems)
        except VadocsError as exc:  # an unreadable file: named in the message
            assert str(path) in exc.message
