"""Invoices agree with the contract: agreed prices, and extra hours only when agreed.

The order confirmation states the hourly rate, the fixed price and the monthly contingent
("über das Kontingent hinaus … nur nach vorheriger Absprache"). An invoice that charges
another price, or hours above the contingent without that agreement, contradicts what the
client signed; the build refuses it with the numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from vadocs.data.yaml_source import Document
from vadocs.errors import Problem
from vadocs.invoicing.money import hours_of, minutes_of, round_up_minutes
from vadocs.model.client import Kundendatei
from vadocs.model.profile import Geschaeftsprofil

HOUR_UNITS = {"std", "std.", "stunde", "stunden", "h"}


def _de(amount: Decimal) -> str:
    return f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def agreed_rates(d: Kundendatei, p: Geschaeftsprofil) -> set[Decimal]:
    """The hourly prices the contract allows: the hourly rate and the extra-hour rate."""
    v = d.verguetung
    rates = {r for r in (v.stundensatz or p.stundensatz, v.mehrstundensatz) if r is not None}
    return rates


def contract_rules(doc: Document, d: Kundendatei, p: Geschaeftsprofil) -> Iterator[Problem]:
    """Item prices at the agreed rates (or with ``abweichung:``); hours within the contingent
    unless ``mehrstunden_vereinbart: true`` — time entries (rounded up to the billing
    increment) and items billed in hours (``einheit: Std.``) both count."""
    rates = agreed_rates(d, p)
    for i, r in enumerate(d.rechnungen):
        for j, pos in enumerate(r.positionen):
            if pos.einheit.strip().lower() not in HOUR_UNITS or pos.abweichung or not rates:
                continue
            if pos.einzelpreis not in rates:
                agreed = " or ".join(f"{_de(x)} €" for x in sorted(rates))
                yield doc.problem(
                    ("rechnungen", i, "positionen", j, "einzelpreis"),
                    f"invoice {r.art} {r.zeitraum}: {_de(pos.einzelpreis)} € per hour, but the "
                    f"contract agrees {agreed}",
                    "charge the agreed rate, or say why this item deviates: "
                    "abweichung: <reason and when it was agreed>",
                )
        yield from _contingent(doc, d, i)


def _contingent(doc: Document, d: Kundendatei, i: int) -> Iterator[Problem]:
    v, r = d.verguetung, d.rechnungen[i]
    if v.art != "stunden" or not v.kontingent_stunden or r.art == "vorauszahlung":
        return
    if r.mehrstunden_vereinbart:
        return
    minutes = sum(round_up_minutes(minutes_of(z.dauer), v.taktung_minuten) for z in r.zeiten)
    items = [p.menge for p in r.positionen if p.einheit.strip().lower() in HOUR_UNITS]
    hours = hours_of(minutes) + sum(items, Decimal(0))
    if hours > v.kontingent_stunden:
        yield doc.problem(
            ("rechnungen", i, "zeiten"),
            f"invoice {r.art} {r.zeitraum}: {_de(hours)} h billed against a contingent of "
            f"{_de(v.kontingent_stunden)} h a month; the order confirmation requires prior "
            "agreement for extra hours",
            "if the client agreed the extra hours beforehand, set mehrstunden_vereinbart: true "
            "on this invoice; otherwise bill the contingent only",
        )
