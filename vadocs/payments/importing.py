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
from vadocs.i18n import _
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
        return [], [Problem(path, f"Datei nicht lesbar ({exc.strerror})")]
    if is_camt(data):
        return read_camt(path, data)
    if is_mt940(data):
        return read_mt940(path, data)
    return [], [
        Problem(
            path,
            _("weder camt (XML/ZIP) noch MT940"),
            hint="exportieren Sie im Online-Banking den Kontoauszug als camt.053 oder MT940",
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
        raise LedgerError(f"Buchung {b.identity} ist bereits vollständig zugeordnet")
    targets = []
    for number in numbers:
        inv = ledger.get(number)
        if inv is None or inv.kind == "storno":
            raise LedgerError(f"Rechnung {number} gibt es nicht (oder sie ist eine Stornorechnung)")
        targets.append(inv)
    allocations = allocate(rest, targets, statuses(ledger), overpay=overpay)
    excess = rest - sum((a.amount for a in allocations), Decimal("0.00"))
    if excess > 0 and not overpay:
        names = ", ".join(numbers)
        raise LedgerError(
            f"Buchung {b.identity}: {excess:.2f} € mehr, als {names} noch offen "
            f"{'hat' if len(numbers) == 1 else 'haben'} – das wäre eine Überzahlung",
            hint="weitere Rechnungen nennen, oder mit --ueberzahlung bewusst als Überzahlung "
            "buchen (sie erscheint dann in `vadocs invoices list --open` zum Erstatten)",
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
            f"Buchung „{text}“ {'ist nicht eindeutig' if found else 'gibt es nicht'}",
            hint="`vadocs payments list` zeigt die Buchungen mit ihrer Kennung",
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
        raise LedgerError("der Betrag muss größer als 0 sein")
    state = statuses(ledger).get(number)
    if state is None:
        raise LedgerError(f"Rechnung {number} gibt es nicht (oder sie ist eine Stornorechnung)")
    if amount > state.open and not overpay:
        raise LedgerError(
            f"Rechnung {number}: {amount:.2f} € ist mehr als die noch offenen "
            f"{state.open:.2f} € – das wäre eine Überzahlung",
            hint="Betrag prüfen, oder mit --ueberzahlung bewusst als Überzahlung buchen",
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
        raise LedgerError(f"Rechnung {number} hat keinen offenen Betrag")
    with ledger.issuing():
        store.add_event(PaymentEvent("written_off", number, st.open, on, None, reason))
    return st.open
