"""Money and hours as ``Decimal``: cents, half-up, never ``float``."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def cents(value: Decimal) -> Decimal:
    """Round to cents, half up (the commercial rounding German tax advisors expect).

    >>> cents(Decimal("2.675"))
    Decimal('2.68')
    >>> cents(Decimal("-2.675"))
    Decimal('-2.68')
    """
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def vat(net: Decimal, rate_percent: Decimal) -> Decimal:
    """VAT on a net sum at ``rate_percent``, rounded to cents.

    >>> vat(Decimal("100.05"), Decimal("19"))
    Decimal('19.01')
    """
    return cents(net * rate_percent / Decimal(100))


def minutes_of(duration: str) -> int:
    """``"1:30"`` → 90.

    >>> minutes_of("0:05")
    5
    """
    hours, minutes = duration.split(":")
    return int(hours) * 60 + int(minutes)


def round_up_minutes(minutes: int, increment: int) -> int:
    """Round a duration up to the agreed billing increment.

    >>> round_up_minutes(50, 15)
    60
    >>> round_up_minutes(45, 15)
    45
    """
    if minutes <= 0:
        return 0
    return -(-minutes // increment) * increment


def hours_of(minutes: int) -> Decimal:
    """Minutes as hours. Billing increments (6, 15, 30, 60 minutes) make this exact.

    >>> hours_of(90)
    Decimal('1.50')
    >>> hours_of(6)
    Decimal('0.10')
    """
    return (Decimal(minutes) / Decimal(60)).quantize(CENT, rounding=ROUND_HALF_UP)
