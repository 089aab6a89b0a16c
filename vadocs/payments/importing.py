"""``vadocs payments import|match|add``: read statements, record the facts, match them.

Every file is read and checked before anything is written; one bad file stops the
whole import (nothing is written) so a statement is never half-imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from vadocs.errors import LedgerError, Problem, ProblemsError
from vadocs.i18n import _, ngettext, os_error
from vadocs.invoicing.ledger import Ledger
from vadocs.payments.bookings import Booking
from vadocs.payments.camt import is_camt, read_camt
from vadocs.payments.matching import Outcome, allocate, match
from vadocs.payments.mt940 import is_mt940, read_mt940
from vadocs.payments.status import statuses
from vadocs.payments.store import EventKind, PaymentEvent, PaymentStore


@dataclass
class ImportReport:
    files: int = 0
    new: list[Outcome] = field(default_factory=list)
    known: int = 0
    """Bookings already imported earlier (same identity): left as they were."""

    def of_kind(self, kind: str) -> list[Outcome]:
        return [o for o in self.new if o.kind == kind]


def read_statement(path: Path) -> tuple[list[Booking], list[Problem]]:
    """The bookings of one camt (XML/ZIP) or MT940 file, or the problems that stop it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [Problem(path, _("file cannot be read ({error})").format(error=os_error(exc)))]
    if is_camt(data):
        return read_camt(path, data)
    if is_mt940(data):
        return read_mt940(path, data)
    return [], [
        Problem(
            path,
            _("neither camt (XML/ZIP) nor MT940"),
            hint=_("export the bank statement in your online banking as camt.053 or MT940"),
        )
    ]


def import_statements(
    ledger: Ledger, files: list[Path], clock: datetime | None = None
) -> ImportReport:
    """Import bank statements into the ledger and match the new bookings.

    Raises :class:`ProblemsError` (nothing written) if any file is unreadable or invalid.
    """
    bookings: list[Booking] = []
    problems: list[Problem] = []
    for path in files:
        found, bad = read_statement(path)
        bookings += found
        problems += bad
    if problems:
        raise ProblemsError(problems)
    store = PaymentStore(ledger, clock)
    report = ImportReport(files=len(files))
    invoices = ledger.all()
    with ledger.issuing():
        for b in sorted(bookings, key=lambda b: (b.booked_on, b.identity)):
            if not store.add_booking(b):
                report.known += 1
                continue
            outcome = match(b, invoices, statuses(ledger), store.known_ibans())
            for a in outcome.allocations:
                kind: EventKind = "refund" if outcome.kind == "refund" else "matched"
                store.add_event(PaymentEvent(kind, a.number, a.amount, b.booked_on, b.identity))
            report.new.append(outcome)
    return report


def unmatched(ledger: Ledger) -> list[tuple[Booking, Decimal]]:
    """Incoming bookings with money not yet assigned to any invoice, and how much."""
    store = PaymentStore(ledger)
    out = []
    for b in store.bookings():
        rest = b.amount - store.allocated(b.identity)
        if b.incoming and rest > 0:
            out.append((b, rest))
    return out


def match_by_hand(
    ledger: Ledger,
    identity: str,
    numbers: list[str],
    clock: datetime | None = None,
    *,
    overpay: bool = False,
) -> Outcome:
    """Assign the unassigned rest of booking ``identity`` to the invoices ``numbers``.

    Each invoice takes at most its open amount; more than all of them ask for is refused
    unless ``overpay`` (then the last one is overpaid, to be refunded or set off).
    Raises :class:`LedgerError` for an unknown booking or invoice, a booking that is
    fully assigned already, or an overpayment not asked for.
    """
    store = PaymentStore(ledger, clock)
    b = store.booking(identity) or _by_suffix(store, identity)
    rest = b.amount - store.allocated(b.identity)
    if rest <= 0:
        raise LedgerError(
            _("booking {booking} is already fully matched").format(booking=b.identity)
        )
    targets = []
    for number in numbers:
        inv = ledger.get(number)
        if inv is None or inv.kind == "storno":
            raise LedgerError(
                _("there is no invoice {number} (or it is a cancellation invoice)").format(
                    number=number
                )
            )
        targets.append(inv)
    allocations = allocate(rest, targets, statuses(ledger), overpay=overpay)
    excess = rest - sum((a.amount for a in allocations), Decimal("0.00"))
    if excess > 0 and not overpay:
        names = ", ".join(numbers)
        raise LedgerError(
            ngettext(
                "booking {booking}: {excess:.2f} € more than {names} still has open "
                "– that would be an overpayment",
                "booking {booking}: {excess:.2f} € more than {names} still have open "
                "– that would be an overpayment",
                len(numbers),
            ).format(booking=b.identity, excess=excess, names=names),
            hint=_(
                "name further invoices, or book it as an overpayment on purpose with "
                "--ueberzahlung (it then shows in `vadocs invoices list --open` to be refunded)"
            ),
        )
    with ledger.issuing():
        for a in allocations:
            store.add_event(
                PaymentEvent("matched", a.number, a.amount, b.booked_on, b.identity, "von Hand")
            )
    return Outcome(b, "matched", allocations)


def _by_suffix(store: PaymentStore, text: str) -> Booking:
    """Bookings may be named by a unique tail of their identity (as `payments list` shows)."""
    found = [b for b in store.bookings() if b.identity.endswith(text)]
    if len(found) != 1:
        raise LedgerError(
            (
                _("booking “{text}” is ambiguous") if found else _("there is no booking “{text}”")
            ).format(text=text),
            hint=_("`vadocs payments list` shows the bookings with their identifier"),
        )
    return found[0]


def add_payment(
    ledger: Ledger,
    number: str,
    amount: Decimal,
    on: date,
    note: str = "",
    clock: datetime | None = None,
    *,
    overpay: bool = False,
) -> None:
    """Record a payment entered by hand (cash, another account). ``amount`` in euros, > 0.

    Raises :class:`LedgerError` for an unknown invoice, a non-positive amount, or more than
    the invoice still asks for unless ``overpay``.
    """
    if amount <= 0:
        raise LedgerError(_("the amount must be greater than 0"))
    state = statuses(ledger).get(number)
    if state is None:
        raise LedgerError(
            _("there is no invoice {number} (or it is a cancellation invoice)").format(
                number=number
            )
        )
    if amount > state.open and not overpay:
        raise LedgerError(
            _(
                "invoice {number}: {amount:.2f} € is more than the {open:.2f} € still open "
                "– that would be an overpayment"
            ).format(number=number, amount=amount, open=state.open),
            hint=_("check the amount, or book it as an overpayment on purpose with --ueberzahlung"),
        )
    store = PaymentStore(ledger, clock)
    with ledger.issuing():
        store.add_event(PaymentEvent("manual", number, amount, on, None, note))


def write_off(
    ledger: Ledger, number: str, reason: str, on: date, clock: datetime | None = None
) -> Decimal:
    """Write off what is still open on invoice ``number``; returns that amount (euros)."""
    store = PaymentStore(ledger, clock)
    st = statuses(ledger).get(number)
    if st is None or st.open <= 0:
        raise LedgerError(_("invoice {number} has no open amount").format(number=number))
    with ledger.issuing():
        store.add_event(PaymentEvent("written_off", number, st.open, on, None, reason))
    return st.open
