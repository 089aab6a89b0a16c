"""What a tracker export looks like: its columns by role and how a plain number is read.

Each tracker module (:mod:`~vadocs.timesheets.kimai`, :mod:`~vadocs.timesheets.toggl`,
:mod:`~vadocs.timesheets.clockify`, :mod:`~vadocs.timesheets.harvest`) defines one
:class:`Format`; :data:`vadocs.timesheets.table.FORMATS` lists them in the order they are tried,
and the documentation table of recognised formats is generated from that list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from vadocs.i18n import _

Numbers = Literal["stunden", "sekunden-oder-stunden", "nur-dezimal"]
"""How a plain number in the duration column reads:

``stunden``: decimal hours (``1.5``, also ``2``); ``sekunden-oder-stunden`` (Kimai): a whole
number is seconds, a number with a decimal separator is hours; ``nur-dezimal``: a number with a
decimal separator is hours, a whole number is refused as ambiguous (hours? minutes? seconds?).
"""


@dataclass(frozen=True)
class Format:
    """One export format. Column names are compared case-insensitively, first match wins."""

    name: str
    date: tuple[str, ...]
    duration: tuple[str, ...]
    text: tuple[str, ...]
    fallback_text: tuple[str, ...] = ()
    client: tuple[str, ...] = ()
    project: tuple[str, ...] = ()
    billable: tuple[str, ...] = ()
    start: tuple[str, ...] = ()
    end: tuple[str, ...] = ()
    signature: tuple[tuple[str, ...], ...] = ()
    """Groups of names; the header must hold one name of each group (besides date/duration)."""
    numbers: Numbers = "nur-dezimal"
    durations: str = ""
    """For the documentation: the duration formats this tracker writes."""
    dates: str = ""
    """For the documentation: the date formats this tracker writes."""
    date_setting: str = ""
    """Where in the tracker the export's date format is set (its own menu words), for hints."""

    def matches(self, header: list[str]) -> bool:
        """Whether a header (already casefolded) is this format's."""
        names = set(header)
        groups = (self.date, self.duration, *self.signature)
        return all(any(n in names for n in group) for group in groups)


@dataclass(frozen=True)
class Layout:
    """Where each role sits in one file's header (column indexes; ``None``: not there)."""

    format: Format
    date: int
    duration: int
    text: int | None
    fallback_text: int | None
    client: int | None
    project: int | None
    billable: int | None
    start: int | None
    end: int | None

    @classmethod
    def of(cls, fmt: Format, header: list[str]) -> Layout:
        """The layout of ``header`` (casefolded) for ``fmt``, which must match it."""

        def find(names: tuple[str, ...]) -> int | None:
            return next((header.index(n) for n in names if n in header), None)

        date, duration = find(fmt.date), find(fmt.duration)
        if date is None or duration is None:
            raise ValueError(
                _("{name}: the header lacks the date or duration column").format(name=fmt.name)
            )
        return cls(
            fmt,
            date,
            duration,
            find(fmt.text),
            find(fmt.fallback_text),
            find(fmt.client),
            find(fmt.project),
            find(fmt.billable),
            find(fmt.start),
            find(fmt.end),
        )
