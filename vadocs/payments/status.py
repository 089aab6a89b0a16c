"""An invoice's payment status, derived from the ledger and the payment events.

Nothing here is stored: status, paid and open amounts are recomputed from the
facts every time, so they can never disagree with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from vadocs.invoicing.ledger import Issued, Ledger
from vadocs.invoicing.snapshots import from_snapshot
from vadocs.payments.store import PaymentEvent, PaymentStore

ZERO = Decimal("0.00")


class Zahlstatus(StrEnum):
    OFFEN = "offen"
    TEILWEISE = "teilweise bezahlt"
    BEZAHLT = "bezahlt"
    UEBERZAHLT = "überzahlt"
    STORNIERT = "storniert"
    ABGESCHRIEBEN = "abgeschrieben"


@dataclass(frozen=True)
class InvoiceStatus:
    """Where one invoice stands on a given day (amounts in euros)."""

    number: str
    status: Zahlstatus
    due: Decimal
    """What the client has to pay: the invoice's Zahlbetrag (gross less deducted advances)."""
    paid: Decimal
    """Payments less refunds, up to and including the day asked about."""
    written_off: Decimal
    paid_on: date | None
    """The day the payments first covered ``due`` (None while not fully paid)."""

    @property
    def open(self) -> Decimal:
        """Still to be paid; 0 for cancelled, written-off and (over)paid invoices."""
        if self.status in (Zahlstatus.OFFEN, Zahlstatus.TEILWEISE):
            return self.due - self.paid
        return ZERO


@dataclass(frozen=True)
class OpenItem:
    """One line of the Offene-Posten list. Amounts in euros, dates inclusive."""

    number: str
    client: str
    """The client's file name without .yaml (kürzel)."""
    client_name: str
    business: bool
    """True for a business client (§ 288 Abs. 2 BGB), False for a consumer."""
    kind: str
    issued_on: date
    due_on: date
    gross: Decimal
    """The amount billed for payment (Zahlbetrag)."""
    paid: Decimal
    open: Decimal
    status: Zahlstatus

    def days_overdue(self, on: date) -> int:
        """Days after the due date (0 while not yet due)."""
        return max(0, (on - self.due_on).days)


def _due_amount(inv: Issued) -> Decimal:
    return from_snapshot(inv.snapshot).zahlbetrag


def _status(inv: Issued, events: list[PaymentEvent], cancelled: bool) -> InvoiceStatus:
    due = _due_amount(inv)
    paid = written_off = ZERO
    paid_on = None
    for e in sorted(events, key=lambda e: e.on):
        if e.kind == "written_off":
            written_off += e.amount
            continue
        paid += e.amount
        if paid_on is None and paid >= due:
            paid_on = e.on
    if paid < due:
        paid_on = None
    if cancelled:
        status = Zahlstatus.STORNIERT
    elif written_off > 0 and paid < due:
        status = Zahlstatus.ABGESCHRIEBEN
    elif paid > due:
        status = Zahlstatus.UEBERZAHLT
    elif paid == due:
        status = Zahlstatus.BEZAHLT
    elif paid > 0:
        status = Zahlstatus.TEILWEISE
    else:
        status = Zahlstatus.OFFEN
    return InvoiceStatus(inv.number, status, due, paid, written_off, paid_on)


def invoice_status(ledger: Ledger, number: str, on: date | None = None) -> InvoiceStatus:
    """The status of invoice ``number`` as of the end of day ``on`` (default: all facts).

    Raises :class:`KeyError` if there is no such invoice.
    """
    inv = ledger.get(number)
    if inv is None:
        raise KeyError(number)
    events = [e for e in PaymentStore(ledger).events(number) if on is None or e.on <= on]
    return _status(inv, events, _cancelled(ledger, inv, on))


def _cancelled(ledger: Ledger, inv: Issued, on: date | None) -> bool:
    if inv.status != "cancelled":
        return False
    storno = ledger.cancellation_of(inv.number)
    return storno is None or on is None or storno.issued_on <= on


def open_amount(ledger: Ledger, number: str, on: date | None = None) -> Decimal:
    """Euros still open on invoice ``number`` (0 if paid, cancelled or written off).

    Raises :class:`KeyError` if there is no such invoice.
    """
    return invoice_status(ledger, number, on).open


def statuses(ledger: Ledger, on: date | None = None) -> dict[str, InvoiceStatus]:
    """The status of every receivable invoice (not the cancellation invoices themselves)."""
    by_number: dict[str, list[PaymentEvent]] = {}
    for e in PaymentStore(ledger).events():
        if on is None or e.on <= on:
            by_number.setdefault(e.number, []).append(e)
    return {
        inv.number: _status(inv, by_number.get(inv.number, []), _cancelled(ledger, inv, on))
        for inv in ledger.all()
        if inv.kind != "storno" and (on is None or inv.issued_on <= on)
    }


def open_items(ledger: Ledger, on: date) -> list[OpenItem]:
    """The Offene Posten on day ``on``: invoices issued by then, open or partly paid.

    Payments dated after ``on`` are not counted. Sorted by due date, then number.
    """
    items = []
    for number, st in statuses(ledger, on).items():
        if st.open <= 0:
            continue
        inv = ledger.get(number)
        assert inv is not None
        kunde = inv.snapshot.get("kunde", {})
        assert isinstance(kunde, dict)
        items.append(
            OpenItem(
                number=number,
                client=inv.client,
                client_name=str(kunde.get("name", inv.client)),
                business=kunde.get("art") == "unternehmen",
                kind=inv.kind,
                issued_on=inv.issued_on,
                due_on=from_snapshot(inv.snapshot).faellig,
                gross=st.due,
                paid=st.paid,
                open=st.open,
                status=st.status,
            )
        )
    return sorted(items, key=lambda i: (i.due_on, i.number))
