"""Time entries from the CSV exports of common time trackers (Clockify, Toggl Track, Kimai).

Supported columns (matched case-insensitively, first match wins):

=========  ==========================================  =====================================
what       column names                                formats
=========  ==========================================  =====================================
date       Start Date, Start date, Date, Datum         2026-12-01, 01.12.2026, 12/01/2026
activity   Description, Beschreibung, Activity,        text
           Tätigkeit, Task
duration   Duration (h), Duration, Dauer,              1:30, 01:30:00 (h:mm[:ss]);
           Duration (decimal)                          1,5 or 1.5 (decimal hours)
client     Client, Customer, Kunde                     text (optional filter)
=========  ==========================================  =====================================

Clockify writes ``Start Date`` as MM/DD/YYYY in its default US format; a slash date
is read that way. Rows outside the invoice period are skipped; every other row that
cannot be read is an error naming the CSV file and line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from vadocs.data.yaml_source import read_text
from vadocs.errors import Problem, ProblemsError
from vadocs.i18n import _

DATE_COLUMNS = ("start date", "date", "datum", "startdatum")
TEXT_COLUMNS = (
    "description",
    "beschreibung",
    "activity",
    "tätigkeit",
    "taetigkeit",
    "task",
    "aktivität",
)
DURATION_COLUMNS = ("duration (h)", "duration", "dauer", "duration (decimal)")
CLIENT_COLUMNS = ("client", "customer", "kunde")


@dataclass(frozen=True)
class CsvEntry:
    datum: date
    taetigkeit: str
    minuten: int


def read_entries(file: Path, von: date, bis: date, kunde: str | None = None) -> list[CsvEntry]:
    """Entries of ``file`` dated ``von``…``bis`` (and of client ``kunde`` when given)."""
    text = read_text(file)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise ProblemsError([Problem(file, _("the CSV file is empty"))])
    header = [h.strip().lower() for h in rows[0]]
    cols = _columns(file, header)
    entries, problems = [], []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            entry = _entry(row, cols)
        except ValueError as exc:
            problems.append(Problem(file, str(exc), line=number, hint=_HINT))
            continue
        if not von <= entry.datum <= bis:
            continue
        if kunde and cols["client"] is not None and row[cols["client"]].strip() != kunde:
            continue
        entries.append(entry)
    if problems:
        raise ProblemsError(problems)
    return entries


_HINT = "export the detailed report as CSV from Clockify, Toggl Track or Kimai"


def _columns(file: Path, header: list[str]) -> dict[str, int | None]:
    def find(names: tuple[str, ...]) -> int | None:
        for name in names:
            if name in header:
                return header.index(name)
        return None

    cols = {
        "date": find(DATE_COLUMNS),
        "text": find(TEXT_COLUMNS),
        "duration": find(DURATION_COLUMNS),
        "client": find(CLIENT_COLUMNS),
    }
    missing = [k for k in ("date", "text", "duration") if cols[k] is None]
    if missing:
        raise ProblemsError(
            [
                Problem(
                    file,
                    _("no column for {join_missing} in the header ({join_header})").format(
                        join_missing=", ".join(missing), join_header=", ".join(header)
                    ),
                    line=1,
                    hint=_HINT,
                )
            ]
        )
    return cols


def _entry(row: list[str], cols: dict[str, int | None]) -> CsvEntry:
    def cell(key: str) -> str:
        index = cols[key]
        assert index is not None
        if index >= len(row):
            raise ValueError(_("the row has no {key} column").format(key=key))
        return row[index].strip()

    return CsvEntry(
        parse_date(cell("date")),
        cell("text") or "(ohne Beschreibung)",
        parse_duration(cell("duration")),
    )


def parse_date(text: str) -> date:
    """A tracker's date.

    >>> parse_date("01.12.2026"), parse_date("12/01/2026"), parse_date("2026-12-01")
    (datetime.date(2026, 12, 1), datetime.date(2026, 12, 1), datetime.date(2026, 12, 1))
    """
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%m/%d/%Y", "%d.%m.%y"):
        try:
            return datetime.strptime(text[:10].strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(_("'{text}' is not a date").format(text=text))


def parse_duration(text: str) -> int:
    """A duration in minutes (seconds round to the nearest minute).

    >>> parse_duration("1:30"), parse_duration("01:30:40"), parse_duration("1,25")
    (90, 91, 75)
    """
    match = re.fullmatch(r"(\d+):([0-5]\d)(?::([0-5]\d))?", text)
    if match:
        hours, minutes, seconds = match.groups()
        return int(hours) * 60 + int(minutes) + (1 if seconds and int(seconds) >= 30 else 0)
    try:
        hours_decimal = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise ValueError(_("'{text}' is not a duration").format(text=text)) from None
    if hours_decimal < 0:
        raise ValueError(_("'{text}' is a negative duration").format(text=text))
    return int((hours_decimal * 60).to_integral_value())
