"""The cells of a tracker export: dates, durations, clock times, billable flags.

Every reader returns a value or raises ``ValueError`` with a German message; the caller adds
the file and line. Dates and durations are classified by *shape* first, so a whole column can
be checked for one format before any value is trusted (see :mod:`vadocs.timesheets.columns`).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from vadocs.i18n import _

# --- dates ------------------------------------------------------------------------------------

DATE_SHAPES: dict[str, re.Pattern[str]] = {
    "JJJJ-MM-TT": re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    "JJJJ/MM/TT": re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    "TT.MM.JJJJ": re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"),
    "TT.MM.JJ": re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2})"),
    "?/?/JJJJ": re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"),
    "?-?-JJJJ": re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})"),
}
"""Date shapes a tracker writes. ``?`` shapes are ambiguous: day-first or month-first."""

DATE_FORMATS: dict[str, tuple[str, str]] = {
    # the accepted ``datumsformat`` → (shape, field order)
    "JJJJ-MM-TT": ("JJJJ-MM-TT", "ymd"),
    "JJJJ/MM/TT": ("JJJJ/MM/TT", "ymd"),
    "TT.MM.JJJJ": ("TT.MM.JJJJ", "dmy"),
    "TT.MM.JJ": ("TT.MM.JJ", "dmy"),
    "TT/MM/JJJJ": ("?/?/JJJJ", "dmy"),
    "MM/TT/JJJJ": ("?/?/JJJJ", "mdy"),
    "TT-MM-JJJJ": ("?-?-JJJJ", "dmy"),
    "MM-TT-JJJJ": ("?-?-JJJJ", "mdy"),
}


def date_part(text: str) -> str:
    """The date of a cell that may carry a time: ``2026-12-01 08:00`` → ``2026-12-01``."""
    return text.strip().split(" ", 1)[0].split("T", 1)[0]


def date_shape(text: str) -> tuple[str, int, int]:
    """``(shape, first, second)`` of a date; ``first``/``second`` are the two leading numbers
    of an ambiguous shape (which one exceeds 12 decides the order).

    >>> date_shape("01/12/2026"), date_shape("2026-12-01 08:00")
    (('?/?/JJJJ', 1, 12), ('JJJJ-MM-TT', 0, 0))
    """
    value = date_part(text)
    for shape, pattern in DATE_SHAPES.items():
        match = pattern.fullmatch(value)
        if match:
            if shape.startswith("?"):
                return shape, int(match[1]), int(match[2])
            return shape, 0, 0
    raise ValueError(_("'{text}' is not a date").format(text=text))


def parse_date(text: str, shape: str, order: str) -> date:
    """``text`` (of ``shape``) read in field ``order`` (``ymd``, ``dmy`` or ``mdy``).

    >>> parse_date("03/12/2026", "?/?/JJJJ", "dmy"), parse_date("3.12.26", "TT.MM.JJ", "dmy")
    (datetime.date(2026, 12, 3), datetime.date(2026, 12, 3))
    """
    match = DATE_SHAPES[shape].fullmatch(date_part(text))
    if match is None:
        raise ValueError(
            _("'{text}' does not have the column's date format {shape}").format(
                text=text, shape=shape
            )
        )
    a, b, c = (int(x) for x in match.groups())
    year, month, day = {"ymd": (a, b, c), "dmy": (c, b, a), "mdy": (c, a, b)}[order]
    if shape == "TT.MM.JJ":
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(
            _("there is no such day in the calendar (found: „{text}“)").format(text=text)
        ) from None


# --- durations --------------------------------------------------------------------------------

_COLON = re.compile(r"(-?)(\d+):([0-5]\d)(?::([0-5]\d))?")
_NUMBER = re.compile(r"(-?)(\d+)(?:[.,](\d+))?")
DURATION_FORMATS = ("h:mm", "h:mm:ss", "stunden", "minuten", "sekunden")
"""The accepted ``dauerformat`` values; ``h:mm[:ss]`` (either) is what a column of clock-like
durations is read as when no ``dauerformat`` is set."""
CLOCK_LIKE = "h:mm[:ss]"


def duration_shape(text: str) -> str:
    """``h:mm``, ``h:mm:ss``, ``dezimal`` (a number with a decimal separator) or ``ganzzahl``.

    >>> [duration_shape(t) for t in ("1:30", "01:30:00", "1,5", "900")]
    ['h:mm', 'h:mm:ss', 'dezimal', 'ganzzahl']
    """
    value = text.strip()
    match = _COLON.fullmatch(value)
    if match:
        return "h:mm:ss" if match[4] is not None else "h:mm"
    match = _NUMBER.fullmatch(value)
    if match:
        return "dezimal" if match[3] is not None else "ganzzahl"
    raise ValueError(_("'{text}' is not a duration").format(text=text))


def duration_seconds(text: str, unit: str) -> Decimal:
    """Seconds of ``text`` read as ``unit`` (one of :data:`DURATION_FORMATS`).

    >>> [duration_seconds(t, u) for t, u in [("1:30", "h:mm"), ("0:15:30", "h:mm:ss"),
    ...     ("0,25", "stunden"), ("900", "sekunden"), ("15", "minuten")]]
    [Decimal('5400'), Decimal('930'), Decimal('900.00'), Decimal('900'), Decimal('900')]
    """
    value = text.strip()
    if unit in ("h:mm", "h:mm:ss", CLOCK_LIKE):
        match = _COLON.fullmatch(value)
        strict = unit != CLOCK_LIKE
        if match is None or (strict and (match[4] is not None) != (unit == "h:mm:ss")):
            raise ValueError(
                _("'{text}' does not have the column's duration format {unit}").format(
                    text=text, unit=unit
                )
            )
        sign = -1 if match[1] else 1
        seconds = int(match[2]) * 3600 + int(match[3]) * 60 + int(match[4] or 0)
        return Decimal(sign * seconds)
    if _NUMBER.fullmatch(value) is None:
        raise ValueError(_("'{text}' is not a number ({unit})").format(text=text, unit=unit))
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(_("'{text}' is not a number").format(text=text)) from None
    return number * {"stunden": 3600, "minuten": 60, "sekunden": 1}[unit]


def whole_minutes(seconds: Decimal) -> int:
    """Seconds to whole minutes, half a minute rounding up.

    >>> whole_minutes(Decimal(89)), whole_minutes(Decimal(90)), whole_minutes(Decimal("-90"))
    (1, 2, -2)
    """
    return int((seconds / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def hm(minutes: int) -> str:
    """``95`` → ``1:35``."""
    sign = "-" if minutes < 0 else ""
    return f"{sign}{abs(minutes) // 60}:{abs(minutes) % 60:02d}"


# --- clock times and flags --------------------------------------------------------------------

_CLOCK = re.compile(r"(?:^|[ T])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?")


def clock_seconds(text: str) -> int:
    """Seconds after midnight of a start or end time (``14:00``, ``2:00 PM``, ``2026-12-03 14:00``).

    >>> clock_seconds("14:15"), clock_seconds("2:15:30 PM"), clock_seconds("2026-12-03T08:00:00")
    (51300, 51330, 28800)
    """
    match = _CLOCK.search(text.strip())
    if match is None:
        raise ValueError(_("'{text}' is not a time of day").format(text=text))
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if match[4]:
        hour = hour % 12 + (12 if match[4] in "Pp" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(_("'{text}' is not a time of day").format(text=text))
    return hour * 3600 + minute * 60 + second


_YES = {"yes", "ja", "true", "wahr", "1", "x", "y", "j"}
_NO = {"no", "nein", "false", "falsch", "0", "n", "-"}


def billable(text: str) -> bool:
    """A billable flag: ``Yes``/``No``, ``Ja``/``Nein``, ``true``/``false``, ``1``/``0``.

    >>> billable("Yes"), billable("nein")
    (True, False)
    """
    value = text.strip().casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValueError(_("'{text}' is neither yes nor no (billable)").format(text=text))
