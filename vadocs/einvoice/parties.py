"""The parties of a CII invoice: seller (BG-4), buyer (BG-7) and delivery (BG-13).

VAT and tax registrations per EN 16931-1 (BT-31, BT-32, BT-48); an electronic address
(BT-34, BT-49) as XRechnung requires it; contact (BG-6, BG-9) and postal address (BG-5, BG-8).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from vadocs.documents.context import Engagement
from vadocs.einvoice.tax_codes import TaxCodes
from vadocs.einvoice.xmlbuild import opt, sub, xml_date
from vadocs.invoicing.invoice import Rechnung
from vadocs.invoicing.tax import Steuerfall
from vadocs.model.common import Anschrift

_E_ADDRESS = "ram:URIUniversalCommunication/ram:URIID"  # BT-34 / BT-49, mandatory in XRechnung
_TAX_ID = "ram:SpecifiedTaxRegistration/ram:ID"


def delivery(delivery: ET.Element, e: Engagement, r: Rechnung) -> None:
    """BT-72: monthly and final invoices follow the month of work they bill.

    An advance (and a Storno) bills no finished work, so instead of a delivery date it
    names where the service goes (BG-13: BT-70 and BG-15, the client): the element is
    mandatory in CII and must not be empty (PEPPOL-EN16931-R008).
    """
    if r.art in ("monat", "schluss"):
        xml_date(
            delivery, "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime", r.leistung_bis
        )
        return
    party = sub(delivery, "ram:ShipToTradeParty")
    sub(party, "ram:Name", e.datei.kunde.name)
    address(party, e.datei.kunde.anschrift)


def seller(party: ET.Element, e: Engagement, r: Rechnung, codes: TaxCodes) -> None:
    p = e.profil
    vat_id = p.ust_idnr if codes.seller_vat_id else None
    if vat_id is None:  # BR-CO-26: BT-29, BT-30 or BT-31
        sub(party, "ram:ID", p.steuernummer or p.ust_idnr or p.name)
    sub(party, "ram:Name", p.name)
    if r.steuer.fall is Steuerfall.KLEINUNTERNEHMER:
        sub(party, "ram:Description", r.steuer.hinweis)  # BT-33
    opt(party, "ram:SpecifiedLegalOrganization/ram:TradingBusinessName", p.firma)
    contact(party, p.name, p.kontakt.telefon, p.kontakt.email)
    address(party, p.anschrift)
    opt(party, _E_ADDRESS, p.kontakt.email, schemeID="EM")  # BT-34
    opt(party, _TAX_ID, vat_id, schemeID="VA")  # BT-31
    opt(party, _TAX_ID, p.steuernummer, schemeID="FC")  # BT-32


def buyer(party: ET.Element, e: Engagement, codes: TaxCodes) -> None:
    kunde = e.datei.kunde
    person = kunde.ansprechpartner
    sub(party, "ram:Name", kunde.name)
    if person is not None:
        contact(party, person.voller_name, person.telefon, person.email)
    address(party, kunde.anschrift)
    opt(party, _E_ADDRESS, person.email if person else None, schemeID="EM")  # BT-49
    opt(party, _TAX_ID, kunde.ust_idnr if codes.buyer_vat_id else None, schemeID="VA")


def contact(party: ET.Element, name: str, phone: str | None, email: str | None) -> None:
    contact = sub(party, "ram:DefinedTradeContact")
    sub(contact, "ram:PersonName", name)
    opt(contact, "ram:TelephoneUniversalCommunication/ram:CompleteNumber", phone)
    opt(contact, "ram:EmailURIUniversalCommunication/ram:URIID", email)


def address(party: ET.Element, a: Anschrift) -> None:
    address = sub(party, "ram:PostalTradeAddress")
    sub(address, "ram:PostcodeCode", a.plz)
    sub(address, "ram:LineOne", a.strasse)
    opt(address, "ram:LineTwo", a.zusatz)
    sub(address, "ram:CityName", a.ort)
    sub(address, "ram:CountryID", a.land)
