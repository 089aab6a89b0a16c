"""The table of ``vadocs invoices list``: one headed row per issued invoice."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from vadocs.documents.formatting import euro
from vadocs.i18n import _
from vadocs.invoicing.ledger import Issued
from vadocs.invoicing.snapshots import from_snapshot


def invoice_rows(found: Sequence[Issued], every: Sequence[Issued]) -> list[str]:
    """The header and one line per invoice of ``found``: number, date, client, kind,
    period, gross, amount due (``Zahlbetrag``: gross minus the advances a final invoice
    deducts) and a note naming the cancellation link both ways (``Storno zu 2026-0003``,
    ``storniert durch 2026-0004``). ``every``: all invoices of the ledger, so a cancellation
    dated in another year is still named. Column widths follow the longest entry."""
    cancelled_by = {inv.cancels: inv.number for inv in every if inv.cancels}
    head = (
        _("number"),
        _("date"),
        _("client"),
        _("kind"),
        _("period"),
        _("gross"),
        _("amount due"),
        _("note"),
    )
    rows = [
        (
            inv.number,
            f"{inv.issued_on:%d.%m.%Y}",
            inv.client,
            inv.kind,
            inv.period,
            euro(inv.gross),
            euro(amount_due(inv)),
            note(inv, cancelled_by),
        )
        for inv in found
    ]
    return [_line(head, rows, row) for row in [head, *rows]]


def amount_due(inv: Issued) -> Decimal:
    """What the invoice asks to be paid (``Zahlbetrag``, after deducted advances);
    the gross for a ledger entry whose snapshot cannot be read back."""
    try:
        return from_snapshot(inv.snapshot).zahlbetrag
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return inv.gross


def note(inv: Issued, cancelled_by: dict[str, str]) -> str:
    """``Storno zu N`` for a cancellation invoice, ``storniert durch N`` for a cancelled one."""
    if inv.cancels:
        return _("cancels {number}").format(number=inv.cancels)
    if inv.status == "cancelled":
        by = cancelled_by.get(inv.number)
        return _("cancelled by {number}").format(number=by) if by else _("cancelled")
    return ""


RIGHT = frozenset({5, 6})
"""The money columns, aligned right."""


def _line(head: tuple[str, ...], rows: Sequence[tuple[str, ...]], row: tuple[str, ...]) -> str:
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    cells = [
        f"{cell:>{widths[i]}}" if i in RIGHT else f"{cell:<{widths[i]}}"
        for i, cell in enumerate(row)
    ]
    return "  ".join(cells).rstrip()
