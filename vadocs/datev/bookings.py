"""Invoices and payments as DATEV booking lines (field numbers of :mod:`.extf`).

* One line per invoice and VAT rate: debtor (Konto, field 7) against the revenue
  account (Gegenkonto, field 8), the gross amount, ``S`` (field 2).
* A final invoice books what it adds to its advance invoice (gross less the
  deducted advance, § 14 Abs. 5 UStG): the advance invoice is booked as revenue
  itself, so the month's revenue is counted once.
* A cancellation invoice books back (``H``); Belegfeld 1 carries the cancelled
  invoice's number so DATEV's open-item list clears it, Belegfeld 2 the
  cancellation's own number.
* Payments (``--payments``): bank (Konto) against debtor (Gegenkonto), ``S`` for
  money received, ``H`` for refunds; Belegfeld 1 = the invoice number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from vadocs.datev.accounts import revenue_account
from vadocs.datev.extf import amount, belegfeld, cp1252_text, ddmm
from vadocs.invoicing.ledger import Issued
from vadocs.invoicing.snapshots import from_snapshot
from vadocs.invoicing.tax import Steuerfall
from vadocs.payments.store import PaymentEvent


@dataclass(frozen=True)
class Accounts:
    chart: str
    length: int
    bank: int
    debtors: Mapping[str, int]


def _line(
    value: Decimal, konto: int, gegen: int, day: date, beleg1: str, text: str
) -> dict[int, object]:
    return {
        1: amount(value),
        2: "S" if value > 0 else "H",
        3: "EUR",
        7: konto,
        8: gegen,
        10: ddmm(day),
        11: belegfeld(beleg1),
        14: cp1252_text(text, 60),
    }


def invoice_lines(inv: Issued, acc: Accounts) -> list[dict[int, object]]:
    """The booking lines of one issued invoice (none if it adds nothing to pay)."""
    r = from_snapshot(inv.snapshot)
    kunde = inv.snapshot.get("kunde", {})
    name = str(kunde.get("name", inv.client)) if isinstance(kunde, dict) else inv.client
    beleg1, beleg2 = (r.bezug_nummer, inv.number) if inv.cancels else (inv.number, "")
    lines = []
    for g in r.steuergruppen:
        value = g.netto + g.ust
        if g.satz == r.steuer.satz:
            value -= r.abzug_brutto
        if value == 0:
            continue
        gegen = revenue_account(acc.chart, r.steuer.fall, g.satz, acc.length)
        text = f"{'Storno ' if inv.cancels else ''}{r.titel} {inv.number} {name}"
        line = _line(value, acc.debtors[inv.client], gegen, inv.issued_on, beleg1, text)
        if beleg2:
            line[12] = belegfeld(beleg2, 12)
        if r.steuer.fall is Steuerfall.REVERSE_CHARGE and isinstance(kunde, dict):
            line[40] = str(kunde.get("ust_idnr") or "").replace(" ", "")
        line[115] = r.leistung_bis.strftime("%d%m%Y")
        line[117] = r.faellig.strftime("%d%m%Y")
        lines.append(line)
    return lines


def payment_lines(
    events: list[PaymentEvent], invoices: Mapping[str, Issued], acc: Accounts
) -> list[dict[int, object]]:
    """Bank against debtor for every payment and refund (write-offs are left to the advisor)."""
    lines = []
    for e in events:
        if e.kind == "written_off" or e.amount == 0:
            continue
        inv = invoices[e.number]
        text = f"{'Erstattung' if e.amount < 0 else 'Zahlung'} {inv.number} {e.note}".strip()
        lines.append(_line(e.amount, acc.bank, acc.debtors[inv.client], e.on, inv.number, text))
    return lines
