"""SWIFT MT940 statements (the legacy format German banks still deliver), via ``mt-940``.

Field meanings follow the DK's "MT940 Deutschland" structure: ``:25:`` account,
``:61:`` value date, entry date, C/D mark, amount and after ``//`` the bank
reference; ``:86:`` with ``?20``–``?29`` remittance text, ``?31`` payer IBAN,
``?32``/``?33`` payer name. The library splits these out; we keep what matching needs.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import mt940 as mt940_lib

from vadocs.errors import Problem
from vadocs.i18n import _
from vadocs.payments.bookings import Booking, german_iban, identity_of

_REQUIRED = (":20:", ":25:", ":61:")


def is_mt940(data: bytes) -> bool:
    return b":20:" in data[:400]


def read_mt940(path: Path, data: bytes) -> tuple[list[Booking], list[Problem]]:
    """Every booking of an MT940 file (ISO 8859-1 or UTF-8)."""
    text = _decode(data)
    missing = [tag for tag in _REQUIRED if tag not in text]
    if ":62F:" not in text and ":62M:" not in text:
        missing.append(_(":62F: (closing balance – the file is incomplete)"))
    if missing:
        return [], [
            Problem(
                path,
                _("not a complete MT940 statement, missing: {missing}").format(
                    missing=", ".join(missing)
                ),
                hint=_("MT940 files start with :20: and hold one :61: per booking"),
            )
        ]
    try:
        parsed = mt940_lib.models.Transactions(options=mt940_lib.Options.all())
        parsed.parse(text)
    except Exception as exc:  # the library raises plain exceptions on bad input
        return [], [Problem(path, _("MT940 cannot be read ({exc})").format(exc=exc))]
    account = german_iban(str(parsed.data.get("account_identification") or ""))
    seen: Counter[tuple[str, ...]] = Counter()
    bookings: list[Booking] = []
    problems: list[Problem] = []
    for tx in parsed:
        try:
            bookings.append(_booking(tx.data, account, path.name, seen))
        except ValueError as exc:
            problems.append(Problem(path, str(exc)))
    if text.count(":61:") != len(parsed):
        problems.append(Problem(path, _("not every :61: booking can be read")))
    return bookings, problems


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("iso-8859-1")


def _booking(
    d: dict[str, Any], account: str, source: str, seen: Counter[tuple[str, ...]]
) -> Booking:
    amount = d.get("amount")
    when = d.get("date")
    if amount is None or not isinstance(when, date):
        raise ValueError(_("booking without amount or date in :61:"))
    if str(d.get("currency") or amount.currency) != "EUR":
        raise ValueError(
            _("amount in {currency}: only euro accounts are supported").format(
                currency=amount.currency
            )
        )
    value = Decimal(amount.amount).quantize(Decimal("0.01"))
    booked = d.get("entry_date") or when
    ref = str(d.get("bank_reference") or "")
    ref = "" if ref.upper() == "NONREF" else ref
    purpose = " ".join(
        str(d.get(k) or "") for k in ("purpose", "additional_purpose", "extra_details")
    )
    purpose = re.sub(r"\s+", " ", purpose).strip()
    iban = str(d.get("applicant_iban") or d.get("gvc_applicant_iban") or "").replace(" ", "")
    payer = str(d.get("applicant_name") or "").strip()
    key = (booked.isoformat(), str(value), iban, purpose)
    seen[key] += 1
    ident = identity_of(account, ref, *key, str(seen[key]))
    return Booking(
        ident, date(booked.year, booked.month, booked.day), value, payer, iban, purpose, ref, source
    )
