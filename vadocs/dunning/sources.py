"""Where the open amounts come from: an injected source, and a fallback without payments.

Reminders need, per invoice, what is still open on a day. Payments live elsewhere
(``vadocs.payments``); this module only states what the dunning code needs
(:class:`Forderung`) and the shape of a source (:data:`OpenItemsSource`). The fallback
:func:`issued_as_open` knows no payments: every issued, uncancelled invoice is fully open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from vadocs.invoicing.ledger import Issued, Ledger
from vadocs.invoicing.snapshots import from_snapshot

NOT_DUNNED = frozenset({"paid", "overpaid", "cancelled", "written_off"})
"""Statuses that never get a reminder: nothing is owed, or it is not pursued."""


@dataclass(frozen=True)
class Forderung:
    """One invoice as the dunning code sees it; amounts in euros, dates inclusive."""

    number: str
    client: str
    issued_on: date
    due_on: date
    gross: Decimal
    """The amount the invoice asked for (its Zahlbetrag: gross less deducted advances)."""
    open_amount: Decimal
    status: str
    """open, partly_paid, paid, overpaid, cancelled or written_off."""

    zahlungen: tuple[tuple[date, Decimal], ...] = ()
    """Payments on the invoice (day, euros; refunds negative), for interest as they came."""

    @property
    def dunnable(self) -> bool:
        return self.status not in NOT_DUNNED and self.open_amount > 0


OpenItemsSource = Callable[[Ledger, date], list[Forderung]]
"""``source(ledger, on)``: every invoice issued on or before ``on`` with its open amount."""


def issued_as_open(ledger: Ledger, on: date) -> list[Forderung]:
    """Fallback source: each issued invoice is open in full unless it was cancelled.

    Cancellation invoices themselves (kind ``storno``) and invoices with nothing to pay
    (a final invoice covered by its advance) are left out.
    """
    found = []
    for inv in ledger.all():
        if inv.kind == "storno" or inv.issued_on > on:
            continue
        forderung = forderung_of(inv)
        if forderung.gross > 0:
            found.append(forderung)
    return found


_DUNNING_STATUS = {
    "offen": "open",
    "teilweise bezahlt": "partly_paid",
    "bezahlt": "paid",
    "überzahlt": "overpaid",
    "storniert": "cancelled",
    "abgeschrieben": "written_off",
}


def with_payments(ledger: Ledger, on: date) -> list[Forderung]:
    """The real source: each issued invoice with what is open on ``on`` after the payments
    recorded in the ledger (:func:`vadocs.payments.status.statuses`, payments dated after
    ``on`` not counted). Invoices with nothing to pay are left out."""
    from vadocs.payments.status import statuses
    from vadocs.payments.store import PaymentStore

    paid: dict[str, list[tuple[date, Decimal]]] = {}
    for event in PaymentStore(ledger).events():
        if event.kind != "written_off" and event.on <= on:
            paid.setdefault(event.number, []).append((event.on, event.amount))
    found = []
    states = statuses(ledger, on)
    for inv in ledger.all():
        state = states.get(inv.number)
        if state is None:  # a cancellation invoice, or issued after ``on``
            continue
        forderung = forderung_of(inv, state.open, _DUNNING_STATUS[state.status.value])
        forderung = replace(forderung, zahlungen=tuple(paid.get(inv.number, [])))
        if forderung.gross > 0:
            found.append(forderung)
    return found


def forderung_of(inv: Issued, open_amount: Decimal | None = None, status: str = "") -> Forderung:
    """The invoice ``inv`` from the ledger as a :class:`Forderung`.

    ``open_amount`` and ``status`` default to "open in full" (``cancelled`` if it was).
    """
    rechnung = from_snapshot(inv.snapshot)
    payable = rechnung.zahlbetrag
    cancelled = inv.status == "cancelled"
    return Forderung(
        number=inv.number,
        client=inv.client,
        issued_on=inv.issued_on,
        due_on=rechnung.faellig,
        gross=payable,
        open_amount=Decimal("0.00")
        if cancelled
        else (payable if open_amount is None else open_amount),
        status=status or ("cancelled" if cancelled else "open"),
    )
