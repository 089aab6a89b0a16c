"""Payment facts, appended to the ledger file and never changed.

Two tables beside the invoices (schema version :data:`SCHEMA_VERSION`, created
idempotently when a :class:`PaymentStore` opens a ledger):

``bank_bookings``
    the "received" facts: every booking read from a statement (incoming and
    outgoing), keyed by its stable identity, so importing a statement twice adds
    nothing.
``payment_events``
    what a booking or the assistant says about an invoice: ``matched`` (a share
    of a booking settles an invoice), ``manual`` (a payment entered by hand),
    ``refund`` (money paid back, from an outgoing booking) and ``written_off``
    (with a reason).

Amounts are stored as **integer cents** (signed: incoming > 0), dates as ISO text.
Triggers refuse every UPDATE and DELETE: facts are corrected by new facts only.
Issued invoices and their files are never touched.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from vadocs.errors import LedgerError
from vadocs.i18n import _
from vadocs.invoicing.ledger import Ledger
from vadocs.payments.amounts import from_cents, to_cents
from vadocs.payments.bookings import Booking

SCHEMA_VERSION = 1

EventKind = Literal["matched", "manual", "refund", "written_off"]

_TABLES = """
CREATE TABLE IF NOT EXISTS payments_schema (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bank_bookings (
    identity TEXT PRIMARY KEY,
    booked_on TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    payer TEXT NOT NULL,
    iban TEXT NOT NULL,
    remittance TEXT NOT NULL,
    bank_reference TEXT NOT NULL,
    source TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS payment_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('matched', 'manual', 'refund', 'written_off')),
    number TEXT NOT NULL REFERENCES invoices(number),
    booking TEXT REFERENCES bank_bookings(identity),
    amount_cents INTEGER NOT NULL,
    on_date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS payment_events_number ON payment_events(number)
"""
_GUARD = (
    "CREATE TRIGGER IF NOT EXISTS {table}_no_{verb} BEFORE {verb} ON {table} "
    "BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
)
# Statement by statement: executescript() would commit a transaction that is open.
SCHEMA = [s.strip() for s in _TABLES.split(";")] + [
    _GUARD.format(table=t, verb=v)
    for t in ("bank_bookings", "payment_events")
    for v in ("UPDATE", "DELETE")
]


@dataclass(frozen=True)
class PaymentEvent:
    kind: EventKind
    number: str
    amount: Decimal
    """Euros; positive reduces the open amount (a refund is negative)."""
    on: date
    booking: str | None = None
    note: str = ""


class PaymentStore:
    """The payment tables of one open :class:`~vadocs.invoicing.ledger.Ledger`.

    Writes happen inside ``ledger.issuing()`` (one transaction per import).
    """

    def __init__(self, ledger: Ledger, clock: datetime | None = None) -> None:
        self.ledger = ledger
        self.db = ledger.db
        self.clock = clock
        try:
            for statement in SCHEMA:
                self.db.execute(statement)
            row = self.db.execute("SELECT version FROM payments_schema").fetchone()
            if row is None:
                self.db.execute("INSERT INTO payments_schema VALUES (?)", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                raise LedgerError(
                    _(
                        "{ledger}: the payment data come from a newer vadocs version (schema {schema})"
                    ).format(ledger=ledger.path, schema=row[0]),
                    hint=_("update vadocs"),
                )
        except sqlite3.DatabaseError as exc:
            raise LedgerError(
                _("{ledger}: payment data cannot be read ({exc})").format(
                    ledger=ledger.path, exc=exc
                )
            ) from None

    def _now(self) -> str:
        return (self.clock or datetime.now()).isoformat(timespec="seconds")

    def add_booking(self, b: Booking) -> bool:
        """Append a booking; False (and nothing written) if its identity is known already."""
        cur = self.db.execute(
            "INSERT OR IGNORE INTO bank_bookings VALUES (?,?,?,?,?,?,?,?,?)",
            (b.identity, b.booked_on.isoformat(), to_cents(b.amount), b.payer, b.iban,
             b.remittance, b.bank_reference, b.source, self._now()),
        )  # fmt: skip
        return cur.rowcount == 1

    def add_event(self, e: PaymentEvent) -> None:
        if self.ledger.get(e.number) is None:
            raise LedgerError(
                _("there is no invoice {number}").format(number=e.number),
                hint=_("`vadocs invoices list` shows the issued invoices"),
            )
        self.db.execute(
            "INSERT INTO payment_events(kind, number, booking, amount_cents, on_date, note, "
            "recorded_at) VALUES (?,?,?,?,?,?,?)",
            (e.kind, e.number, e.booking, to_cents(e.amount), e.on.isoformat(), e.note,
             self._now()),
        )  # fmt: skip

    def booking(self, identity: str) -> Booking | None:
        row = self.db.execute(
            "SELECT * FROM bank_bookings WHERE identity=?", (identity,)
        ).fetchone()
        return _booking(row) if row else None

    def bookings(self) -> list[Booking]:
        rows = self.db.execute("SELECT * FROM bank_bookings ORDER BY booked_on, identity")
        return [_booking(r) for r in rows.fetchall()]

    def events(self, number: str | None = None) -> list[PaymentEvent]:
        sql = "SELECT kind, number, amount_cents, on_date, booking, note FROM payment_events"
        rows = (
            self.db.execute(sql + " WHERE number=? ORDER BY seq", (number,))
            if number is not None
            else self.db.execute(sql + " ORDER BY seq")
        )
        return [
            PaymentEvent(k, n, from_cents(c), date.fromisoformat(d), b, note)
            for k, n, c, d, b, note in rows.fetchall()
        ]

    def allocated(self, identity: str) -> Decimal:
        """How much of a booking is already assigned to invoices (euros, signed)."""
        row = self.db.execute(
            "SELECT COALESCE(SUM(amount_cents), 0) FROM payment_events WHERE booking=?",
            (identity,),
        ).fetchone()
        return from_cents(int(row[0]))

    def known_ibans(self) -> dict[str, str]:
        """Payer IBAN → client, learned from bookings already matched to that client's invoices."""
        rows = self.db.execute(
            "SELECT DISTINCT b.iban, i.client FROM payment_events e "
            "JOIN bank_bookings b ON b.identity = e.booking "
            "JOIN invoices i ON i.number = e.number WHERE b.iban != ''"
        ).fetchall()
        return {iban: client for iban, client in rows}


def _booking(row: tuple[object, ...]) -> Booking:
    identity, booked_on, cents, payer, iban, remittance, ref, source, _recorded = row
    return Booking(
        identity=str(identity),
        booked_on=date.fromisoformat(str(booked_on)),
        amount=from_cents(int(str(cents))),
        payer=str(payer),
        iban=str(iban),
        remittance=str(remittance),
        bank_reference=str(ref),
        source=str(source),
    )
