"""The final invoice's advance deduction, as the XML states it (§ 14 Abs. 5 S. 2 UStG).

§ 14 Abs. 5 S. 2 UStG: a final invoice deducts the advance payments received *and the
tax on them*. The PDF shows this under the totals; the XML, which is the invoice that
counts for the recipient's software, must show the same, so that its VAT breakdown
(BG-23) does not claim the full VAT a second time. EN 16931-1 offers no dedicated
"advance deducted" group in the core model; the ways it does allow, and that we use:

* **BG-3 Preceding invoice reference** (BT-25 number, BT-26 date): EN 16931-1 names
  "preceding prepayment invoices referred to from a final invoice" as one of its uses.
  In CII (``ram:InvoiceReferencedDocument`` in the header settlement) it repeats.
* **A negative invoice line per advance** with the advance's VAT category (BT-151) and
  rate (BT-152): BT-131 may be negative (only the price BT-146 may not, BR-27, so the
  quantity BT-129 is ``-1``). The line counts in BT-106 (BR-CO-10) and in the VAT
  breakdown of its category (BR-S-08, BR-E-08, BR-AE-08, BR-O-08), so BG-23 shows the
  tax base and VAT still due, BT-112 the gross still due and BT-115 equals BT-112
  (no BT-113, which would deduct the advance a second time). KoSIT's XRechnung test
  suite accepts negative line amounts (business case 02.06, "position amount < 0,
  position quantity < 0"); the alternative, a document-level allowance (BG-20), is
  meant for discounts, not for settling a prepayment.

The deducted VAT is the advance invoice's own VAT (``Abzug.ust``), not recomputed from
its net amount, so the XML deducts exactly what the advance invoice stated and the PDF
prints; BR-CO-17 allows the resulting rounding difference of the remaining group.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from vadocs.invoicing.invoice import Abzug, Rechnung, Steuergruppe, Zeile

__all__ = ["Remaining", "advance_label", "advance_reference", "deduction_lines", "remaining"]

_REFERENCE = re.compile(r", Rechnung (?P<number>\S+) vom (?P<day>\d{2}\.\d{2}\.\d{4})$")


def advance_label(bezeichnung: str, number: str, issued: date) -> str:
    """The deduction's label naming the advance invoice: ``"…, Rechnung 2026-0001 vom 20.11.2026"``.

    The invoice planner names each deducted advance this way (§ 14 Abs. 5 S. 2 UStG wants
    it identifiable); :func:`advance_reference` reads number and date back for BT-25/26.
    """
    return f"{bezeichnung}, Rechnung {number} vom {issued:%d.%m.%Y}"


def advance_reference(a: Abzug) -> tuple[str, date] | None:
    """BT-25 and BT-26 of the advance invoice a deduction names, or ``None`` if unnamed."""
    found = _REFERENCE.search(a.bezeichnung)
    if found is None:
        return None
    return found["number"], datetime.strptime(found["day"], "%d.%m.%Y").date()


def deduction_lines(r: Rechnung) -> tuple[Zeile, ...]:
    """One line per deducted advance, after the invoice's lines, with the negated net amount.

    Shapes: ``einzelpreis`` = ``netto`` = ``-Abzug.netto`` in euros (a Storno of a final
    invoice has negated deductions, so its lines are positive); ``menge`` 1, so the XML
    writer turns a negative price into quantity ``-1`` (BR-27).
    """
    first = len(r.zeilen) + 1
    return tuple(
        Zeile(first + i, f"Abzug: {a.bezeichnung}", Decimal(1), "", -a.netto, -a.netto)
        for i, a in enumerate(r.abzuege)
    )


@dataclass(frozen=True)
class Remaining:
    """What the XML totals state once the advances are deducted (euros, cents exact)."""

    groups: tuple[Steuergruppe, ...]
    """BG-23: per rate, the tax base (BT-116) and VAT (BT-117) still due."""
    netto: Decimal
    """BT-106 = BT-109: the sum of all lines, deduction lines included."""
    ust: Decimal
    """BT-110."""

    @property
    def brutto(self) -> Decimal:
        """BT-112, which equals the amount due BT-115."""
        return self.netto + self.ust


def remaining(r: Rechnung) -> Remaining:
    """The invoice's totals after deducting its advances (equal to ``r``'s when it has none).

    Every advance carries the invoice's own VAT case (same client file, same rate), so
    its deduction reduces the group of ``r.steuer.satz``.
    """
    net = sum((a.netto for a in r.abzuege), Decimal("0.00"))
    vat = sum((a.ust for a in r.abzuege), Decimal("0.00"))
    groups = tuple(
        Steuergruppe(g.satz, g.netto - net, g.ust - vat) if g.satz == r.steuer.satz else g
        for g in r.steuergruppen
    )
    if r.abzuege and not any(g.satz == r.steuer.satz for g in groups):
        groups = (*groups, Steuergruppe(r.steuer.satz, -net, -vat))  # no line of its own
    return Remaining(
        groups=groups,
        netto=sum((g.netto for g in groups), Decimal("0.00")),
        ust=sum((g.ust for g in groups), Decimal("0.00")),
    )


def with_advance_label(a: Abzug, advance: tuple[str, Any] | None) -> Abzug:
    """The deduction ``a`` labelled with the advance invoice's (number, date), if known."""
    if advance is None:
        return a
    number, when = advance
    return dataclasses.replace(a, bezeichnung=advance_label(a.bezeichnung, number, when))
