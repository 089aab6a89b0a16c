"""§ 19 UStG: a Kleinunternehmerin is warned as her yearly total nears or passes the limits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from vadocs.invoicing.ledger import Issued
from vadocs.invoicing.thresholds import small_business_warnings


def invoice(gross: str, status: str = "issued", kind: str = "monat", year: int = 2026) -> Issued:
    return Issued(
        number="x",
        client="k",
        kind=kind,
        period="2026-01",
        issued_on=date(year, 5, 1),
        status=status,
        data_hash="",
        net=Decimal(gross),
        vat=Decimal(0),
        gross=Decimal(gross),
        vat_by_rate={},
        cancels=None,
        reason=None,
        snapshot={},
    )


@pytest.mark.parametrize(
    ("totals", "expected"),
    [
        (["19000.00"], []),
        (["12000.00", "9000.00"], ["close to the 25.000 € limit"]),
        (["26000.00"], ["in 2027 you can no longer be a Kleinunternehmerin"]),
        (["85000.00"], ["close to the 100.000 € limit"]),
        (["60000.00", "41000.00"], ["above 100.000 €"]),
    ],
)
def test_thresholds(totals: list[str], expected: list[str]) -> None:
    notes = small_business_warnings([invoice(t) for t in totals])
    assert len(notes) == len(expected)
    for note, part in zip(notes, expected, strict=True):
        assert part in note


def test_cancelled_invoices_do_not_count() -> None:
    notes = small_business_warnings(
        [
            invoice("30000.00", status="cancelled"),
            invoice("-30000.00", kind="storno"),
            invoice("1000.00"),
        ]
    )
    assert notes == []
