"""Render cases for the reminder template: every level, with and without default.

Each example client's first invoice with an amount to pay is reminded three times:
a Zahlungserinnerung before default, a 1. Mahnung after default under § 286 Abs. 3 BGB
(its interest period crossing a change of the base rate where the table has one), and a
2. Mahnung. Dates follow from the invoice, never from the machine's clock.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from decimal import Decimal

from vadocs.checks.examples import Example, RenderCase, girocode_image
from vadocs.dunning.basiszins import load_table
from vadocs.dunning.claim import record_of, statement
from vadocs.dunning.context import reminder_context
from vadocs.dunning.levels import Faellig
from vadocs.dunning.records import Gesendet
from vadocs.dunning.sources import Forderung
from vadocs.invoicing.invoice import compute
from vadocs.model.mahnwesen import Mahnwesen

_SETTINGS = Mahnwesen(mahngebuehr=Decimal("5.00"))


def reminder_cases(example: Example) -> list[RenderCase]:
    """The three reminders of the example's first payable invoice (none without one)."""
    e = example.engagement
    payable = [
        r for r in (compute(e.profil, e.datei, entry) for entry in e.datei.rechnungen)
        if r.zahlbetrag > 0
    ]  # fmt: skip
    if not payable:
        return []
    r = min(payable, key=lambda r: r.datum)
    forderung = Forderung(
        f"{r.datum.year}-0001", e.kuerzel, r.datum, r.faellig, r.zahlbetrag, r.zahlbetrag, "open"
    )
    unternehmen = e.datei.kunde.art == "unternehmen"
    cases = []
    sent: list[Gesendet] = []
    for level, days in ((0, 7), (1, 45), (2, 60)):
        due = Faellig(forderung, level, r.faellig + timedelta(days=days))
        m = statement(due, sent, unternehmen, _SETTINGS, load_table())
        ctx = reminder_context(e, m)
        label = f"{example.name}, {m.titel} {forderung.number}"
        cases.append(RenderCase(example, label, ctx, {"girocode": girocode_image()}))
        sent.append(dataclasses.replace(record_of(m), received_on=m.datum))
    return cases
