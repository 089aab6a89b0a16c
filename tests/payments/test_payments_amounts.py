"""Amounts read from statements: every cent amount survives camt and MT940 notation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.payments.statements import Tx, camt053, mt940
from vadocs.payments.amounts import AmountError, camt_amount, from_cents, german_amount, to_cents
from vadocs.payments.camt import read_camt
from vadocs.payments.mt940 import read_mt940

cents = st.integers(min_value=1, max_value=99_999_999_99)


@given(cents)
def test_camt_and_german_notation_round_trip(c: int) -> None:
    value = from_cents(c)
    assert camt_amount(f"{value:.2f}") == value
    assert german_amount(f"{value:.2f}".replace(".", ",")) == value
    assert to_cents(value) == c


@given(st.text(max_size=12))
def test_anything_else_is_refused_or_exact(text: str) -> None:
    try:
        value = camt_amount(text)
    except AmountError:
        return
    assert value == Decimal(text.strip()) and value >= 0


@pytest.mark.parametrize("bad", ["1,00", "-5.00", "1.005", "", "1e3", "١٢.٠٠"])
def test_camt_refuses(bad: str) -> None:
    with pytest.raises(AmountError):
        camt_amount(bad)


@given(cents, st.booleans())
def test_statement_readers_keep_amount_and_sign(c: int, incoming: bool) -> None:
    value = from_cents(c) if incoming else -from_cents(c)
    tx = Tx(date(2027, 1, 5), value, "Ä Ö", "DE89370400440532013000", "Rechnung 1", "R1")
    for version in ("02", "08"):
        (b,), problems = read_camt(Path("x.xml"), camt053(version, [tx]))
        assert problems == [] and b.amount == value
    (b,), problems = read_mt940(Path("x.sta"), mt940([tx]))
    assert problems == [] and b.amount == value and b.iban == tx.iban
