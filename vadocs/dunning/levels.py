"""Which reminder is due on a day: Zahlungserinnerung, 1. Mahnung, 2. Mahnung.

The intervals come from the profile (``mahnwesen``): the Zahlungserinnerung
``erinnerung_nach_tagen`` days after the due date, each Mahnung
``mahnung_abstand_tagen`` days after the previous reminder. After the 2. Mahnung
vadocs suggests nothing more (the next step is a court's Mahnbescheid or a lawyer).
No reminder for an invoice that is paid, cancelled or written off, nor for a client
with ``abrechnung.mahnstopp: true``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from vadocs.dunning.records import Gesendet
from vadocs.dunning.sources import Forderung
from vadocs.model.mahnwesen import Mahnwesen

STUFEN = ("Zahlungserinnerung", "1. Mahnung", "2. Mahnung")
"""Level → German title; the index is the level stored in the ledger."""


@dataclass(frozen=True)
class Faellig:
    """A reminder due on ``stichtag`` for ``forderung`` at ``stufe``."""

    forderung: Forderung
    stufe: int
    stichtag: date

    @property
    def titel(self) -> str:
        return STUFEN[self.stufe]

    @property
    def tage_ueberfaellig(self) -> int:
        """Days since the due date (the due date itself counts as 0)."""
        return (self.stichtag - self.forderung.due_on).days


@dataclass(frozen=True)
class Zurueckgestellt:
    """An open, overdue invoice that gets no reminder, and why (German)."""

    forderung: Forderung
    grund: str


def next_level(
    forderung: Forderung, sent: Sequence[Gesendet], settings: Mahnwesen, on: date
) -> int | None:
    """The level due on ``on``, or ``None``: not yet, nothing open, or all levels sent.

    Dates are whole days: due ``erinnerung_nach_tagen`` days after ``due_on``, then
    ``mahnung_abstand_tagen`` days after the previous reminder was sent.
    """
    if not forderung.dunnable:
        return None
    if not sent:
        start = forderung.due_on + timedelta(days=settings.erinnerung_nach_tagen)
        return 0 if on >= start else None
    last = max(sent, key=lambda g: g.level)
    if last.level + 1 >= len(STUFEN):
        return None
    start = last.sent_on + timedelta(days=settings.mahnung_abstand_tagen)
    return last.level + 1 if on >= start else None


def reminders_due(
    items: Sequence[Forderung],
    sent: Mapping[str, Sequence[Gesendet]],
    stops: Mapping[str, str],
    settings: Mahnwesen,
    on: date,
) -> tuple[list[Faellig], list[Zurueckgestellt]]:
    """The reminders due on ``on``, and the overdue invoices held back by a Mahnstopp.

    ``sent`` maps invoice numbers to their recorded reminders; ``stops`` maps client
    short names (kuerzel) to the reason of their Mahnstopp. Sorted by client and number.
    """
    due: list[Faellig] = []
    held: list[Zurueckgestellt] = []
    for f in sorted(items, key=lambda f: (f.client, f.issued_on, f.number)):
        level = next_level(f, sent.get(f.number, ()), settings, on)
        if level is None:
            continue
        if f.client in stops:
            held.append(Zurueckgestellt(f, f"Mahnstopp: {stops[f.client]}"))
            continue
        due.append(Faellig(f, level, on))
    return due, held
