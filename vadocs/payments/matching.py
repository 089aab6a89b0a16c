"""Which invoice(s) a booking pays: by number in the remittance text, else by amount and payer.

Order of evidence:

1. An invoice number in the remittance information. Every invoice's GiroCode
   (EPC069-12, see :mod:`vadocs.invoicing.girocode`) puts ``Rechnung <Nummer>`` there, so
   most transfers carry it. Several numbers: one transfer for several invoices;
   the amount settles them oldest first, each up to its open amount. What is left
   over is never booked as an overpayment by itself: it stays unassigned on the
   booking and is listed, until the assistant decides (``payments match
   --ueberzahlung`` or a refund).
2. Without a number: an open invoice whose open amount equals the booking, issued
   on or before the booking day and due no more than :data:`WINDOW_DAYS` before it,
   whose client is known to pay from this IBAN or whose name the payer name
   contains. Exactly one such invoice is matched; otherwise the booking stays
   unmatched and the best candidates are listed.

Outgoing bookings are ignored unless they name (or, from a known IBAN, exactly
refund) an overpaid or cancelled-and-paid invoice: then they are a refund.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from vadocs.invoicing.ledger import Issued
from vadocs.payments.bookings import Booking
from vadocs.payments.status import InvoiceStatus, Zahlstatus

WINDOW_DAYS = 120
"""How long after the due date a payment without invoice number is still matched by amount."""

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Allocation:
    number: str
    amount: Decimal
    """Euros of the booking assigned to this invoice (negative for a refund)."""


@dataclass(frozen=True)
class Candidate:
    number: str
    client: str
    open: Decimal
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    booking: Booking
    kind: str
    """``matched``, ``refund``, ``unmatched`` (incoming, needs a hand) or ``ignored``."""
    allocations: tuple[Allocation, ...] = ()
    candidates: tuple[Candidate, ...] = ()


def numbers_in(text: str, invoices: list[Issued]) -> list[Issued]:
    """The invoices whose number appears in ``text`` (spaces inside a number tolerated)."""
    spaced = " ".join(text.upper().split())
    compact = "".join(spaced.split())
    found = []
    for inv in invoices:
        number = re.escape(inv.number.upper())
        word = re.compile(r"(?<![0-9A-Z])" + number + r"(?![0-9])")
        glued = re.compile(r"(?<![0-9])" + number + r"(?![0-9])")
        if word.search(spaced) or glued.search(compact):
            found.append(inv)
    return found


def allocate(
    amount: Decimal,
    targets: list[Issued],
    status: dict[str, InvoiceStatus],
    *,
    overpay: bool = False,
) -> tuple[Allocation, ...]:
    """Split ``amount`` (euros) over ``targets`` oldest first, each up to its open amount.

    The excess stays unassigned (the booking keeps a rest) unless ``overpay``: then the
    last invoice takes it and becomes overpaid. Returns the allocations, possibly none.
    """
    ordered = sorted(targets, key=lambda i: (i.issued_on, i.number))
    rest = amount
    shares: dict[str, Decimal] = {}
    for inv in ordered:
        share = min(rest, max(ZERO, status[inv.number].open)) if inv.number in status else ZERO
        if share > 0:
            shares[inv.number] = share
            rest -= share
    if overpay and rest > 0 and ordered:
        last = ordered[-1].number
        shares[last] = shares.get(last, ZERO) + rest
    return tuple(Allocation(number, value) for number, value in shares.items())


def match(
    b: Booking,
    invoices: list[Issued],
    status: dict[str, InvoiceStatus],
    known_ibans: dict[str, str],
) -> Outcome:
    """Decide what booking ``b`` settles. ``status`` holds every receivable invoice's status."""
    receivable = [i for i in invoices if i.number in status]
    named = numbers_in(b.remittance, receivable)
    if not b.incoming:
        return _outgoing(
            b, named or _refundable_by_iban(b, receivable, status, known_ibans), status
        )
    if named:
        allocations = allocate(b.amount, named, status)
        if allocations:
            return Outcome(b, "matched", allocations)
        return Outcome(
            b, "unmatched", candidates=tuple(_candidates(b, receivable, status, known_ibans)[:3])
        )
    candidates = _candidates(b, receivable, status, known_ibans)
    sure = [
        c
        for c in candidates
        if {"Betrag", "Zeitraum"} <= set(c.reasons) and {"IBAN", "Name"} & set(c.reasons)
    ]
    if len(sure) == 1:
        return Outcome(b, "matched", (Allocation(sure[0].number, b.amount),))
    return Outcome(b, "unmatched", candidates=tuple(candidates[:3]))


def _outgoing(b: Booking, named: list[Issued], status: dict[str, InvoiceStatus]) -> Outcome:
    for inv in named:
        st = status[inv.number]
        if st.status is Zahlstatus.UEBERZAHLT or (
            st.status is Zahlstatus.STORNIERT and st.paid > 0
        ):
            return Outcome(b, "refund", (Allocation(inv.number, b.amount),))
    return Outcome(b, "ignored")


def _refundable_by_iban(
    b: Booking, invoices: list[Issued], status: dict[str, InvoiceStatus], known: dict[str, str]
) -> list[Issued]:
    client = known.get(b.iban)
    excess = {
        i.number: status[i.number].paid
        - (ZERO if i.status == "cancelled" else status[i.number].due)
        for i in invoices
        if i.client == client
    }
    return [i for i in invoices if excess.get(i.number) == -b.amount]


def _candidates(
    b: Booking, invoices: list[Issued], status: dict[str, InvoiceStatus], known: dict[str, str]
) -> list[Candidate]:
    out = []
    payer = _words(b.payer)
    for inv in invoices:
        st = status[inv.number]
        if st.open <= 0 or inv.issued_on > b.booked_on:
            continue
        reasons = []
        if st.open == b.amount:
            reasons.append("Betrag")
        if b.iban and known.get(b.iban) == inv.client:
            reasons.append("IBAN")
        kunde = inv.snapshot.get("kunde", {})
        name = _words(str(kunde.get("name", "")) if isinstance(kunde, dict) else "")
        if payer and name and (payer & name):
            reasons.append("Name")
        due = inv.snapshot.get("faellig")
        if isinstance(due, str) and b.booked_on.isoformat() <= _plus(due, WINDOW_DAYS):
            reasons.append("Zeitraum")
        score = sum({"Betrag": 4, "IBAN": 3, "Name": 2, "Zeitraum": 1}[r] for r in reasons)
        if score > 1:
            out.append(Candidate(inv.number, inv.client, st.open, score, tuple(reasons)))
    return sorted(out, key=lambda c: (-c.score, c.number))


_STOP = {"gmbh", "ag", "kg", "ug", "e.k.", "und", "&", "co", "mbh", "ohg", "gbr", "e.v."}


def _words(name: str) -> set[str]:
    return {w for w in re.split(r"[\s,]+", name.lower()) if len(w) > 2 and w not in _STOP}


def _plus(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()
