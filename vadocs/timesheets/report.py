"""What an import read, used and skipped, and the entries it gives — as data and as German text."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from vadocs.timesheets.values import hm

SKIP_REASONS = ("anderer Kunde", "anderes Projekt", "außerhalb des Zeitraums", "nicht abrechenbar")
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
        text = (
            f"{self.file} ({self.format}, {period}): {self.read} Zeilen gelesen, "
            f"{self.used} übernommen ({hm(self.minutes)} Std.)"
        )
        skipped = [f"{self.skipped[r]} {r}" for r in SKIP_REASONS if self.skipped[r]]
        return text + ("; übersprungen: " + ", ".join(skipped) if skipped else "")


def no_match(what: str, wanted: str, names: dict[str, None]) -> tuple[str, str]:
    """Message and hint for a filter that matched no row: the names the file does hold."""
    found = list(names)
    message = f"{what} „{wanted}“ passt auf keine Zeile; die Datei enthält: " + (
        ", ".join(f"„{n}“" for n in found[:20]) or "keine Namen"
    )
    close = difflib.get_close_matches(wanted, found, n=1, cutoff=0.5)
    hint = f"meinten Sie „{close[0]}“?" if close else "Schreibweise wie in der Datei übernehmen"
    return message, hint


def entry_lines(entries: list[Entry]) -> list[str]:
    """The entries as aligned German lines: ``03.12.2026   0:15  Rückruf Kunde``."""
    return [f"{e.datum:%d.%m.%Y}  {hm(e.minuten):>6}  {e.taetigkeit}" for e in entries]
