"""What an import read, used and skipped, and the entries it gives — as data and as German text."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from vadocs.i18n import N_, _
from vadocs.timesheets.values import hm

SKIP_REASONS = {
    "anderer Kunde": N_("other client"),
    "anderes Projekt": N_("other project"),
    "außerhalb des Zeitraums": N_("outside the period"),
    "nicht abrechenbar": N_("not billable"),
}
"""Why a row was skipped: the key counted in :attr:`ImportReport.skipped`, and its message."""
"""Why a row is not billed, in the order the filters apply."""
MAX_NAMES = 200
"""Distinct client / project names kept for "did you mean" (bounded memory on huge files)."""


@dataclass(frozen=True)
class Entry:
    """One billed row: its day, what was done, and its length in whole minutes (unrounded
    to the billing increment, which the invoice applies)."""

    datum: date
    taetigkeit: str
    minuten: int
    line: int


@dataclass
class ImportReport:
    """Rows read / used / skipped by reason for one file and period."""

    file: Path
    format: str
    von: date
    bis: date
    read: int = 0
    used: int = 0
    minutes: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    clients: dict[str, None] = field(default_factory=dict)
    projects: dict[str, None] = field(default_factory=dict)

    def note(self, names: dict[str, None], name: str) -> None:
        """Remember ``name`` (insertion-ordered, at most :data:`MAX_NAMES`)."""
        if name and len(names) < MAX_NAMES:
            names.setdefault(name, None)

    def summary(self) -> str:
        """One German line, e.g. ``x.csv (Kimai, 2026-12): 12 Zeilen gelesen, 2 übernommen
        (0:25 Std.); übersprungen: 10 anderer Kunde``."""
        period = f"{self.von:%d.%m.%Y}–{self.bis:%d.%m.%Y}"
        text = _("{file} ({format}, {period}): {read} rows read, {used} taken ({hours} h)").format(
            file=self.file,
            format=_(self.format),
            period=period,
            read=self.read,
            used=self.used,
            hours=hm(self.minutes),
        )
        skipped = [
            f"{self.skipped[r]} {_(why)}" for r, why in SKIP_REASONS.items() if self.skipped[r]
        ]
        return text + (
            _("; skipped: {reasons}").format(reasons=", ".join(skipped)) if skipped else ""
        )


def no_match(what: str, wanted: str, names: dict[str, None]) -> tuple[str, str]:
    """Message and hint for a filter that matched no row: the names the file does hold."""
    found = list(names)
    message = _("{what} “{wanted}” matches no row; the file holds: {names}").format(
        what=_(what),
        wanted=wanted,
        names=", ".join(_("“{name}”").format(name=n) for n in found[:20]) or _("no names"),
    )
    close = difflib.get_close_matches(wanted, found, n=1, cutoff=0.5)
    hint = (
        _("did you mean “{name}”?").format(name=close[0])
        if close
        else _("write it as the file does")
    )
    return message, hint


def entry_lines(entries: list[Entry]) -> list[str]:
    """The entries as aligned German lines: ``03.12.2026   0:15  Rückruf Kunde``."""
    return [f"{e.datum:%d.%m.%Y}  {hm(e.minuten):>6}  {e.taetigkeit}" for e in entries]
