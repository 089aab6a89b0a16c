"""Stream the rows of a tracker export (CSV in UTF-8, or an XLSX/ODS workbook's first sheet).

Rows come one at a time with the line (CSV: physical line where the record starts; workbook:
row number), so a file of any size is read with bounded memory and every problem can name
``file:line``. A CSV's delimiter (``,``, ``;`` or tab) is the one its header line uses most.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import BinaryIO

from vadocs.errors import InputFileError, Problem, ProblemsError
from vadocs.i18n import N_, _

Row = tuple[int, list[str]]
"""``(line, cells)``; the first row is the header."""

_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # zip (xlsx, ods), OLE2 (xls)
_ENCODING_HINT = N_(
    "export the file as CSV in UTF-8 (in Excel: “CSV UTF-8”); Windows-1252/Latin-1 is not guessed"
)


def read_rows(file: Path) -> Iterator[Row]:
    """Every row of ``file``, header first. Raises :class:`InputFileError` (unreadable file)
    or :class:`ProblemsError` (a line that is not UTF-8, a broken CSV record)."""
    try:
        with file.open("rb") as raw:
            magic = raw.read(4)
            if magic.startswith(_WORKBOOK_MAGIC):
                raw.close()
                yield from _workbook_rows(file)
                return
            if magic.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise _problem(file, 1, _("the file is UTF-16 encoded"), _(_ENCODING_HINT))
            raw.seek(0)
            yield from _csv_rows(file, raw)
    except FileNotFoundError:
        raise InputFileError(
            _("{file}: file not found").format(file=file), hint=_("check the path")
        ) from None
    except IsADirectoryError:
        raise InputFileError(_("{file}: is a folder, not a file").format(file=file)) from None
    except PermissionError:
        raise InputFileError(_("{file}: no permission to read").format(file=file)) from None


def _problem(file: Path, line: int, message: str, hint: str = "") -> ProblemsError:
    return ProblemsError([Problem(file, message, line=line, hint=hint)])


def _lines(file: Path, raw: BinaryIO) -> Iterator[str]:
    for number, line in enumerate(raw, start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            byte = line[exc.start]
            raise _problem(
                file,
                number,
                _("not valid UTF-8 (byte 0x{byte:02x})").format(byte=byte),
                _(_ENCODING_HINT),
            ) from None
        yield text.removeprefix("\ufeff") if number == 1 else text


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])


def _csv_rows(file: Path, raw: BinaryIO) -> Iterator[Row]:
    lines = _lines(file, raw)
    first = next(lines, None)
    if first is None:
        raise _problem(file, 1, _("the file is empty"), _("export the report again"))
    reader = csv.reader(_chain(first, lines), delimiter=_delimiter(first))
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _problem(
            file, reader.line_num, _("not a readable CSV line ({exc})").format(exc=exc)
        ) from None


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _workbook_rows(file: Path) -> Iterator[Row]:
    from python_calamine import CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_path(str(file)).get_sheet_by_index(0)
        first = (sheet.start or (0, 0))[0] + 1
        rows = sheet.iter_rows()
    except Exception as exc:  # any failure of the workbook reader is a broken input file
        raise InputFileError(
            _("{file}: not a readable spreadsheet (XLSX/ODS) ({exc})").format(file=file, exc=exc),
            hint=_("export the report again, as XLSX or CSV"),
        ) from None
    for offset, cells in enumerate(rows):
        yield first + offset, [cell_text(c) for c in cells]


def cell_text(value: object) -> str:
    """A workbook cell as the text a CSV export would hold.

    >>> cell_text(timedelta(minutes=95)), cell_text(1.0), cell_text(0.25), cell_text(True)
    ('1:35:00', '1', '0.25', 'yes')
    """
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, timedelta):
        seconds = round(value.total_seconds())
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)
