"""The invoice as UN/CEFACT CII D16B XML: Factur-X / ZUGFeRD EN 16931 or XRechnung 3.0.

Built from the same :class:`~vadocs.invoice.Rechnung` the PDF prints; money comes from
``Decimal`` (never ``float``); the same invoice always gives the same bytes. VAT codes
and the rules (EN 16931-1) that decide them:

=====================  ========  ===============  ========================================
VAT case               BT-118    BT-121           party identifiers
=====================  ========  ===============  ========================================
standard (19 / 7 %)    ``S``     –                BT-31 and/or BT-32 (BR-S-02), BT-48
Kleinunternehmer § 19  ``E``     – (BT-120 text)  BT-31 or BT-32 (BR-E-02); note in BT-33
reverse charge § 13b   ``AE``    ``VATEX-EU-AE``  BT-31/32 and BT-48 (BR-AE-02)
not taxable (non-EU)   ``O``     ``VATEX-EU-O``   no BT-31, no BT-48 (BR-O-02)
=====================  ========  ===============  ========================================

Without a seller VAT ID in the XML (only a Steuernummer, or case ``O``) the Steuernummer
(else the USt-IdNr) is also the seller identifier BT-29, which BR-CO-26 then requires.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from vadocs.context import Engagement
from vadocs.einvoice.advance import advance_reference, deduction_lines, remaining
from vadocs.invoice import Rechnung, Zeile
from vadocs.model.common import Anschrift
from vadocs.money import cents
from vadocs.tax import Steuerfall

__all__ = ["GUIDELINES", "Profile", "TaxCodes", "cii_xml", "tax_codes", "type_code"]

Profile = Literal["en16931", "xrechnung"]

GUIDELINES: dict[str, str] = {
    "en16931": "urn:cen.eu:en16931:2017",
    "xrechnung": "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
}
PEPPOL_BILLING = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"  # BT-23, XRechnung 3.0

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)

_E_ADDRESS = "ram:URIUniversalCommunication/ram:URIID"  # BT-34 / BT-49, mandatory in XRechnung
_TAX_ID = "ram:SpecifiedTaxRegistration/ram:ID"

# UN/ECE Recommendation 20 unit codes for the units the client files use.
UNITS = {"std.": "HUR", "std": "HUR", "stunde": "HUR", "stunden": "HUR", "h": "HUR",
         "monat": "MON", "monate": "MON", "tag": "DAY", "tage": "DAY",
         "pauschal": "LS", "pauschale": "LS", "stk.": "H87", "stück": "H87"}  # fmt: skip


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


def type_code(r: Rechnung, profile: Profile = "en16931") -> str:
    """BT-3: 384 corrected invoice for a Storno, 386 prepayment invoice, else 380.

    XRechnung allows only 326/380/381/384/389/875–877 (BR-DE-17), so an advance
    invoice is a 380 there; its line and title still say "Vorauszahlung".
    """
    if r.art == "storno":
        return "384"
    if r.art == "vorauszahlung" and profile == "en16931":
        return "386"
    return "380"


def cii_xml(
    e: Engagement,
    r: Rechnung,
    *,
    profile: Profile = "en16931",
    buyer_reference: str | None = None,
    document_type: str | None = None,
) -> bytes:
    """The e-invoice XML of the issued invoice ``r`` (it must have its number).

    ``document_type`` (BT-3) defaults to :func:`type_code` for ``profile``; the build passes
    one code to both files of an invoice so its hybrid PDF and XRechnung never disagree.
    A final invoice states its advances as in :mod:`vadocs.einvoice.advance`.
    """
    if not r.nummer:
        raise ValueError("an invoice without a number cannot become an e-invoice")
    codes = tax_codes(r.steuer.fall)
    root = ET.Element(_q("rsm:CrossIndustryInvoice"))
    context = _sub(root, "rsm:ExchangedDocumentContext")
    if profile == "xrechnung":
        _sub(context, "ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID", PEPPOL_BILLING)
    _sub(context, "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID", GUIDELINES[profile])
    _document(_sub(root, "rsm:ExchangedDocument"), r, document_type or type_code(r, profile))
    transaction = _sub(root, "rsm:SupplyChainTradeTransaction")
    for zeile in (*r.zeilen, *deduction_lines(r)):
        _line(transaction, zeile, codes, r.steuer.satz)
    agreement = _sub(transaction, "ram:ApplicableHeaderTradeAgreement")
    _opt(agreement, "ram:BuyerReference", buyer_reference)  # BT-10
    _seller(_sub(agreement, "ram:SellerTradeParty"), e, r, codes)
    _buyer(_sub(agreement, "ram:BuyerTradeParty"), e, codes)
    _delivery(_sub(transaction, "ram:ApplicableHeaderTradeDelivery"), e, r)
    _settlement(_sub(transaction, "ram:ApplicableHeaderTradeSettlement"), e, r, codes)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _document(doc: ET.Element, r: Rechnung, code: str) -> None:
    _sub(doc, "ram:ID", r.nummer)
    _sub(doc, "ram:TypeCode", code)
    _date(doc, "ram:IssueDateTime", r.datum)
    for text in (*r.hinweise, r.steuer.hinweis):  # BT-22: Storno reason, tax note
        _opt(doc, "ram:IncludedNote/ram:Content", text)


def _line(parent: ET.Element, z: Zeile, codes: TaxCodes, satz: Decimal) -> None:
    item = _sub(parent, "ram:IncludedSupplyChainTradeLineItem")
    _sub(item, "ram:AssociatedDocumentLineDocument/ram:LineID", str(z.pos))
    _sub(item, "ram:SpecifiedTradeProduct/ram:Name", z.beschreibung)
    # BR-27: the price is never negative; a Storno or discount negates the quantity.
    sign = -1 if z.einzelpreis < 0 else 1
    price = _sub(item, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice")
    _sub(price, "ram:ChargeAmount", _number(abs(z.einzelpreis)))
    quantity = _sub(
        item, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", _number(sign * z.menge)
    )
    quantity.set("unitCode", UNITS.get(z.einheit.strip().casefold(), "C62"))
    settlement = _sub(item, "ram:SpecifiedLineTradeSettlement")
    tax = _sub(settlement, "ram:ApplicableTradeTax")
    _sub(tax, "ram:TypeCode", "VAT")
    _sub(tax, "ram:CategoryCode", codes.category)
    if codes.line_rate:
        _sub(tax, "ram:RateApplicablePercent", _number(satz))
    total = _sub(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
    _sub(total, "ram:LineTotalAmount", _amount(z.netto))


def _delivery(delivery: ET.Element, e: Engagement, r: Rechnung) -> None:
    """BT-72: monthly and final invoices follow the month of work they bill.

    An advance (and a Storno) bills no finished work, so instead of a delivery date it
    names where the service goes (BG-13: BT-70 and BG-15, the client): the element is
    mandatory in CII and must not be empty (PEPPOL-EN16931-R008).
    """
    if r.art in ("monat", "schluss"):
        _date(delivery, "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime", r.leistung_bis)
        return
    party = _sub(delivery, "ram:ShipToTradeParty")
    _sub(party, "ram:Name", e.datei.kunde.name)
    _address(party, e.datei.kunde.anschrift)


def _seller(party: ET.Element, e: Engagement, r: Rechnung, codes: TaxCodes) -> None:
    p = e.profil
    vat_id = p.ust_idnr if codes.seller_vat_id else None
    if vat_id is None:  # BR-CO-26: BT-29, BT-30 or BT-31
        _sub(party, "ram:ID", p.steuernummer or p.ust_idnr or p.name)
    _sub(party, "ram:Name", p.name)
    if r.steuer.fall is Steuerfall.KLEINUNTERNEHMER:
        _sub(party, "ram:Description", r.steuer.hinweis)  # BT-33
    _opt(party, "ram:SpecifiedLegalOrganization/ram:TradingBusinessName", p.firma)
    _contact(party, p.name, p.kontakt.telefon, p.kontakt.email)
    _address(party, p.anschrift)
    _opt(party, _E_ADDRESS, p.kontakt.email, schemeID="EM")  # BT-34
    _opt(party, _TAX_ID, vat_id, schemeID="VA")  # BT-31
    _opt(party, _TAX_ID, p.steuernummer, schemeID="FC")  # BT-32


def _buyer(party: ET.Element, e: Engagement, codes: TaxCodes) -> None:
    kunde = e.datei.kunde
    person = kunde.ansprechpartner
    _sub(party, "ram:Name", kunde.name)
    if person is not None:
        _contact(party, person.voller_name, person.telefon, person.email)
    _address(party, kunde.anschrift)
    _opt(party, _E_ADDRESS, person.email if person else None, schemeID="EM")  # BT-49
    _opt(party, _TAX_ID, kunde.ust_idnr if codes.buyer_vat_id else None, schemeID="VA")


def _contact(party: ET.Element, name: str, phone: str | None, email: str | None) -> None:
    contact = _sub(party, "ram:DefinedTradeContact")
    _sub(contact, "ram:PersonName", name)
    _opt(contact, "ram:TelephoneUniversalCommunication/ram:CompleteNumber", phone)
    _opt(contact, "ram:EmailURIUniversalCommunication/ram:URIID", email)


def _address(party: ET.Element, a: Anschrift) -> None:
    address = _sub(party, "ram:PostalTradeAddress")
    _sub(address, "ram:PostcodeCode", a.plz)
    _sub(address, "ram:LineOne", a.strasse)
    _opt(address, "ram:LineTwo", a.zusatz)
    _sub(address, "ram:CityName", a.ort)
    _sub(address, "ram:CountryID", a.land)


def _settlement(settlement: ET.Element, e: Engagement, r: Rechnung, codes: TaxCodes) -> None:
    _sub(settlement, "ram:PaymentReference", r.nummer)  # BT-83
    _sub(settlement, "ram:InvoiceCurrencyCode", "EUR")
    _payment_means(settlement, e, r)
    for group in remaining(r).groups:
        tax = _sub(settlement, "ram:ApplicableTradeTax")
        _sub(tax, "ram:CalculatedAmount", _amount(group.ust))
        _sub(tax, "ram:TypeCode", "VAT")
        _opt(tax, "ram:ExemptionReason", r.steuer.hinweis)  # BR-E-10, BR-AE-10, BR-O-10
        _sub(tax, "ram:BasisAmount", _amount(group.netto))
        _sub(tax, "ram:CategoryCode", codes.category)
        _opt(tax, "ram:ExemptionReasonCode", codes.exemption_code)
        _sub(tax, "ram:RateApplicablePercent", _number(group.satz))  # BR-DE-14
    period = _sub(settlement, "ram:BillingSpecifiedPeriod")  # BG-14
    _date(period, "ram:StartDateTime", r.leistung_von)
    _date(period, "ram:EndDateTime", r.leistung_bis)
    _payment_terms(settlement, r)
    _totals(settlement, r)
    references = [(r.bezug_nummer, r.bezug_datum)] if r.bezug_nummer else []
    references += [found for a in r.abzuege if (found := advance_reference(a))]
    for number, issued in references:  # BG-3: BT-25, BT-26 (corrected or advance invoices)
        reference = _sub(settlement, "ram:InvoiceReferencedDocument")
        _sub(reference, "ram:IssuerAssignedID", number)
        if issued is not None:
            _date(reference, "ram:FormattedIssueDateTime", issued, "qdt")


def _payment_means(settlement: ET.Element, e: Engagement, r: Rechnung) -> None:
    """BG-16: the seller's account when money is due; else no payment request.

    XRechnung requires BG-16 in every invoice (BR-DE-1), and code 58 would require the
    seller's account (BR-DE-23); a Storno or a settled invoice asks for nothing, so it
    says ``1`` (instrument not defined, UNTDID 4461) and, in BT-82, what the PDF says.
    """
    if r.zahlbetrag <= 0:
        means = _sub(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
        _sub(means, "ram:TypeCode", "1")
        _sub(means, "ram:Information", _NO_PAYMENT if r.zahlbetrag == 0 else _REFUND)
        return
    bank = e.profil.bank
    means = _sub(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
    _sub(means, "ram:TypeCode", "58")  # SEPA credit transfer
    account = _sub(means, "ram:PayeePartyCreditorFinancialAccount")
    _sub(account, "ram:IBANID", bank.iban)
    _sub(account, "ram:AccountName", bank.kontoinhaberin or e.profil.name)
    _opt(means, "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID", bank.bic)


_REFUND = "Keine Zahlung fällig; bereits gezahlte Beträge werden erstattet."
_NO_PAYMENT = "Kein Betrag zu zahlen."


def _payment_terms(settlement: ET.Element, r: Rechnung) -> None:
    terms = _sub(settlement, "ram:SpecifiedTradePaymentTerms")
    if r.zahlbetrag <= 0:
        _sub(terms, "ram:Description", _REFUND if r.zahlbetrag else _NO_PAYMENT)
        return
    due = f"{r.faellig:%d.%m.%Y}"
    _sub(terms, "ram:Description", f"Zahlbar ohne Abzug bis zum {due} (Rechnung {r.nummer}).")
    _date(terms, "ram:DueDateDateTime", r.faellig)  # BR-CO-25


def _totals(settlement: ET.Element, r: Rechnung) -> None:
    """BG-22 after the advances' deduction lines (no BT-113: they are deducted there)."""
    left = remaining(r)
    totals = _sub(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    _sub(totals, "ram:LineTotalAmount", _amount(left.netto))  # BT-106
    _sub(totals, "ram:TaxBasisTotalAmount", _amount(left.netto))  # BT-109
    _sub(totals, "ram:TaxTotalAmount", _amount(left.ust), currencyID="EUR")  # BT-110
    _sub(totals, "ram:GrandTotalAmount", _amount(left.brutto))  # BT-112
    _sub(totals, "ram:DuePayableAmount", _amount(r.zahlbetrag))  # BT-115


def _q(name: str) -> str:
    """``ram:Name`` → ``{urn:…}Name``."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _opt(parent: ET.Element, path: str, text: str | None, **attributes: str) -> None:
    """Like :func:`_sub`, but only when there is a text (optional business terms)."""
    if text:
        _sub(parent, path, text, **attributes)


def _sub(parent: ET.Element, path: str, text: str | None = None, **attributes: str) -> ET.Element:
    """Append the elements of ``path`` (``ram:A/ram:B``), nested; text and attributes on the last."""
    *steps, last = path.split("/")
    for step in steps:
        parent = ET.SubElement(parent, _q(step))
    element = ET.SubElement(parent, _q(last), attributes)
    if text is not None:
        element.text = text
    return element


def _date(parent: ET.Element, path: str, day: date, kind: str = "udt") -> None:
    _sub(parent, f"{path}/{kind}:DateTimeString", f"{day:%Y%m%d}", format="102")


def _amount(value: Decimal) -> str:
    """Two decimals, half up; never ``-0.00``.

    >>> _amount(Decimal("-0")), _amount(Decimal("1234.5")), _amount(Decimal("-2.675"))
    ('0.00', '1234.50', '-2.68')
    """
    rounded = cents(value)
    return f"{abs(rounded) if rounded == 0 else rounded:f}"


def _number(value: Decimal) -> str:
    """A quantity, price or rate as written, without exponent: ``Decimal('2E+1')`` → ``20``."""
    return "0" if value == 0 else f"{value:f}"
