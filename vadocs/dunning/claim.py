"""The statement of claim a reminder prints: open amount, default, interest, flat fee, fees.

Everything here is a claim stated in a letter, never an invoice: no number of the invoice
series, no VAT (default interest and the § 288 Abs. 5 flat fee are damages, not payment
for a service). The template prints what is decided here and computes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from vadocs.dunning.basiszins import Basiszinstabelle
from vadocs.dunning.interest import (
    Verzug,
    Zinsabschnitt,
    kosten_nach_anrechnung,
    verzugsbeginn,
    verzugspauschale,
    verzugszinsen_gestaffelt,
    zinsaufschlag,
)
from vadocs.dunning.levels import STUFEN, Faellig
from vadocs.dunning.records import Gesendet
from vadocs.model.mahnwesen import Mahnwesen

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Posten:
    """One reminded invoice: its number, date, due date, amount asked and amount open."""

    nummer: str
    datum: date
    faellig: date
    betrag: Decimal
    offen: Decimal


@dataclass(frozen=True)
class Vorherige:
    """A reminder sent earlier for the same invoice."""

    titel: str
    datum: date


@dataclass(frozen=True)
class Mahnung:
    """One reminder letter: level, dates and the claim in euros."""

    stufe: int
    titel: str
    datum: date
    frist: date
    """Pay by this day (inclusive)."""
    zugang: date
    """The day the letter is expected to arrive (``mahnwesen.zugang_tage``)."""
    posten: tuple[Posten, ...]
    unternehmen: bool
    verzug: Verzug | None
    zinsabschnitte: tuple[Zinsabschnitt, ...]
    zinsaufschlag: Decimal
    zinsen: Decimal
    pauschale: Decimal
    gebuehr: Decimal
    """The fee for this reminder, before crediting the flat fee."""
    gebuehren: Decimal
    """Reminder fees claimed beside the flat fee (all reminders, after crediting)."""
    vorherige: tuple[Vorherige, ...]

    @property
    def offen(self) -> Decimal:
        return sum((p.offen for p in self.posten), ZERO)

    @property
    def nebenforderungen(self) -> Decimal:
        """Interest, flat fee and reminder fees together."""
        return self.zinsen + self.pauschale + self.gebuehren

    @property
    def gesamt(self) -> Decimal:
        return self.offen + self.nebenforderungen

    @property
    def zinsen_von(self) -> date | None:
        return self.zinsabschnitte[0].von if self.zinsabschnitte else None

    @property
    def zinsen_bis(self) -> date | None:
        return self.zinsabschnitte[-1].bis if self.zinsabschnitte else None


def statement(
    due: Faellig,
    previous: Sequence[Gesendet],
    unternehmen: bool,
    settings: Mahnwesen,
    tabelle: Basiszinstabelle,
) -> Mahnung:
    """The claim for the reminder ``due``, dated ``due.stichtag``.

    The invoice is taken as received on its date (vadocs invoices go out on the day they
    are issued); earlier reminders as received ``zugang_tage`` after they were sent.
    Interest runs from the first day of default through the reminder's date (both
    inclusive) on the amount open on each day: payments during default reduce it from the
    day they arrive (:func:`verzugszinsen_gestaffelt`). A reminder fee is charged only from
    the 1. Mahnung on and only when the client is already in default on the reminder's date.
    """
    f, on = due.forderung, due.stichtag
    verzug = verzugsbeginn(f.due_on, f.issued_on, (g.received_on for g in previous), on)
    aufschlag = zinsaufschlag(unternehmen)
    sections: tuple[Zinsabschnitt, ...] = ()
    if verzug is not None:
        # What the recorded payments do not explain counts as paid before default (errs low).
        before = f.open_amount + sum((a for d, a in f.zahlungen if d <= on), ZERO)
        sections = verzugszinsen_gestaffelt(
            before, f.zahlungen, verzug.zinsbeginn, on, aufschlag, tabelle
        )
    fee = settings.mahngebuehr if due.stufe >= 1 and verzug is not None else ZERO
    pauschale = verzugspauschale(unternehmen, verzug)
    all_fees = sum((g.fee for g in previous), ZERO) + fee
    return Mahnung(
        stufe=due.stufe,
        titel=STUFEN[due.stufe],
        datum=on,
        frist=on + timedelta(days=settings.zahlungsfrist_tage),
        zugang=on + timedelta(days=settings.zugang_tage),
        posten=(Posten(f.number, f.issued_on, f.due_on, f.gross, f.open_amount),),
        unternehmen=unternehmen,
        verzug=verzug,
        zinsabschnitte=sections,
        zinsaufschlag=aufschlag,
        zinsen=sum((s.betrag for s in sections), ZERO),
        pauschale=pauschale,
        gebuehr=fee,
        gebuehren=kosten_nach_anrechnung(pauschale, all_fees),
        vorherige=tuple(Vorherige(STUFEN[g.level], g.sent_on) for g in previous),
    )


def record_of(m: Mahnung) -> Gesendet:
    """The ledger row of a reminder about to be sent (files are added when archived)."""
    return Gesendet(
        number=m.posten[0].nummer,
        level=m.stufe,
        sent_on=m.datum,
        received_on=m.zugang,
        default_since=m.verzug.beginn if m.verzug else None,
        open_amount=m.offen,
        interest=m.zinsen,
        flat_fee=m.pauschale,
        fee=m.gebuehr,
        total=m.gesamt,
        files={},
    )
