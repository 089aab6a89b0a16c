"""Cross-field rules for the ``rechnungen:`` entries of a client file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from vadocs.data.partial import guarded
from vadocs.data.schedule_rules import schedule_rules
from vadocs.data.yaml_source import Document
from vadocs.einvoice.units import unit_code
from vadocs.errors import Problem, Severity
from vadocs.i18n import _
from vadocs.invoicing.invoice import month_bounds
from vadocs.invoicing.schedule import advance_due, covered, month_of
from vadocs.model.client import Kundendatei


def invoice_rules(doc: Document, d: Kundendatei) -> Iterator[Problem]:
    """The invoice entries of a client file: one per kind and month, inside the engagement,
    a final invoice only after an advance, sensible dates, time entries inside the month,
    something to bill. Yields problems located at the field to change."""
    yield from guarded(_time_entries, doc, d)  # needs nothing of auftrag: runs regardless
    seen: set[tuple[str, str]] = set()
    advances = {r.zeitraum for r in d.rechnungen if r.art == "vorauszahlung"}
    if advance_due(d):  # derived from abrechnung.vorauszahlung
        advances.add(month_of(d.auftrag.beginn))
    for i, r in enumerate(d.rechnungen):
        here = ("rechnungen", i)
        von = month_bounds(r.zeitraum)[0]
        if (r.art, r.zeitraum) in seen:
            yield doc.problem(
                (*here, "zeitraum"),
                _("a second '{art}' invoice for {zeitraum}").format(art=r.art, zeitraum=r.zeitraum),
                _("add items to the existing entry instead"),
            )
        seen.add((r.art, r.zeitraum))
        if covered(d.auftrag, r.zeitraum) is None:
            yield doc.problem(
                (*here, "zeitraum"),
                _("the period lies outside the engagement (auftrag.beginn … auftrag.ende)"),
                _("bill only months from {beginn} on, and none after the end").format(
                    beginn=f"{d.auftrag.beginn:%m/%Y}"
                ),
            )
        if r.art == "schluss" and r.zeitraum not in advances:
            yield doc.problem(
                (*here, "art"),
                _(
                    "a final invoice deducts an advance invoice for the same period, and there is none"
                ),
                _("use art: monat"),
            )
        if r.datum is not None and r.datum < d.auftrag.datum:
            yield doc.problem((*here, "datum"), _("the invoice is dated before the order"))
        if r.art != "vorauszahlung" and r.datum is not None and r.datum < von:
            yield doc.problem(
                (*here, "datum"),
                _("an invoice for work done cannot be dated before the period starts"),
                _("use art: vorauszahlung"),
            )
        yield from _empty_invoice(doc, d, i)
        yield from _units(doc, d, i)
    yield from schedule_rules(doc, d)


def _time_entries(doc: Document, d: Kundendatei) -> Iterator[Problem]:
    """Every time entry inside the month of its invoice (``zeitraum``, both ends inclusive)."""
    for i, r in enumerate(d.rechnungen):
        von, bis = month_bounds(r.zeitraum)
        for j, z in enumerate(r.zeiten):
            if not von <= z.datum <= bis:
                yield doc.problem(
                    ("rechnungen", i, "zeiten", j, "datum"),
                    _("this time entry is outside {zeitraum}").format(zeitraum=r.zeitraum),
                    _("move it to the invoice of its month, or correct the date"),
                )


def _units(doc: Document, d: Kundendatei, i: int) -> Iterator[Problem]:
    """An item unit without a UN/ECE Rec. 20 code (BT-130) in an invoice that has an e-invoice."""
    if d.abrechnung.e_rechnung == "keine" or (
        d.abrechnung.e_rechnung == "auto" and d.kunde.art == "verbraucher"
    ):
        return
    for j, p in enumerate(d.rechnungen[i].positionen):
        if unit_code(p.einheit) is None:
            problem = doc.problem(
                ("rechnungen", i, "positionen", j, "einheit"),
                _(
                    "unit “{unit}” has no code in UN/ECE Rec. 20: the e-invoice names it in the "
                    "item name and counts in units (C62)"
                ).format(unit=p.einheit),
                _("choose a common unit: Std., Minuten, Tag, Monat, km, Stück, pauschal"),
            )
            yield replace(problem, severity=Severity.WARNING)


def _empty_invoice(doc: Document, d: Kundendatei, i: int) -> Iterator[Problem]:
    r, v = d.rechnungen[i], d.verguetung
    if r.positionen or v.art == "pauschal" or r.ausgesetzt:
        return
    if r.art == "vorauszahlung" and not v.kontingent_stunden:
        yield doc.problem(
            ("rechnungen", i),
            _(
                "an advance invoice for hourly work needs verguetung.kontingent_stunden or positionen"
            ),
        )
    if r.art != "vorauszahlung" and not r.zeiten:
        yield doc.problem(
            ("rechnungen", i),
            _("this invoice has no time entries and no items"),
            _("add zeiten: or positionen:"),
        )
