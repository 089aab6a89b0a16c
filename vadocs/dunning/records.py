"""Reminders sent, recorded in the invoice ledger's SQLite file and archived beside it.

A reminder is a letter, never an invoice: it takes no number of the invoice series.
Its row (invoice number, level, dates, amounts, file hashes) is added inside the same
transaction that archives its files, so a failed build records nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from vadocs.errors import Problem
from vadocs.i18n import _
from vadocs.invoicing.ledger import Ledger, sha256
from vadocs.output import safe_part, write_atomic

SCHEMA = """
CREATE TABLE IF NOT EXISTS reminders (
    number TEXT NOT NULL REFERENCES invoices(number),
    level INTEGER NOT NULL CHECK (level IN (0, 1, 2)),
    sent_on TEXT NOT NULL,
    received_on TEXT NOT NULL,
    default_since TEXT,
    open_amount TEXT NOT NULL,
    interest TEXT NOT NULL,
    flat_fee TEXT NOT NULL,
    fee TEXT NOT NULL,
    total TEXT NOT NULL,
    files TEXT NOT NULL,
    PRIMARY KEY (number, level)
);
"""


@dataclass(frozen=True)
class Gesendet:
    """One reminder sent: level 0 Zahlungserinnerung, 1 and 2 Mahnung; amounts in euros."""

    number: str
    level: int
    sent_on: date
    received_on: date
    default_since: date | None
    open_amount: Decimal
    interest: Decimal
    flat_fee: Decimal
    fee: Decimal
    """The reminder fee charged with this reminder (before crediting the flat fee)."""
    total: Decimal
    files: Mapping[str, str]
    """File name → SHA-256 of the archived files."""


def ensure_table(ledger: Ledger) -> None:
    """Create the reminders table if this ledger has none yet (safe to call again).

    One ``execute``, not ``executescript``: the latter would commit an open transaction.
    """
    ledger.db.execute(SCHEMA)


def sent_reminders(ledger: Ledger) -> dict[str, list[Gesendet]]:
    """Every recorded reminder, by invoice number, in level order."""
    ensure_table(ledger)
    rows = ledger.db.execute(
        "SELECT number, level, sent_on, received_on, default_since, open_amount, interest, "
        "flat_fee, fee, total, files FROM reminders ORDER BY number, level"
    ).fetchall()
    found: dict[str, list[Gesendet]] = {}
    for r in rows:
        found.setdefault(r[0], []).append(
            Gesendet(
                number=r[0],
                level=int(r[1]),
                sent_on=date.fromisoformat(r[2]),
                received_on=date.fromisoformat(r[3]),
                default_since=date.fromisoformat(r[4]) if r[4] else None,
                open_amount=Decimal(r[5]),
                interest=Decimal(r[6]),
                flat_fee=Decimal(r[7]),
                fee=Decimal(r[8]),
                total=Decimal(r[9]),
                files=json.loads(r[10]),
            )
        )
    return found


def archive_dir(ledger: Ledger, number: str) -> Path:
    """``.vadocs/archiv/mahnungen/<number>/``: the reminders of one invoice."""
    return ledger.archive / "mahnungen" / safe_part(number)


def archive_and_record(ledger: Ledger, sent: Gesendet, files: Mapping[str, bytes]) -> Gesendet:
    """Write ``files`` to the archive and record the reminder; inside :meth:`Ledger.issuing`.

    Raises :class:`sqlite3.IntegrityError` if this level was recorded for the invoice before.
    """
    if not ledger.db.in_transaction:
        raise RuntimeError(_("reminders are recorded only inside a transaction"))
    ensure_table(ledger)
    folder = archive_dir(ledger, sent.number)
    for name, data in files.items():
        write_atomic(folder / name, data)
    hashes = {name: sha256(data) for name, data in files.items()}
    ledger.db.execute(
        "INSERT INTO reminders(number, level, sent_on, received_on, default_since, open_amount, "
        "interest, flat_fee, fee, total, files) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            sent.number,
            sent.level,
            sent.sent_on.isoformat(),
            sent.received_on.isoformat(),
            sent.default_since.isoformat() if sent.default_since else None,
            str(sent.open_amount),
            str(sent.interest),
            str(sent.flat_fee),
            str(sent.fee),
            str(sent.total),
            json.dumps(hashes, sort_keys=True),
        ),
    )
    return Gesendet(**{**sent.__dict__, "files": hashes})


def verify_reminders(ledger: Ledger) -> tuple[int, list[Problem]]:
    """Recompute the SHA-256 of every archived reminder file; report changed or vanished ones.

    Returns (files checked, problems); the archive is ``.vadocs/archiv/mahnungen/<number>/``.
    """
    checked = 0
    problems: list[Problem] = []
    for number, letters in sent_reminders(ledger).items():
        folder = archive_dir(ledger, number)
        for letter in letters:
            for name, digest in letter.files.items():
                checked += 1
                path = folder / name
                if not path.is_file():
                    problems.append(
                        Problem(
                            path,
                            _("reminder for {number}: archived file is missing").format(
                                number=number
                            ),
                            hint=_("restore it from your backup"),
                        )
                    )
                elif sha256(path.read_bytes()) != digest:
                    problems.append(
                        Problem(
                            path,
                            _("reminder for {number}: file was changed").format(number=number),
                            hint=_("restore it from your backup"),
                        )
                    )
    return checked, problems
