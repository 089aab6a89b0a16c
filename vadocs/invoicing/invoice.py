"""Compute an invoice from the client file: lines, time log, VAT per rate, deductions, totals.

One invoice object feeds the Word template, the ledger and (later) the e-invoice XML,
so the numbers can never disagree between them.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from vadocs.i18n import _
from vadocs.invoicing.money import cents, hours_of, minutes_of, round_up_minutes, vat
from vadocs.invoicing.schedule import contingent, covered, prorated, share
from vadocs.invoicing.tax import Steuer, steuerfall
from vadocs.model.client import Kundendatei
from vadocs.model.invoice_input import RechnungEingabe
from vadocs.model.profile import Geschaeftsprofil

MONATE = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip

KIND_ORDER = {"vorauszahlung": 0, "monat": 1, "schluss": 2}
"""The order of an engagement's invoices within one month: advance, monthly, final."""

TITEL = {
    "vorauszahlung": "Vorauszahlungsrechnung",
    "monat": "Rechnung",
    "schluss": "Rechnung mit Anrechnung der Vorauszahlung",
    "storno": "Stornorechnung",
}


@dataclass(frozen=True)
class Zeile:
    pos: int
    beschreibung: str
    menge: Decimal
    einheit: str
    einzelpreis: Decimal
    netto: Decimal


@dataclass(frozen=True)
class Zeitzeile:
    datum: date
    taetigkeit: str
    minuten: int
    abgerechnet_minuten: int

    @property
    def stunden(self) -> Decimal:
        return hours_of(self.abgerechnet_minuten)


@dataclass(frozen=True)
class Steuergruppe:
    satz: Decimal
    netto: Decimal
    ust: Decimal


@dataclass(frozen=True)
class Abzug:
    """An advance payment deducted in a final invoice (§ 14 Abs. 5 UStG)."""

    bezeichnung: str
    netto: Decimal
    ust: Decimal

    @property
    def brutto(self) -> Decimal:
        return self.netto + self.ust


@dataclass(frozen=True)
class Rechnung:
    art: str
    zeitraum: str
    datum: date
    leistung_von: date
    leistung_bis: date
    faellig: date
    steuer: Steuer
    zeilen: tuple[Zeile, ...]
    zeiten: tuple[Zeitzeile, ...] = ()
    abzuege: tuple[Abzug, ...] = ()
    nummer: str = ""
    bezug_nummer: str = ""
    bezug_datum: date | None = None
    hinweise: tuple[str, ...] = field(default_factory=tuple)

    @property
    def titel(self) -> str:
        return TITEL[self.art]

    @property
    def zeitraum_text(self) -> str:
        return f"{MONATE[self.leistung_von.month - 1]} {self.leistung_von.year}"

    @property
    def netto(self) -> Decimal:
        return sum((z.netto for z in self.zeilen), Decimal("0.00"))

    @property
    def steuergruppen(self) -> tuple[Steuergruppe, ...]:
        by_rate: dict[Decimal, Decimal] = defaultdict(lambda: Decimal("0.00"))
        for z in self.zeilen:
            by_rate[self.steuer.satz] += z.netto
        return tuple(Steuergruppe(r, n, vat(n, r)) for r, n in sorted(by_rate.items()))

    @property
    def ust(self) -> Decimal:
        return sum((g.ust for g in self.steuergruppen), Decimal("0.00"))

    @property
    def brutto(self) -> Decimal:
        return self.netto + self.ust

    @property
    def abzug_brutto(self) -> Decimal:
        return sum((a.brutto for a in self.abzuege), Decimal("0.00"))

    @property
    def zahlbetrag(self) -> Decimal:
        return self.brutto - self.abzug_brutto

    @property
    def stunden(self) -> Decimal:
        return sum((z.stunden for z in self.zeiten), Decimal("0.00"))


def month_bounds(zeitraum: str) -> tuple[date, date]:
    year, month = (int(x) for x in zeitraum.split("-"))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def compute(
    profil: Geschaeftsprofil,
    datei: Kundendatei,
    eingabe: RechnungEingabe,
    on: date | None = None,
) -> Rechnung:
    """The invoice for one entry of ``rechnungen:`` (without its number, which the ledger gives).

    Its date is the entry's ``datum``, else ``on`` (the day it is issued, § 14 Abs. 4 Nr. 3
    UStG), else — for previews only — the old default (advance: the confirmation's date,
    otherwise the period's last day).
    """
    von, bis = covered(datei.auftrag, eingabe.zeitraum) or month_bounds(eingabe.zeitraum)
    default = datei.auftrag.datum if eingabe.art == "vorauszahlung" else bis
    datum = eingabe.datum or on or default
    tage = datei.abrechnung.zahlungsziel_tage
    faellig = datum + timedelta(days=profil.zahlungsziel_tage if tage is None else tage)
    zeiten = _time_rows(datei, eingabe)
    zeilen = _main_lines(profil, datei, eingabe, zeiten) + _extra_lines(eingabe)
    numbered = tuple(
        Zeile(i, z.beschreibung, z.menge, z.einheit, z.einzelpreis, z.netto)
        for i, z in enumerate(zeilen, start=1)
    )
    steuer = steuerfall(profil, datei)
    return Rechnung(
        art=eingabe.art,
        zeitraum=eingabe.zeitraum,
        datum=datum,
        leistung_von=von,
        leistung_bis=bis,
        faellig=faellig,
        steuer=steuer,
        zeilen=numbered,
        zeiten=zeiten,
        abzuege=_deductions(profil, datei, eingabe) if eingabe.art == "schluss" else (),
    )


def stundensatz(profil: Geschaeftsprofil, datei: Kundendatei) -> Decimal:
    rate = datei.verguetung.stundensatz or profil.stundensatz
    if rate is None:  # the rules reject this before we get here
        raise ValueError(_("no hourly rate"))
    return rate


def _line(text: str, menge: Decimal, einheit: str, preis: Decimal) -> Zeile:
    return Zeile(0, text, menge, einheit, preis, cents(menge * preis))


def _time_rows(datei: Kundendatei, eingabe: RechnungEingabe) -> tuple[Zeitzeile, ...]:
    # Consumers are billed to the minute: per-entry rounding in standard terms toward
    # consumers is invalid (§ 307 BGB; BGH IX ZR 140/19); review point R-AB-03.
    step = 1 if datei.kunde.art == "verbraucher" else datei.verguetung.taktung_minuten
    rows = []
    for e in sorted(eingabe.zeiten, key=lambda e: e.datum):
        raw = minutes_of(e.dauer)
        rows.append(Zeitzeile(e.datum, e.taetigkeit, raw, round_up_minutes(raw, step)))
    return tuple(rows)


def _main_lines(
    profil: Geschaeftsprofil,
    datei: Kundendatei,
    eingabe: RechnungEingabe,
    zeiten: tuple[Zeitzeile, ...],
) -> list[Zeile]:
    v = datei.verguetung
    monat = MONATE[int(eingabe.zeitraum[5:]) - 1] + " " + eingabe.zeitraum[:4]
    days, of = share(datei.auftrag, eingabe.zeitraum)
    part = datei.abrechnung.anteilig == "tage" and 0 < days < of
    if part:  # the rule printed in the order confirmation (abrechnung.anteilig)
        monat += f", anteilig {days} von {of} Tagen"
    if v.art == "pauschal" and v.pauschale is not None:
        prefix = "Vorauszahlung: " if eingabe.art == "vorauszahlung" else ""
        price = prorated(v.pauschale, days, of) if part else v.pauschale
        return [
            _line(f"{prefix}Virtuelle Assistenz, Festpreis {monat}", Decimal(1), "Monat", price)
        ]
    rate = stundensatz(profil, datei)
    limit = contingent(datei, eingabe.zeitraum)
    if eingabe.art == "vorauszahlung":
        hours = limit or Decimal(0)
        if hours == 0:
            return []
        return [_line(f"Vorauszahlung: Stundenkontingent {monat}", hours, "Std.", rate)]
    hours = sum((z.stunden for z in zeiten), Decimal("0.00"))
    if datei.kunde.art == "verbraucher":  # minute-exact: the month's total, not each entry
        hours = hours_of(sum(z.abgerechnet_minuten for z in zeiten))
    if hours == 0:
        return []
    extra = Decimal(0)
    if v.mehrstundensatz is not None and limit and hours > limit:
        extra = hours - limit  # agreed extra hours at their own rate
    text = f"Virtuelle Assistenz {monat} laut Tätigkeitsnachweis"
    lines = [_line(text, hours - extra, "Std.", rate)]
    if extra and v.mehrstundensatz is not None and limit:
        shown = f"{limit.normalize():f}".replace(".", ",")
        text = f"Mehrstunden {monat} über das Kontingent von {shown} Std."
        lines.append(_line(text, extra, "Std.", v.mehrstundensatz))
    return lines


def _extra_lines(eingabe: RechnungEingabe) -> list[Zeile]:
    return [_line(p.beschreibung, p.menge, p.einheit, p.einzelpreis) for p in eingabe.positionen]


def _deductions(
    profil: Geschaeftsprofil, datei: Kundendatei, eingabe: RechnungEingabe
) -> tuple[Abzug, ...]:
    out = []
    for other in datei.rechnungen:
        if other.art == "vorauszahlung" and other.zeitraum == eingabe.zeitraum:
            advance = compute(profil, datei, other)
            out.append(Abzug(f"Vorauszahlung {advance.zeitraum_text}", advance.netto, advance.ust))
    return tuple(out)
