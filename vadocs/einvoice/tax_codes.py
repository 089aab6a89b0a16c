"""How each VAT case of vadocs is coded in EN 16931: category (BT-118/BT-151), exemption
reason code (BT-121) and which VAT identifiers the parties carry (BR-S-02, BR-E-02, BR-AE-02,
BR-O-02, BR-O-05); the table is in :mod:`vadocs.einvoice.cii`."""

from __future__ import annotations

from dataclasses import dataclass

from vadocs.invoicing.tax import Steuerfall


@dataclass(frozen=True)
class TaxCodes:
    """How one VAT case is coded in EN 16931."""

    category: str
    exemption_code: str = ""
    seller_vat_id: bool = True
    buyer_vat_id: bool = True
    line_rate: bool = True


TAX_CODES = {
    Steuerfall.STANDARD: TaxCodes("S"),
    Steuerfall.KLEINUNTERNEHMER: TaxCodes("E"),
    Steuerfall.REVERSE_CHARGE: TaxCodes("AE", "VATEX-EU-AE"),
    # BR-O-02 forbids both VAT IDs; BR-O-05 forbids a line VAT rate.
    Steuerfall.NICHT_STEUERBAR: TaxCodes("O", "VATEX-EU-O", False, False, False),
}


def tax_codes(fall: Steuerfall) -> TaxCodes:
    """The EN 16931 coding of a VAT case (see the module's table)."""
    return TAX_CODES[fall]
