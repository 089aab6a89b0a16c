"""R-RE-06: a cancellation uses one sign convention in PDF and XML: negative quantity,
positive unit price (EN 16931 BR-27), negative line and totals."""

from __future__ import annotations

from tests.einvoice.test_einvoice import CASES, parse, texts
from vadocs.einvoice.cii import cii_xml

LINE = "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"


def test_storno_negates_the_quantity_not_the_price() -> None:
    storno_cases = {k: v for k, v in CASES.items() if k.endswith("-storno")}
    assert storno_cases
    for name, (e, storno) in storno_cases.items():
        for z in storno.zeilen:
            assert z.menge < 0 < z.einzelpreis and z.netto < 0, name
        root = parse(cii_xml(e, storno))
        quantities = texts(root, f"{LINE}/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity")
        prices = texts(
            root,
            f"{LINE}/ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount",
        )
        # the invoice's own lines come first; a final invoice's deducted advance follows
        for quantity, price in list(zip(quantities, prices, strict=True))[: len(storno.zeilen)]:
            assert quantity.startswith("-") and not price.startswith("-"), name
