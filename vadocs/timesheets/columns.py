"""The first pass over an export: one date format and one duration unit for each column.

A date is never guessed: a slash or dash date (``03/12/2026``) is day-first when some first
field of the column exceeds 12, month-first when some second field does, and refused when
neither (or both) is so, unless ``datumsformat`` says. A column mixing date formats, or
clock-like and plain-number durations, is refused. The duration unit comes from the header
(the :class:`~vadocs.timesheets.formats.Format`'s number rule), the values, or
``dauerformat``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vadocs.errors import Problem, ProblemsError
from vadocs.i18n import N_, _
from vadocs.timesheets.formats import Format, Layout
from vadocs.timesheets.rows import Row
from vadocs.timesheets.values import (
    CLOCK_LIKE,
    DATE_FORMATS,
    date_shape,
    duration_shape,
)

MAX_PROBLEMS = 20
DATE_HINT = N_(
    "set in the client file zeiten_csv: {datei: …, datumsformat: TT/MM/JJJJ} "
    "(or MM/TT/JJJJ), or export dates as YYYY-MM-DD"
)
DURATION_HINT = N_(
    "set in the client file zeiten_csv: {datei: …, dauerformat: stunden} "
    "(or h:mm, h:mm:ss, minuten, sekunden)"
)


@dataclass(frozen=True)
class Plan:
    """How to read the file: date shape and field order, duration unit."""

    date_shape: str
    date_order: str
    duration_unit: str


@dataclass
class _Seen:
    first: dict[str, tuple[int, str]] = field(default_factory=dict)
    day_first: tuple[int, str] | None = None
    month_first: tuple[int, str] | None = None


def date_hint(fmt: Format) -> str:
    """How to fix a date column: the tracker's own setting where it has one, else the
    client file's ``datumsformat``."""
    if not fmt.date_setting:
        return _(DATE_HINT)
    return _(
        "set the export's date format in {setting} (best: YYYY-MM-DD) and export again; "
        "or {fallback}"
    ).format(setting=_(fmt.date_setting), fallback=_(DATE_HINT))


def plan(
    file: Path,
    layout: Layout,
    rows: Iterable[Row],
    date_format: str | None = None,
    duration_format: str | None = None,
) -> Plan:
    """Look at every data row of ``rows`` (header excluded); raise :class:`ProblemsError`
    naming ``file:line`` for a missing or unreadable cell or a column that mixes formats."""
    dates, durations = _Seen(), _Seen()
    problems: list[Problem] = []
    for line, cells in rows:
        if len(problems) >= MAX_PROBLEMS:
            break
        if not any(c.strip() for c in cells):
            continue
        try:
            _look(cells, layout, dates, durations, line)
        except _DateCellError as exc:
            problems.append(Problem(file, str(exc), line=line, hint=date_hint(layout.format)))
        except ValueError as exc:
            problems.append(Problem(file, str(exc), line=line))
    if problems:
        raise ProblemsError(problems)
    if not dates.first:
        raise ProblemsError([Problem(file, _("the file holds no time entries"), line=1)])
    return Plan(
        *_date_plan(file, dates, date_format, date_hint(layout.format)),
        _duration_plan(file, layout, durations, duration_format),
    )


def _cell(cells: list[str], index: int, what: str) -> str:
    value = cells[index].strip() if index < len(cells) else ""
    if not value:
        raise ValueError(_("the {what} column is empty").format(what=_(what)))
    return value


class _DateCellError(ValueError):
    """A cell of the date column that is no date."""


def _look(cells: list[str], layout: Layout, dates: _Seen, durations: _Seen, line: int) -> None:
    text = _cell(cells, layout.date, N_("date"))
    try:
        shape, first, second = date_shape(text)
    except ValueError as exc:
        raise _DateCellError(str(exc)) from None
    dates.first.setdefault(shape, (line, text))
    if first > 12 and dates.day_first is None:
        dates.day_first = (line, text)
    if second > 12 and dates.month_first is None:
        dates.month_first = (line, text)
    text = _cell(cells, layout.duration, N_("duration"))
    durations.first.setdefault(duration_shape(text), (line, text))


def _mixed(file: Path, seen: dict[str, tuple[int, str]], what: str, hint: str) -> ProblemsError:
    (line_a, a), (line_b, b) = sorted(seen.values())[:2]
    return ProblemsError(
        [
            Problem(
                file,
                _("{what} changes within the column: line {line} “{a}”, here “{b}”").format(
                    what=_(what), line=line_a, a=a, b=b
                ),
                line=line_b,
                hint=_(hint),
            )
        ]
    )


def _date_plan(file: Path, seen: _Seen, date_format: str | None, hint: str) -> tuple[str, str]:
    if date_format is not None:
        shape, order = DATE_FORMATS[date_format]
        for other, (line, text) in seen.first.items():
            if other != shape:
                raise ProblemsError(
                    [
                        Problem(
                            file,
                            _("“{text}” does not match datumsformat {format}").format(
                                text=text, format=date_format
                            ),
                            line=line,
                            hint=hint,
                        )
                    ]
                )
        return shape, order
    if len(seen.first) > 1:
        raise _mixed(file, seen.first, N_("the date format"), hint)
    ((shape, (line, text)),) = seen.first.items()
    if not shape.startswith("?"):
        return shape, "ymd" if shape.startswith("J") else "dmy"
    if seen.day_first and seen.month_first:
        (line_d, d), (line_m, m) = seen.day_first, seen.month_first
        raise ProblemsError(
            [
                Problem(
                    file,
                    _("“{m}” is month first, but line {line} “{d}” day first").format(
                        m=m, line=line_d, d=d
                    ),
                    line=line_m,
                    hint=hint,
                )
            ]
        )
    if seen.day_first:
        return shape, "dmy"
    if seen.month_first:
        return shape, "mdy"
    message = _(
        "“{text}” is ambiguous (day/month or month/day) and no day in the column is above 12"
    ).format(text=text)
    raise ProblemsError([Problem(file, message, line=line, hint=hint)])


def _duration_plan(file: Path, layout: Layout, seen: _Seen, unit: str | None) -> str:
    clock = {s: v for s, v in seen.first.items() if s.startswith("h:")}
    numbers = {s: v for s, v in seen.first.items() if not s.startswith("h:")}
    if unit is not None:
        wrong = (
            {s: v for s, v in seen.first.items() if s != unit} if unit.startswith("h:") else clock
        )
        for line, text in wrong.values():
            raise ProblemsError(
                [
                    Problem(
                        file,
                        _("“{text}” does not match dauerformat {unit}").format(
                            text=text, unit=unit
                        ),
                        line=line,
                    )
                ]
            )
        return unit
    if clock and numbers:
        raise _mixed(file, seen.first, N_("the duration format"), DURATION_HINT)
    if clock:
        return CLOCK_LIKE
    rule = layout.format.numbers
    if rule == "stunden":
        return "stunden"
    if rule == "sekunden-oder-stunden" and len(numbers) > 1:
        raise _mixed(
            file, numbers, N_("the duration format (seconds and decimal hours)"), DURATION_HINT
        )
    if "ganzzahl" in numbers:
        if rule == "sekunden-oder-stunden":
            return "sekunden"
        line, text = numbers["ganzzahl"]
        message = _("duration “{text}” without a unit: hours, minutes or seconds?").format(
            text=text
        )
        raise ProblemsError([Problem(file, message, line=line, hint=_(DURATION_HINT))])
    return "stunden"
