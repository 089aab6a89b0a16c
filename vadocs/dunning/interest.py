"""Default under § 286 BGB, default interest under § 288 BGB, and the € 40 flat fee.

Day count: default interest is owed for every day of default (the debtor can end it on
any day), so it is computed day by day with the rate in force on that day: each day earns
``amount × rate / 100 / days of its calendar year`` (365, or 366 in a leap year), the
"actual/actual" or Effektivzinsmethode. No statute prescribes a day count (jura-basic.de,
"Zinsberechnung" Rz. 11 e; zinsmethoden.de, overview of methods for § 288 BGB); counting
the real calendar days never claims a day that was not in default, whereas 30/360 does
for 31-day months. Days are grouped into sections with one rate and one year length; each
section is rounded to the cent (ROUND_HALF_UP) so that the statement adds up, and the sum
of the rounded sections is the claim.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from vadocs.dunning.basiszins import Basiszinstabelle

CENT = Decimal("0.01")
AUFSCHLAG_VERBRAUCHER = Decimal(5)
"""§ 288 Abs. 1 Satz 2 BGB: five percentage points above the base rate."""
AUFSCHLAG_UNTERNEHMEN = Decimal(9)
"""§ 288 Abs. 2 BGB: nine points where no consumer is party (contracts since 29 July 2014)."""
PAUSCHALE = Decimal("40.00")
"""§ 288 Abs. 5 Satz 1 BGB: flat fee when a debtor who is not a consumer is in default."""
FRIST_TAGE = 30
"""§ 286 Abs. 3 Satz 1 BGB: default at the latest 30 days after due date and receipt."""


@dataclass(frozen=True)
class Zinsabschnitt:
    """Days ``von``..``bis`` (both inclusive) with one base rate and one year length."""

    von: date
    bis: date
    tage: int
    basiszins: Decimal
    zinssatz: Decimal
    """Percent per year: base rate plus the surcharge of § 288 BGB."""
    jahrestage: int
    exakt: Decimal
    """Interest before rounding, in euros."""
    kapital: Decimal = Decimal("0.00")
    """The amount (euros) that was open, and earned interest, on these days."""

    @property
    def betrag(self) -> Decimal:
        """Interest of the section in euros, rounded half-up to the cent."""
        return self.exakt.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Zinsberechnung:
    """Default interest on ``betrag`` for the days ``von``..``bis`` (inclusive)."""

    betrag: Decimal
    von: date
    bis: date
    abschnitte: tuple[Zinsabschnitt, ...]

    @property
    def summe(self) -> Decimal:
        """The claim in euros: the sum of the sections, each rounded to the cent."""
        return sum((a.betrag for a in self.abschnitte), Decimal("0.00"))

    @property
    def exakt(self) -> Decimal:
        """The unrounded interest (additive over adjoining periods)."""
        return sum((a.exakt for a in self.abschnitte), Decimal(0))

    @property
    def tage(self) -> int:
        return sum(a.tage for a in self.abschnitte)


def zinsaufschlag(unternehmen: bool) -> Decimal:
    """Percentage points above the base rate: 9 toward a business, 5 toward a consumer."""
    return AUFSCHLAG_UNTERNEHMEN if unternehmen else AUFSCHLAG_VERBRAUCHER


def verzugszinsen(
    betrag: Decimal, von: date, bis: date, aufschlag: Decimal, tabelle: Basiszinstabelle
) -> Zinsberechnung:
    """Default interest (§ 288 Abs. 1, 2 BGB) on ``betrag`` euros for ``von``..``bis``.

    Both days count; an empty period (``bis`` before ``von``) or a non-positive amount
    earns nothing. The rate of each day is the base rate in force that day (§ 247 BGB)
    plus ``aufschlag`` points; a negative total rate counts as zero.
    Raises :class:`vadocs.errors.VadocsError` for days before the table starts (2002).
    """
    sections: list[Zinsabschnitt] = []
    if betrag > 0:
        sections = [
            _section(betrag, start, end, aufschlag, tabelle)
            for start, end in _pieces(von, bis, tabelle)
        ]
    return Zinsberechnung(betrag, von, bis, tuple(sections))


def verzugszinsen_gestaffelt(
    betrag: Decimal,
    zahlungen: Sequence[tuple[date, Decimal]],
    von: date,
    bis: date,
    aufschlag: Decimal,
    tabelle: Basiszinstabelle,
) -> tuple[Zinsabschnitt, ...]:
    """Default interest on ``betrag`` euros less the ``zahlungen`` (day, euros) as they came.

    A payment counts from its own day on: the day it arrives earns no interest on the paid
    part (§ 362 BGB, performance ends the default for that part; the claim errs low, never
    high). Refunds are negative payments. Each stretch between payments is split like
    :func:`verzugszinsen`; the principal of every section is in ``Zinsabschnitt.kapital``.
    """
    changes = sorted({day for day, _ in zahlungen if von < day <= bis})
    starts = [von, *changes]
    ends = [day - timedelta(days=1) for day in changes] + [bis]
    sections: list[Zinsabschnitt] = []
    for start, end in zip(starts, ends, strict=True):
        paid = sum((amount for day, amount in zahlungen if day <= start), Decimal("0.00"))
        sections += verzugszinsen(betrag - paid, start, end, aufschlag, tabelle).abschnitte
    return tuple(sections)


def _pieces(von: date, bis: date, tabelle: Basiszinstabelle) -> Iterable[tuple[date, date]]:
    """Split ``von``..``bis`` at every base-rate change and every new calendar year."""
    start = von
    while start <= bis:
        change = tabelle.next_change_after(start)
        new_year = date(start.year + 1, 1, 1)
        end = min(bis, new_year - timedelta(days=1))
        if change is not None:
            end = min(end, change - timedelta(days=1))
        yield start, end
        start = end + timedelta(days=1)


def _section(
    betrag: Decimal, von: date, bis: date, aufschlag: Decimal, tabelle: Basiszinstabelle
) -> Zinsabschnitt:
    basis = tabelle.rate_on(von)
    satz = max(basis + aufschlag, Decimal(0))
    tage = (bis - von).days + 1
    jahrestage = 366 if calendar.isleap(von.year) else 365
    exakt = betrag * satz * tage / (Decimal(100) * jahrestage)
    return Zinsabschnitt(von, bis, tage, basis, satz, jahrestage, exakt, betrag)


@dataclass(frozen=True)
class Verzug:
    """When default began and from which day interest runs."""

    beginn: date
    """The day the debtor fell into default."""
    zinsbeginn: date
    """The first day that earns interest."""
    grund: str
    """Why, in German, with the section of the BGB."""


def verzugsbeginn(
    faellig: date, rechnung_zugang: date, mahnung_zugaenge: Iterable[date], stichtag: date
) -> Verzug | None:
    """Default on ``stichtag`` under § 286 BGB, or ``None`` while there is none.

    * By a reminder (§ 286 Abs. 1 Satz 1 BGB): the first reminder received after the due
      date puts the debtor in default on receipt; interest runs from the next day
      (§ 187 Abs. 1 BGB: the day of the event does not count).
    * Without a reminder (§ 286 Abs. 3 Satz 1 BGB): 30 days after due date and receipt
      of the invoice. Counted by § 187 Abs. 1, § 188 Abs. 1 BGB, the period ends with the
      30th day after the later of both; default and interest begin on the day after.
      Toward a consumer this holds only if the invoice pointed it out (§ 286 Abs. 3
      Satz 1 Halbsatz 2) — vadocs invoices to consumers carry that note.

    The earlier of both counts. ``mahnung_zugaenge`` are the days reminders were received.
    """
    start = max(faellig, rechnung_zugang)
    options: list[Verzug] = []
    ablauf = start + timedelta(days=FRIST_TAGE + 1)
    if ablauf <= stichtag:
        options.append(
            Verzug(
                ablauf,
                ablauf,
                f"30 Tage nach Fälligkeit und Zugang der Rechnung (§ 286 Abs. 3 BGB), "
                f"Frist abgelaufen am {ablauf - timedelta(days=1):%d.%m.%Y}",
            )
        )
    received = sorted(d for d in mahnung_zugaenge if faellig < d <= stichtag)
    if received:
        first = received[0]
        options.append(
            Verzug(
                first,
                first + timedelta(days=1),
                f"Zugang der Zahlungserinnerung am {first:%d.%m.%Y} (§ 286 Abs. 1 BGB)",
            )
        )
    return min(options, key=lambda v: v.zinsbeginn) if options else None


def verzugspauschale(unternehmen: bool, verzug: Verzug | None) -> Decimal:
    """€ 40 when a business debtor is in default (§ 288 Abs. 5 Satz 1 BGB), else nothing.

    It is owed once per claim, however many reminders follow, and is credited against
    later costs of legal pursuit such as reminder fees (§ 288 Abs. 5 Satz 3 BGB): see
    :func:`kosten_nach_anrechnung`.
    """
    return PAUSCHALE if unternehmen and verzug is not None else Decimal("0.00")


def kosten_nach_anrechnung(pauschale: Decimal, gebuehren: Decimal) -> Decimal:
    """Reminder fees still claimable beside the flat fee (§ 288 Abs. 5 Satz 3 BGB).

    >>> kosten_nach_anrechnung(Decimal("40.00"), Decimal("15.00"))
    Decimal('0.00')
    >>> kosten_nach_anrechnung(Decimal("40.00"), Decimal("55.00"))
    Decimal('15.00')
    >>> kosten_nach_anrechnung(Decimal("0.00"), Decimal("5.00"))
    Decimal('5.00')
    """
    return max(gebuehren - pauschale, Decimal("0.00")).quantize(CENT)
