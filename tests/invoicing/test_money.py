"""Money arithmetic, proven by properties: Decimal end to end, half-up per line and per rate."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from vadocs.invoicing.money import cents, hours_of, minutes_of, round_up_minutes, vat

amounts = st.decimals(
    min_value=Decimal("-99999.99"),
    max_value=Decimal("99999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
rates = st.sampled_from([Decimal(19), Decimal(7), Decimal(0)])


def _half_up_cents_int(numerator: int, denominator: int) -> int:
    """Reference rounding on integers: half away from zero."""
    sign = -1 if numerator * denominator < 0 else 1
    n, d = abs(numerator), abs(denominator)
    return sign * ((2 * n + d) // (2 * d))


@given(amounts, rates)
def test_vat_matches_integer_reference(net: Decimal, rate: Decimal) -> None:
    net_cents = int(net * 100)
    expected = _half_up_cents_int(net_cents * int(rate), 100)
    assert vat(net, rate) == Decimal(expected) / 100


@given(
    st.decimals(
        min_value=Decimal("-1000"),
        max_value=Decimal("1000"),
        places=4,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_cents_rounds_half_up_and_is_exact(value: Decimal) -> None:
    rounded = cents(value)
    assert rounded.as_tuple().exponent == -2
    assert abs(rounded - value) <= Decimal("0.005")
    if abs(value * 1000) % 10 == 5 and (value * 100) != int(value * 100):
        assert abs(rounded) > abs(value)  # a half cent goes away from zero


@given(st.integers(min_value=0, max_value=10_000), st.sampled_from([6, 15, 30, 60]))
def test_round_up_minutes(minutes: int, step: int) -> None:
    rounded = round_up_minutes(minutes, step)
    assert rounded % step == 0
    assert minutes <= rounded < minutes + step
    assert hours_of(rounded) * 60 == rounded  # billing increments give exact hours


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=59))
def test_minutes_of(hours: int, minutes: int) -> None:
    assert minutes_of(f"{hours}:{minutes:02d}") == hours * 60 + minutes
