"""The invoice ledger: an SQLite file that hands out numbers and remembers what was issued.

Numbers are allocated inside a ``BEGIN IMMEDIATE`` transaction that stays open
until every file of the build is written, so two processes never get the same
number and a failed build consumes none. Issued invoices are never changed: their
files live in an archive beside the ledger, with their SHA-256 in the ledger.
Within a number series the invoice dates ascend with the numbers (§ 14 Abs. 4 Nr. 3/4
UStG: issue date and a unique sequential number; GoBD: a truthful record), and each
invoice keeps the real moment it was issued (``issued_at``, UTC).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from vadocs import clock
from vadocs.errors import LedgerError
from vadocs.i18n import _
from vadocs.output import private_dir

SCHEMA = """
CREATE TABLE IF NOT EXISTS series (
    pattern TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    last_date TEXT,
    PRIMARY KEY (pattern, year)
);
CREATE TABLE IF NOT EXISTS invoices (
    number TEXT PRIMARY KEY,
    client TEXT NOT NULL,
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'issued',
    data_hash TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    net TEXT NOT NULL,
    vat TEXT NOT NULL,
    gross TEXT NOT NULL,
    vat_by_rate TEXT NOT NULL,
    cancels TEXT REFERENCES invoices(number),
    reason TEXT,
    issued_at TEXT
);
-- One valid invoice per client, kind and period; a cancelled one may be re-issued.
CREATE UNIQUE INDEX IF NOT EXISTS one_valid_invoice
    ON invoices(client, kind, period) WHERE cancels IS NULL AND status = 'issued';
CREATE TABLE IF NOT EXISTS files (
    number TEXT NOT NULL REFERENCES invoices(number),
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (number, name)
);
"""


@dataclass(frozen=True)
class Issued:
    number: str
    client: str
    kind: str
    period: str
    issued_on: date
    status: str
    data_hash: str
    net: Decimal
    vat: Decimal
    gross: Decimal
    vat_by_rate: dict[str, str]
    cancels: str | None
    reason: str | None
    snapshot: dict[str, object]
    issued_at: str | None = None
    """When it was issued: ISO 8601 in UTC (None for invoices issued before vadocs kept it)."""


MIGRATIONS = (("series", "last_date"), ("invoices", "issued_at"))
"""Columns added after the first release: added to older ledger files when opened."""


def utc_now() -> datetime:
    """The default clock of the ledger's ``issued_at``; tests inject their own."""
    return clock.now_utc()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Ledger:
    """One open ledger file. Use :meth:`issuing` for every change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.archive = path.parent / "archiv"
        private_dir(path.parent)
        fresh = not path.exists()
        try:
            self.db = sqlite3.connect(path, timeout=120, isolation_level=None)
            if fresh:
                os.chmod(path, 0o600)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(SCHEMA)
            for table, column in MIGRATIONS:
                names = [r[1] for r in self.db.execute(f"PRAGMA table_info({table})")]
                if column not in names:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
        except sqlite3.DatabaseError as exc:
            raise LedgerError(
                _("{path}: the invoice ledger cannot be opened ({exc})").format(path=path, exc=exc),
                hint=_("restore it from your backup (vadocs invoices backup)"),
            ) from None

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def issuing(self) -> Iterator[Ledger]:
        """A write transaction: commit on success, roll back (numbers unused) on any error."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def find(self, client: str, kind: str, period: str) -> Issued | None:
        row = self.db.execute(
            "SELECT * FROM invoices WHERE client=? AND kind=? AND period=? AND cancels IS NULL "
            "AND status='issued'",
            (client, kind, period),
        ).fetchone()
        return _issued(self.db, row) if row else None

    def get(self, number: str) -> Issued | None:
        row = self.db.execute("SELECT * FROM invoices WHERE number=?", (number,)).fetchone()
        return _issued(self.db, row) if row else None

    def cancellation_of(self, number: str) -> Issued | None:
        row = self.db.execute("SELECT * FROM invoices WHERE cancels=?", (number,)).fetchone()
        return _issued(self.db, row) if row else None

    def all(self, year: int | None = None) -> list[Issued]:
        rows = self.db.execute("SELECT * FROM invoices ORDER BY issued_on, number").fetchall()
        found = [_issued(self.db, r) for r in rows]
        return [i for i in found if year is None or i.issued_on.year == year]

    def latest_date(self, pattern: str, on: date) -> date | None:
        """The date of the latest invoice numbered in the series ``on`` belongs to."""
        year = on.year if "{year" in pattern else 0
        row = self.db.execute(
            "SELECT last_date FROM series WHERE pattern=? AND year=?", (pattern, year)
        ).fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    def next_number(self, pattern: str, on: date) -> str:
        """Allocate the next number of the series for an invoice dated ``on``; only inside
        :meth:`issuing`. Raises :class:`LedgerError` when ``on`` lies before the date of the
        series' latest invoice: numbers ascend with dates (§ 14 Abs. 4 Nr. 4 UStG)."""
        if not self.db.in_transaction:
            raise RuntimeError(_("numbers are allocated only inside a transaction"))
        year = on.year if "{year" in pattern else 0
        row = self.db.execute(
            "SELECT last_seq, last_date FROM series WHERE pattern=? AND year=?", (pattern, year)
        ).fetchone()
        if row and row[1] and on < date.fromisoformat(row[1]):
            raise LedgerError(
                _(
                    "an invoice dated {on:%d.%m.%Y} would get a number after the series' latest invoice, dated {latest:%d.%m.%Y}; numbers ascend with dates (§ 14 Abs. 4 Nr. 4 UStG)"
                ).format(on=on, latest=date.fromisoformat(row[1])),
                hint=_(
                    "date it on or after {latest:%d.%m.%Y} (leave out --datum, datum: and --date to date it today)"
                ).format(latest=date.fromisoformat(row[1])),
            )
        seq = (row[0] if row else 0) + 1
        self.db.execute(
            "INSERT INTO series(pattern, year, last_seq, last_date) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(pattern, year) DO UPDATE SET last_seq=excluded.last_seq, "
            "last_date=excluded.last_date",
            (pattern, year, seq, on.isoformat()),
        )
        number = pattern.format(year=on.year, seq=seq)
        if self.get(number) is not None:
            raise LedgerError(
                _("invoice number {number} exists already").format(number=number),
                hint=_(
                    "the number pattern changed so that it repeats old numbers; choose a pattern with a new prefix"
                ),
            )
        return number

    def record(self, inv: Issued, files: dict[str, bytes]) -> None:
        """Record an issued invoice with the hashes of its archived files."""
        self.db.execute(
            "INSERT INTO invoices(number, client, kind, period, issued_on, status, data_hash, "
            "snapshot, net, vat, gross, vat_by_rate, cancels, reason, issued_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                inv.number,
                inv.client,
                inv.kind,
                inv.period,
                inv.issued_on.isoformat(),
                inv.status,
                inv.data_hash,
                json.dumps(inv.snapshot, sort_keys=True),
                str(inv.net),
                str(inv.vat),
                str(inv.gross),
                json.dumps(inv.vat_by_rate),
                inv.cancels,
                inv.reason,
                inv.issued_at or utc_now().isoformat(timespec="seconds"),
            ),
        )
        for name, data in files.items():
            self.db.execute(
                "INSERT INTO files(number, name, sha256) VALUES (?,?,?)",
                (inv.number, name, sha256(data)),
            )
        if inv.cancels:
            self.db.execute("UPDATE invoices SET status='cancelled' WHERE number=?", (inv.cancels,))

    def files(self, number: str) -> dict[str, str]:
        rows = self.db.execute("SELECT name, sha256 FROM files WHERE number=?", (number,))
        return dict(rows.fetchall())

    def archive_dir(self, number: str) -> Path:
        return self.archive / number.replace("/", "_")

    def backup(self, dest: Path) -> None:
        """Copy the ledger with SQLite's online backup API (safe while others use it).

        The copy is made beside ``dest`` and renamed into place, so ``dest`` is either the
        complete copy or untouched. Raises :class:`LedgerError` when it cannot be written.
        """
        if dest.resolve() == self.path.resolve():
            raise LedgerError(
                _("{dest}: is the ledger itself").format(dest=dest),
                hint=_("name a file outside .vadocs/"),
            )
        if not dest.parent.is_dir():
            raise LedgerError(
                _("{dest}: the folder {parent} does not exist").format(
                    dest=dest, parent=dest.parent
                ),
                hint=_("create the folder first, or name another file"),
            )
        fd, name = tempfile.mkstemp(prefix=".tmp-", suffix=".sqlite", dir=dest.parent)
        os.close(fd)
        try:
            target = sqlite3.connect(name)
            try:
                self.db.backup(target)
            finally:
                target.close()
            os.chmod(name, 0o600)
            os.replace(name, dest)
        except (OSError, sqlite3.Error) as exc:
            Path(name).unlink(missing_ok=True)
            raise LedgerError(
                _("{dest}: cannot write the backup ({exc})").format(dest=dest, exc=exc)
            ) from None


def _issued(db: sqlite3.Connection, row: tuple[object, ...]) -> Issued:
    cols = [c[0] for c in db.execute("SELECT * FROM invoices LIMIT 0").description]
    v = dict(zip(cols, row, strict=True))
    return Issued(
        number=str(v["number"]),
        client=str(v["client"]),
        kind=str(v["kind"]),
        period=str(v["period"]),
        issued_on=date.fromisoformat(str(v["issued_on"])),
        status=str(v["status"]),
        data_hash=str(v["data_hash"]),
        net=Decimal(str(v["net"])),
        vat=Decimal(str(v["vat"])),
        gross=Decimal(str(v["gross"])),
        vat_by_rate=json.loads(str(v["vat_by_rate"])),
        cancels=str(v["cancels"]) if v["cancels"] else None,
        reason=str(v["reason"]) if v["reason"] else None,
        snapshot=json.loads(str(v["snapshot"])),
        issued_at=str(v["issued_at"]) if v.get("issued_at") else None,
    )
