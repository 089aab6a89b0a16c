"""Invoice totals from random client files: every figure adds up, in Decimal, to the cent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from vadocs.data.loading import load_catalogue, load_engagement, load_profile
from vadocs.data.workspace import find_workspace
from vadocs.invoicing.invoice import compute
from vadocs.invoicing.money import cents
from vadocs.model.client import Kundendatei
from vadocs.model.invoice_input import RechnungEingabe

_FILE = EXAMPLES / "umsatzsteuer" / "kunden" / "mueller-gmbh.yaml"
_WS = find_workspace(_FILE)
_PROFIL, _ = load_profile(_WS.profile_file)
_DATEI = load_engagement(
    _FILE, _WS, _PROFIL, load_catalogue(_WS), date(2026, 11, 27)
).engagement.datei

money = st.decimals(
    min_value=Decimal("-500"),
    max_value=Decimal("5000"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
qty = st.decimals(
    min_value=Decimal("0.001"),
    max_value=Decimal("500"),
    places=3,
    allow_nan=False,
    allow_infinity=False,
)
position = st.fixed_dictionaries(
    {"beschreibung": st.just("Leistung"), "menge": qty, "einzelpreis": money}
)
entry = st.fixed_dictionaries(
    {
        "datum": st.integers(1, 31).map(lambda d: date(2026, 12, d)),
        "taetigkeit": st.just("Arbeit"),
        "dauer": st.tuples(st.integers(0, 12), st.integers(0, 59)).map(
            lambda t: f"{t[0]}:{t[1]:02d}"
        ),
    }
)


def _datei(rate: Decimal, satz: int, step: int) -> Kundendatei:
    v = _DATEI.verguetung.model_copy(
        update={"stundensatz": rate, "umsatzsteuersatz": satz, "taktung_minuten": step}
    )
    return _DATEI.model_copy(update={"verguetung": v})


@settings(max_examples=150, deadline=None)
@given(
    st.lists(position, max_size=6),
    st.lists(entry, max_size=12),
    st.decimals(min_value=Decimal("1"), max_value=Decimal("300"), places=2),
    st.sampled_from([19, 7]),
    st.sampled_from([6, 15, 30, 60]),
)
def test_totals_add_up(
    positions: list[dict[str, Any]],
    zeiten: list[dict[str, Any]],
    rate: Decimal,
    satz: int,
    step: int,
) -> None:
    datei = _datei(rate, satz, step)
    eingabe = RechnungEingabe.model_validate(
        {"art": "monat", "zeitraum": "2026-12", "positionen": positions, "zeiten": zeiten}
    )
    r = compute(_PROFIL, datei, eingabe)
    for line in r.zeilen:
        assert line.netto == cents(line.menge * line.einzelpreis)
    assert r.netto == sum((z.netto for z in r.zeilen), Decimal(0))
    (group,) = r.steuergruppen if r.zeilen else (None,)
    if group is not None:
        assert group.satz == Decimal(satz)
        assert group.ust == cents(r.netto * Decimal(satz) / 100)
    assert r.brutto == r.netto + r.ust
    assert r.zahlbetrag == r.brutto
    billed = sum(z.abgerechnet_minuten for z in r.zeiten)
    assert r.stunden * 60 == billed
    for value in (r.netto, r.ust, r.brutto):
        assert isinstance(value, Decimal) and value.as_tuple().exponent >= -2


def test_final_invoice_deducts_the_advance_and_its_vat() -> None:
    # the advance is derived from the engagement (issue 19) and follows the listed final
    by_kind = {r.art: r for r in _DATEI.rechnungen}
    advance, final = (compute(_PROFIL, _DATEI, by_kind[k]) for k in ("vorauszahlung", "schluss"))
    assert advance.art == "vorauszahlung" and final.art == "schluss"
    (deduction,) = final.abzuege
    assert deduction.netto == advance.netto == Decimal("1100.00")
    assert deduction.ust == advance.ust == Decimal("209.00")
    assert final.zahlbetrag == final.brutto - advance.brutto
