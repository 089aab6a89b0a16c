"""The contingent of a partial first/last month (abrechnung.anteilig: tage): one figure for the
advance, the split into extra hours and the agreed-extra-hours check."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from tests.conftest import EXAMPLES
from tests.invoicing.test_schedule import datei
from vadocs.data.loading import load_profile
from vadocs.invoicing.invoice import compute
from vadocs.invoicing.schedule import contingent, merged, settled
from vadocs.model.invoice_input import RechnungEingabe

PROFIL, _W = load_profile(EXAMPLES / "umsatzsteuer" / "vadocs.yaml")
HOURLY = {"art": "stunden", "stundensatz": "50.00", "kontingent_stunden": "8",
          "mehrstundensatz": "60.00"}  # fmt: skip


def client(worked: str, anteilig: str = "tage", agreed: bool = True) -> object:
    zeiten = [{"datum": date(2026, 12, 17), "taetigkeit": "Büro", "dauer": worked}]
    listed = [{"art": "schluss", "zeitraum": "2026-12", "mehrstunden_vereinbart": agreed}]
    return datei(
        date(2026, 12, 16),
        verguetung=HOURLY,
        abrechnung={"vorauszahlung": True, "anteilig": anteilig, "zeiten": zeiten},
        rechnungen=listed,
    )


@pytest.mark.parametrize(
    ("anteilig", "limit"), [("tage", 8 * Decimal(16) / 31), ("voller_monat", 8)]
)
def test_advance_split_and_check_use_one_contingent(anteilig: str, limit: Decimal) -> None:
    expected = Decimal(limit).quantize(Decimal("0.01"), ROUND_HALF_UP)
    d, _listed = merged(client("6:00", anteilig), date(2026, 12, 31), "2026-12")  # type: ignore[arg-type]
    assert contingent(d, "2026-12") == expected
    advance = compute(PROFIL, d, RechnungEingabe(art="vorauszahlung", zeitraum="2026-12"))
    assert [z.menge for z in advance.zeilen] == [expected]
    final = compute(PROFIL, d, d.rechnungen[0])
    base = min(Decimal(6), expected)
    assert [z.menge for z in final.zeilen] == [base, Decimal(6) - base][: 2 if base < 6 else 1]
    assert final.netto == (base * 50 + (6 - base) * 60).quantize(Decimal("0.01"))


def test_unagreed_extra_hours_are_checked_against_the_partial_contingent() -> None:
    plain = datei(
        date(2026, 12, 16),
        verguetung=HOURLY,
        abrechnung={"vorauszahlung": True, "anteilig": "tage", "zeiten": [
            {"datum": date(2026, 12, 17), "taetigkeit": "Büro", "dauer": "6:00"}]},
    )  # fmt: skip
    d2, n = merged(plain, date(2026, 12, 31), "2026-12")
    _kept, skips = settled(d2, n)
    assert [(s.art, "4,13" in s.grund) for s in skips] == [("schluss", True)]
