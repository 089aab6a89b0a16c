"""The invoice as UN/CEFACT CII D16B XML: Factur-X / ZUGFeRD EN 16931 or XRechnung 3.0.

Built from the same :class:`~vadocs.invoicing.invoice.Rechnung` the PDF prints; money comes from
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
from decimal import Decimal
from typing import Literal

from vadocs.documents.context import Engagement
from vadocs.einvoice.advance import advance_reference, deduction_lines, remaining
from vadocs.einvoice.parties import buyer, delivery, seller
from vadocs.einvoice.tax_codes import TaxCodes, tax_codes
from vadocs.einvoice.units import FALLBACK, UNITS, item_name, unit_code
from vadocs.einvoice.xmlbuild import amount, number, opt, qname, sub, xml_date
from vadocs.i18n import _
from vadocs.invoicing.invoice import Rechnung, Zeile

__all__ = ["GUIDELINES", "UNITS", "Profile", "TaxCodes", "cii_xml", "tax_codes", "type_code"]

Profile = Literal["en16931", "xrechnung"]

GUIDELINES: dict[str, str] = {
    "en16931": "urn:cen.eu:en16931:2017",
    "xrechnung": "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
}
PEPPOL_BILLING = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"  # BT-23, XRechnung 3.0


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
        raise ValueError(_("an invoice without a number cannot become an e-invoice"))
    codes = tax_codes(r.steuer.fall)
    root = ET.Element(qname("rsm:CrossIndustryInvoice"))
    context = sub(root, "rsm:ExchangedDocumentContext")
    if profile == "xrechnung":
        sub(context, "ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID", PEPPOL_BILLING)
    sub(context, "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID", GUIDELINES[profile])
    _document(sub(root, "rsm:ExchangedDocument"), r, document_type or type_code(r, profile))
    transaction = sub(root, "rsm:SupplyChainTradeTransaction")
    for zeile in (*r.zeilen, *deduction_lines(r)):
        _line(transaction, zeile, codes, r.steuer.satz)
    agreement = sub(transaction, "ram:ApplicableHeaderTradeAgreement")
    opt(agreement, "ram:BuyerReference", buyer_reference)  # BT-10
    seller(sub(agreement, "ram:SellerTradeParty"), e, r, codes)
    buyer(sub(agreement, "ram:BuyerTradeParty"), e, codes)
    delivery(sub(transaction, "ram:ApplicableHeaderTradeDelivery"), e, r)
    _settlement(sub(transaction, "ram:ApplicableHeaderTradeSettlement"), e, r, codes)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _document(doc: ET.Element, r: Rechnung, code: str) -> None:
    sub(doc, "ram:ID", r.nummer)
    sub(doc, "ram:TypeCode", code)
    xml_date(doc, "ram:IssueDateTime", r.datum)
    for text in (*r.hinweise, r.steuer.hinweis):  # BT-22: Storno reason, tax note
        opt(doc, "ram:IncludedNote/ram:Content", text)


def _line(parent: ET.Element, z: Zeile, codes: TaxCodes, satz: Decimal) -> None:
    item = sub(parent, "ram:IncludedSupplyChainTradeLineItem")
    sub(item, "ram:AssociatedDocumentLineDocument/ram:LineID", str(z.pos))
    sub(item, "ram:SpecifiedTradeProduct/ram:Name", item_name(z.beschreibung, z.einheit))
    # BR-27: the price is never negative; a Storno or discount negates the quantity.
    sign = -1 if z.einzelpreis < 0 else 1
    price = sub(item, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice")
    sub(price, "ram:ChargeAmount", number(abs(z.einzelpreis)))
    quantity = sub(
        item, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", number(sign * z.menge)
    )
    quantity.set("unitCode", unit_code(z.einheit) or FALLBACK)  # BT-130, UN/ECE Rec. 20
    settlement = sub(item, "ram:SpecifiedLineTradeSettlement")
    tax = sub(settlement, "ram:ApplicableTradeTax")
    sub(tax, "ram:TypeCode", "VAT")
    sub(tax, "ram:CategoryCode", codes.category)
    if codes.line_rate:
        sub(tax, "ram:RateApplicablePercent", number(satz))
    total = sub(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
    sub(total, "ram:LineTotalAmount", amount(z.netto))


def _settlement(settlement: ET.Element, e: Engagement, r: Rechnung, codes: TaxCodes) -> None:
    sub(settlement, "ram:PaymentReference", r.nummer)  # BT-83
    sub(settlement, "ram:InvoiceCurrencyCode", "EUR")
    _payment_means(settlement, e, r)
    for group in remaining(r).groups:
        tax = sub(settlement, "ram:ApplicableTradeTax")
        sub(tax, "ram:CalculatedAmount", amount(group.ust))
        sub(tax, "ram:TypeCode", "VAT")
        opt(tax, "ram:ExemptionReason", r.steuer.hinweis)  # BR-E-10, BR-AE-10, BR-O-10
        sub(tax, "ram:BasisAmount", amount(group.netto))
        sub(tax, "ram:CategoryCode", codes.category)
        opt(tax, "ram:ExemptionReasonCode", codes.exemption_code)
        sub(tax, "ram:RateApplicablePercent", number(group.satz))  # BR-DE-14
    period = sub(settlement, "ram:BillingSpecifiedPeriod")  # BG-14
    xml_date(period, "ram:StartDateTime", r.leistung_von)
    xml_date(period, "ram:EndDateTime", r.leistung_bis)
    _payment_terms(settlement, r)
    _totals(settlement, r)
    references = [(r.bezug_nummer, r.bezug_datum)] if r.bezug_nummer else []
    references += [found for a in r.abzuege if (found := advance_reference(a))]
    for ref_number, issued in references:  # BG-3: BT-25, BT-26 (corrected or advance invoices)
        reference = sub(settlement, "ram:InvoiceReferencedDocument")
        sub(reference, "ram:IssuerAssignedID", ref_number)
        if issued is not None:
            xml_date(reference, "ram:FormattedIssueDateTime", issued, "qdt")


def _payment_means(settlement: ET.Element, e: Engagement, r: Rechnung) -> None:
    """BG-16: the seller's account when money is due; else no payment request.

    XRechnung requires BG-16 in every invoice (BR-DE-1), and code 58 would require the
    seller's account (BR-DE-23); a Storno or a settled invoice asks for nothing, so it
    says ``1`` (instrument not defined, UNTDID 4461) and, in BT-82, what the PDF says.
    """
    if r.zahlbetrag <= 0:
        means = sub(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
        sub(means, "ram:TypeCode", "1")
        sub(means, "ram:Information", _NO_PAYMENT if r.zahlbetrag == 0 else _REFUND)
        return
    bank = e.profil.bank
    means = sub(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
    sub(means, "ram:TypeCode", "58")  # SEPA credit transfer
    account = sub(means, "ram:PayeePartyCreditorFinancialAccount")
    sub(account, "ram:IBANID", bank.iban)
    sub(account, "ram:AccountName", bank.kontoinhaberin or e.profil.name)
    opt(means, "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID", bank.bic)


_REFUND = "Keine Zahlung fällig; bereits gezahlte Beträge werden erstattet."
_NO_PAYMENT = "Kein Betrag zu zahlen."


def _payment_terms(settlement: ET.Element, r: Rechnung) -> None:
    terms = sub(settlement, "ram:SpecifiedTradePaymentTerms")
    if r.zahlbetrag <= 0:
        sub(terms, "ram:Description", _REFUND if r.zahlbetrag else _NO_PAYMENT)
        return
    due = f"{r.faellig:%d.%m.%Y}"
    sub(terms, "ram:Description", f"Zahlbar ohne Abzug bis zum {due} (Rechnung {r.nummer}).")
    xml_date(terms, "ram:DueDateDateTime", r.faellig)  # BR-CO-25


def _totals(settlement: ET.Element, r: Rechnung) -> None:
    """BG-22 after the advances' deduction lines (no BT-113: they are deducted there)."""
    left = remaining(r)
    totals = sub(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    sub(totals, "ram:LineTotalAmount", amount(left.netto))  # BT-106
    sub(totals, "ram:TaxBasisTotalAmount", amount(left.netto))  # BT-109
    sub(totals, "ram:TaxTotalAmount", amount(left.ust), currencyID="EUR")  # BT-110
    sub(totals, "ram:GrandTotalAmount", amount(left.brutto))  # BT-112
    sub(totals, "ram:DuePayableAmount", amount(r.zahlbetrag))  # BT-115
