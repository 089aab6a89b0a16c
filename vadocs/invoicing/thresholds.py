"""The § 19 UStG limits a Kleinunternehmerin must watch (since 2025: 25.000 € / 100.000 €)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from vadocs.documents.formatting import euro
from vadocs.i18n import _
from vadocs.invoicing.ledger import Issued

PRIOR_YEAR_LIMIT = Decimal(25_000)
CURRENT_YEAR_LIMIT = Decimal(100_000)
APPROACHING = Decimal("0.8")


def small_business_warnings(invoices: list[Issued]) -> list[str]:
    """Warnings for each calendar year whose invoiced total nears or passes a limit."""
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for inv in invoices:  # a cancelled invoice and its Stornorechnung add up to nothing
        totals[inv.issued_on.year] += inv.gross
    notes = []
    for year, total in sorted(totals.items()):
        amount = euro(total)
        if total > CURRENT_YEAR_LIMIT:
            notes.append(
                _(
                    "§ 19 UStG: invoiced in {year}: {amount}, above 100.000 €: from the "
                    "invoice that crossed it you are no longer a Kleinunternehmerin; "
                    "talk to your tax advisor now"
                ).format(year=year, amount=amount)
            )
        elif total > CURRENT_YEAR_LIMIT * APPROACHING:
            notes.append(
                _(
                    "§ 19 UStG: invoiced in {year}: {amount}, close to the 100.000 € "
                    "limit for the current year"
                ).format(year=year, amount=amount)
            )
        elif total > PRIOR_YEAR_LIMIT:
            notes.append(
                _(
                    "§ 19 UStG: invoiced in {year}: {amount}, above 25.000 €: in "
                    "{next} you can no longer be a Kleinunternehmerin"
                ).format(year=year, amount=amount, next=year + 1)
            )
        elif total > PRIOR_YEAR_LIMIT * APPROACHING:
            notes.append(
                _(
                    "§ 19 UStG: invoiced in {year}: {amount}, close to the 25.000 € "
                    "limit that decides on {next}"
                ).format(year=year, amount=amount, next=year + 1)
            )
    return notes
