"""Default interest (§ 288 BGB) to the cent, checked by an independent day count."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from vadocs.dunning.basiszins import default_table_file, load_table
from vadocs.dunning.interest import (
    Verzug,
    verzugsbeginn,
    verzugszinsen,
    zinsaufschlag,
)
from vadocs.errors import Severity, VadocsError

TABLE = load_table()
RAW = yaml.safe_load(default_table_file().read_text(encoding="utf-8"))


def _rate_by_scan(day: date) -> Fraction:
    """The base rate of ``day``, read from the YAML file without the library."""
    found = None
    for entry in RAW["saetze"]:
        if entry["ab"] <= day:
            found = Fraction(str(entry["satz"]))
    assert found is not None
    return found


def _day_by_day(amount: Decimal, von: date, bis: date, points: int) -> Fraction:
    """Exact interest: every day earns amount × rate / 100 / days of its year."""
    total = Fraction(0)
    day = von
    while day <= bis:
        year_days = 366 if calendar.isleap(day.year) else 365
        rate = max(_rate_by_scan(day) + points, Fraction(0))
        total += Fraction(str(amount)) * rate / 100 / year_days
        day += timedelta(days=1)
    return total


def _cents(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


CROSSING = [
    # (amount, from, to, business) — each period crosses a 1 January or 1 July change
    (Decimal("1000.00"), date(2025, 6, 15), date(2025, 7, 15), True),
    (Decimal("1309.00"), date(2024, 12, 20), date(2025, 1, 10), False),
    (Decimal("345.10"), date(2023, 6, 1), date(2024, 2, 29), True),
    (Decimal("99999.99"), date(2022, 12, 1), date(2023, 1, 31), False),
]


@pytest.mark.parametrize(("amount", "von", "bis", "business"), CROSSING)
def test_interest_across_a_base_rate_change_matches_an_independent_day_count(
    amount: Decimal, von: date, bis: date, business: bool
) -> None:
    points = 9 if business else 5
    result = verzugszinsen(amount, von, bis, zinsaufschlag(business), TABLE)
    exact = _day_by_day(amount, von, bis, points)
    assert len(result.abschnitte) >= 2, "the period should be split at the change"
    assert result.tage == (bis - von).days + 1
    assert abs(Fraction(str(result.exakt)) - exact) < Fraction(1, 10**15)
    # Each section is rounded once; the claim differs from the exact sum by at most ½ cent each.
    assert abs(Fraction(str(result.summe)) - exact) <= Fraction(len(result.abschnitte), 200)
    for section in result.abschnitte:
        section_exact = _day_by_day(amount, section.von, section.bis, points)
        assert section.betrag == _cents(section_exact)


def test_rates_are_taken_from_the_table_for_each_half_year() -> None:
    result = verzugszinsen(
        Decimal("1000.00"), date(2025, 6, 15), date(2025, 7, 15), Decimal(9), TABLE
    )
    first, second = result.abschnitte
    assert (first.von, first.bis, first.tage) == (date(2025, 6, 15), date(2025, 6, 30), 16)
    assert (second.von, second.bis, second.tage) == (date(2025, 7, 1), date(2025, 7, 15), 15)
    assert first.basiszins == _decimal(_rate_by_scan(date(2025, 6, 30)))
    assert second.basiszins == _decimal(_rate_by_scan(date(2025, 7, 1)))
    assert first.zinssatz == first.basiszins + 9


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


days = st.integers(min_value=0, max_value=9000)
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=2)


@settings(max_examples=60, deadline=None)
@given(amounts, days, st.integers(0, 800), st.integers(0, 800), st.booleans())
def test_interest_is_additive_over_split_periods(
    amount: Decimal, offset: int, first: int, second: int, business: bool
) -> None:
    a = date(2002, 1, 1) + timedelta(days=offset)
    b = a + timedelta(days=first)
    c = b + timedelta(days=second + 1)
    points = zinsaufschlag(business)
    whole = verzugszinsen(amount, a, c, points, TABLE)
    left = verzugszinsen(amount, a, b, points, TABLE)
    right = verzugszinsen(amount, b + timedelta(days=1), c, points, TABLE)
    assert abs(whole.exakt - left.exakt - right.exakt) < Decimal("1e-15")
    assert whole.tage == left.tage + right.tage


@settings(max_examples=60, deadline=None)
@given(amounts, amounts, days, st.integers(0, 400), st.integers(0, 400), st.booleans())
def test_interest_grows_with_time_and_amount(
    amount: Decimal, more: Decimal, offset: int, length: int, extra: int, business: bool
) -> None:
    a = date(2002, 1, 1) + timedelta(days=offset)
    b = a + timedelta(days=length)
    points = zinsaufschlag(business)
    base = verzugszinsen(amount, a, b, points, TABLE)
    longer = verzugszinsen(amount, a, b + timedelta(days=extra), points, TABLE)
    bigger = verzugszinsen(amount + more, a, b, points, TABLE)
    assert longer.summe >= base.summe >= 0
    assert bigger.summe >= base.summe
    assert (
        verzugszinsen(amount, a, b, Decimal(9), TABLE).summe
        >= verzugszinsen(amount, a, b, Decimal(5), TABLE).summe
    )


def test_nothing_for_an_empty_period_or_amount() -> None:
    assert (
        verzugszinsen(Decimal("100"), date(2025, 3, 2), date(2025, 3, 1), Decimal(9), TABLE).summe
        == 0
    )
    assert (
        verzugszinsen(Decimal("0"), date(2025, 3, 1), date(2025, 9, 1), Decimal(9), TABLE).summe
        == 0
    )


def test_surcharge_is_nine_points_for_businesses_and_five_for_consumers() -> None:
    assert zinsaufschlag(True) == 9
    assert zinsaufschlag(False) == 5


def test_default_by_section_286_3_begins_after_thirty_days() -> None:
    due = date(2026, 3, 10)
    assert verzugsbeginn(due, date(2026, 3, 1), [], due + timedelta(days=30)) is None
    found = verzugsbeginn(due, date(2026, 3, 1), [], due + timedelta(days=31))
    assert found == Verzug(due + timedelta(days=31), due + timedelta(days=31), found.grund)
    assert "§ 286 Abs. 3 BGB" in found.grund
    later_receipt = verzugsbeginn(due, date(2026, 3, 20), [], date(2026, 6, 1))
    assert later_receipt is not None and later_receipt.beginn == date(2026, 4, 20)


def test_default_by_reminder_begins_on_receipt_and_interest_the_next_day() -> None:
    due = date(2026, 3, 10)
    found = verzugsbeginn(due, due, [date(2026, 3, 20)], date(2026, 3, 25))
    assert found is not None
    assert (found.beginn, found.zinsbeginn) == (date(2026, 3, 20), date(2026, 3, 21))
    assert "§ 286 Abs. 1 BGB" in found.grund
    # A reminder received before the due date puts nobody in default.
    assert verzugsbeginn(due, due, [date(2026, 3, 9)], date(2026, 3, 25)) is None


def test_table_covers_2002_to_today_with_sources_and_warns_beyond() -> None:
    assert TABLE.saetze[0].ab == date(2002, 1, 1)
    starts = [s.ab for s in TABLE.saetze]
    halves = [date(y, m, 1) for y in range(2002, TABLE.gilt_bis.year + 1) for m in (1, 7)]
    assert starts == [h for h in halves if h <= TABLE.gilt_bis]
    assert TABLE.coverage_problem(TABLE.gilt_bis) is None
    warning = TABLE.coverage_problem(TABLE.gilt_bis + timedelta(days=1))
    assert warning is not None and warning.severity is Severity.WARNING
    assert all(e["belege"] for e in RAW["saetze"])
    with pytest.raises(VadocsError):
        TABLE.rate_on(date(2001, 12, 31))


def test_a_rate_not_confirmed_by_a_source_is_flagged() -> None:
    unsure = [s.ab for s in TABLE.saetze if not s.geprueft]
    confirmed = [s.ab for s in TABLE.saetze if s.geprueft]
    assert TABLE.unverified_problem(confirmed) is None
    if unsure:
        warning = TABLE.unverified_problem([unsure[0] + timedelta(days=3)])
        assert warning is not None and warning.severity is Severity.WARNING
