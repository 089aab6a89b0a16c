"""Derivation of the due invoices from the engagement (vadocs.invoicing.schedule)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vadocs.invoicing.schedule import covered, derived, months, prorated, redundant, share
from vadocs.model.client import Kundendatei
from vadocs.model.invoice_input import RechnungEingabe


def datei(beginn: date, **changes: object) -> Kundendatei:
    base = {
        "kunde": {"name": "X", "art": "unternehmen",
                  "anschrift": {"strasse": "W 1", "plz": "01067", "ort": "Dresden"}},
        "auftrag": {"datum": beginn, "anfrage": {"datum": beginn}, "beginn": beginn,
                    "ziele": ["a"], "aufgaben": ["b"], "umfang": "c", "zeitrahmen": "d",
                    "kommunikation": ["E-Mail"], "austausch": "e"},
        "verguetung": {"art": "pauschal", "pauschale": "900.00"},
        "datenschutz": {"personenbezogene_daten": False},
    }  # fmt: skip
    for key, value in changes.items():
        section, _dot, field = key.partition("__")
        if field:
            base[section][field] = value  # type: ignore[index]
        else:
            base[section] = value
    return Kundendatei.model_validate(base)


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
)
def test_prorated_price_is_days_over_month_days_in_cents_half_up(
    price: Decimal, start: date
) -> None:
    zeitraum = f"{start.year:04d}-{start.month:02d}"
    days, of = share(datei(start).auftrag, zeitraum)
    total = calendar.monthrange(start.year, start.month)[1]
    assert (days, of) == (total - start.day + 1, total)
    exact = price * days / of
    got = prorated(price, days, of)
    assert got == exact.quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert abs(got - exact) <= Decimal("0.005")
    if start.day == 1:  # a whole month is the whole price
        assert got == price


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
       st.integers(min_value=0, max_value=800))  # fmt: skip
def test_months_stop_at_the_notice_and_only_ended_months_are_due(start: date, length: int) -> None:
    notice = start + timedelta(days=length)
    a = datei(start, auftrag__gekuendigt_zum=notice).auftrag
    got = months(a, date(2040, 1, 1))
    assert got[0] == f"{start:%Y-%m}" and got[-1] == f"{notice:%Y-%m}"
    assert covered(a, got[-1]) is not None and covered(a, got[-1])[1] == notice  # type: ignore[index]
    assert months(a, notice - timedelta(days=1)) == got[:-1]


@pytest.mark.parametrize(
    ("today", "period", "want"),
    [
        (date(2027, 1, 20), None, [("vorauszahlung", "2027-01")]),
        (date(2027, 1, 31), None, [("vorauszahlung", "2027-01"), ("schluss", "2027-01")]),
        (date(2027, 3, 5), None, [("monat", "2027-02")]),
        (date(2027, 3, 5), "2027-01", [("vorauszahlung", "2027-01"), ("schluss", "2027-01")]),
        (date(2027, 3, 5), "2027-03", []),
        (date(2027, 1, 10), "2027-01", [("vorauszahlung", "2027-01")]),
    ],
)
def test_derived_entries(today: date, period: str | None, want: list[tuple[str, str]]) -> None:
    got = derived(datei(date(2027, 1, 15)), today, period)
    assert [(r.art, r.zeitraum) for r in got] == want


def test_listed_months_that_add_nothing_are_redundant() -> None:
    listed = [
        RechnungEingabe(art="vorauszahlung", zeitraum="2027-01"),
        RechnungEingabe(art="schluss", zeitraum="2027-01", datum=date(2027, 2, 1)),
        RechnungEingabe(art="monat", zeitraum="2027-02"),
        RechnungEingabe(art="monat", zeitraum="2027-03", ausgesetzt="Urlaub"),
    ]
    d = datei(date(2027, 1, 15)).model_copy(update={"rechnungen": listed})
    assert redundant(d) == [0, 2]


@pytest.mark.parametrize(
    ("art", "want"),
    [
        ("schluss", [("vorauszahlung", "2027-01"), ("monat", "2027-02")]),
        ("monat", [("monat", "2027-02")]),
    ],
    ids=["final-listed", "month-listed"],
)
def test_a_listed_final_of_the_first_month_keeps_its_advance(
    art: str, want: list[tuple[str, str]]
) -> None:
    # the listed final invoice deducts the advance in every later build, so the advance
    # stays in the list; a first month listed as monat was billed without one
    listed = [RechnungEingabe(art=art, zeitraum="2027-01")]  # type: ignore[arg-type]
    d = datei(date(2027, 1, 15)).model_copy(update={"rechnungen": listed})
    assert [(r.art, r.zeitraum) for r in derived(d, date(2027, 3, 5))] == want
