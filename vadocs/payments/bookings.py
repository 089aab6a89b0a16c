"""One line of a bank statement, as every reader hands it on."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Booking:
    """A booked transaction on the assistant's account.

    ``amount`` is in euros, signed: positive for money received (camt ``CRDT``,
    MT940 ``C``), negative for money paid out. ``identity`` is stable across
    re-imports of the same statement (see :func:`identity_of`).
    """

    identity: str
    booked_on: date
    amount: Decimal
    payer: str
    iban: str
    remittance: str
    bank_reference: str
    source: str

    @property
    def incoming(self) -> bool:
        return self.amount > 0


def identity_of(account: str, bank_reference: str, *fallback: str) -> str:
    """A booking's identity: the bank's own reference where it gives one, else a hash.

    camt.053 carries ``AcctSvcrRef`` (the account servicer's unique reference,
    ISO 20022 camt.053 ``Ntry/AcctSvcrRef`` and ``TxDtls/Refs/AcctSvcrRef``); MT940
    carries the bank reference after ``//`` in field ``:61:``. Without one, the
    identity is a SHA-256 of the account and the fallback parts (date, amount,
    counterparty, remittance text and the occurrence count of identical lines).

    >>> identity_of("DE02", "REF-1")
    'DE02/REF-1'
    >>> len(identity_of("DE02", "", "2026-11-30", "100.00"))
    30
    """
    if bank_reference:
        return f"{account}/{bank_reference}"
    digest = hashlib.sha256("\x1f".join((account, *fallback)).encode()).hexdigest()
    return f"{account}/#{digest[:24]}"


def german_iban(account: str) -> str:
    """``BLZ/Kontonummer`` (MT940 field ``:25:`` of German banks) as the account's IBAN, so
    that the same booking has the same identity in MT940 and camt (which names the IBAN).
    Anything else is returned as it is. IBAN check digits per ISO 13616 (python-stdnum).

    >>> german_iban("12030000/0000202051")
    'DE02120300000000202051'
    >>> german_iban("DE02120300000000202051")
    'DE02120300000000202051'
    """
    from stdnum import iban

    match = re.fullmatch(r"(\d{8})/(\d{1,10})", account.strip())
    if match is None:
        return account.strip()
    bban = match.group(1) + match.group(2).zfill(10)
    return f"DE{iban.calc_check_digits('DE00' + bban)}{bban}"
