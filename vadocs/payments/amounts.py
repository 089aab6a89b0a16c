"""Amounts as bank statements write them, read into ``Decimal`` euros and integer cents."""

from __future__ import annotations

import re
from decimal import Decimal

from vadocs.i18n import _

_CAMT = re.compile(r"[0-9]{1,18}(\.[0-9]{1,5})?")
_GERMAN = re.compile(r"[0-9]{1,15}(,[0-9]{0,2})?")


class AmountError(ValueError):
    """The text is not an amount in the expected notation."""


def camt_amount(text: str) -> Decimal:
    """An ISO 20022 ``ActiveOrHistoricCurrencyAndAmount``: digits, a point, at most 5 decimals.

    Euro amounts must be whole cents (ISO 4217: EUR has 2 minor units).

    >>> camt_amount("1190.00")
    Decimal('1190.00')
    >>> camt_amount(" 35.5 ")
    Decimal('35.50')
    """
    text = text.strip()
    if not _CAMT.fullmatch(text):
        raise AmountError(_("“{text}” is not an amount (expected e.g. 1190.00)").format(text=text))
    value = Decimal(text)
    if value != value.quantize(Decimal("0.01")):
        raise AmountError(_("“{text}” has more than two decimal places").format(text=text))
    return value.quantize(Decimal("0.01"))


def german_amount(text: str) -> Decimal:
    """An amount in SWIFT/German notation with a decimal comma, as in MT940 ``:61:``.

    >>> german_amount("1190,")
    Decimal('1190.00')
    >>> german_amount("35,5")
    Decimal('35.50')
    """
    text = text.strip()
    if not _GERMAN.fullmatch(text):
        raise AmountError(_("“{text}” is not an amount (expected e.g. 1190,00)").format(text=text))
    whole, _sep, frac = text.partition(",")
    return Decimal(f"{whole}.{frac or '0'}").quantize(Decimal("0.01"))


def to_cents(value: Decimal) -> int:
    """Whole cents of an amount that has at most two decimals.

    >>> to_cents(Decimal("-12.30"))
    -1230
    """
    cents = value * 100
    if cents != cents.to_integral_value():
        raise AmountError(_("{value} is not an amount in whole cents").format(value=value))
    return int(cents)


def from_cents(cents: int) -> Decimal:
    """Euros of an integer number of cents.

    >>> from_cents(-1230)
    Decimal('-12.30')
    """
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))
