"""The example workspaces built with real LibreOffice: German text, legal coverage, escaping."""

from __future__ import annotations

import os
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from docx import Document

from tests.conftest import ROOT, TODAY, BuiltClient, copy_workspace, pdf_text
from vadocs.cli.app import main
from vadocs.data.loading import load_catalogue, load_engagement, load_profile
from vadocs.data.workspace import find_workspace
from vadocs.documents.context import Engagement, base_context, invoice_context
from vadocs.documents.environment import make_environment
from vadocs.documents.kinds import BY_KEY, RECHNUNG, contracts_for
from vadocs.invoicing.ledger import Ledger
from vadocs.invoicing.snapshots import from_snapshot

COVERAGE = ROOT / "vadocs" / "resources" / "coverage"
GOLDEN = ROOT / "tests" / "golden"
TEMPLATE_OF = {k.template.removesuffix(".docx"): k for k in BY_KEY.values()}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xad", "").replace("\u00a0", " ")).strip()


def both_texts(pdf: Path) -> str:
    """Layout and reading-order text: a phrase may be wrapped or de-hyphenated in either."""
    return pdf_text(pdf) + "\n\n" + pdf_text(pdf, layout=False)


@pytest.fixture(scope="session")
def rendered(built: dict[str, BuiltClient]) -> dict[str, list[tuple[str, dict[str, Any], str]]]:
    return {k: documents(c) for k, c in built.items()}


def engagement(client: BuiltClient) -> Engagement:
    file = client.workspace / "kunden" / f"{client.kuerzel}.yaml"
    ws = find_workspace(file)
    profil, _ = load_profile(ws.profile_file)
    return load_engagement(file, ws, profil, load_catalogue(ws), TODAY).engagement


def documents(client: BuiltClient) -> list[tuple[str, dict[str, Any], str]]:
    """(template stem, context, PDF text) of every document built for ``client``."""
    e = engagement(client)
    out = []
    for kind in contracts_for(e.datei):
        ctx = base_context(e, kind.title, e.datei.auftrag.datum)
        (pdf,) = client.files(f"*_{kind.file_label}_*.pdf")
        out.append((kind.template.removesuffix(".docx"), ctx, both_texts(pdf)))
    ledger = Ledger(client.workspace / ".vadocs" / "ledger.sqlite")
    try:
        for inv in ledger.all():
            if inv.client == client.kuerzel:
                (pdf,) = client.files(f"*_{inv.number}_*.pdf")
                ctx = invoice_context(e, from_snapshot(inv.snapshot))
                out.append((RECHNUNG.template.removesuffix(".docx"), ctx, both_texts(pdf)))
    finally:
        ledger.close()
    for ctx, pdf in client.reminders:
        out.append(("mahnung", ctx, both_texts(pdf)))
    return out


def test_every_example_client_builds_german_pdfs(
    built: dict[str, BuiltClient], rendered: dict[str, list[tuple[str, dict[str, Any], str]]]
) -> None:
    assert set(built) >= {
        "mueller-gmbh",
        "lena-fischer",
        "studio-wien",
        "alpenblick-ag",
        "praxis-berger",
    }
    for client in built.values():
        e = engagement(client)
        for _, _, text in rendered[client.kuerzel]:
            assert "{{" not in text and "{%" not in text, client.kuerzel
            assert not re.search(r"\bNone\b", text), client.kuerzel
            assert normalise(e.datei.kunde.name) in normalise(text), client.kuerzel
            assert re.search(
                r"\b\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|"
                r"September|Oktober|November|Dezember) 20\d\d\b|\d\d\.\d\d\.20\d\d",
                text,
            ), client.kuerzel
        ab = client.text("Auftragsbestaetigung")
        assert re.search(r"\d{1,3}(\.\d{3})*,\d\d\s€", ab), "German money in the confirmation"


def _checks() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for file in sorted(COVERAGE.glob("*.yaml")):
        for check in yaml.safe_load(file.read_text(encoding="utf-8")):
            found.append((file.stem, check))
    return found


CHECKS = _checks()


@pytest.mark.parametrize(("template", "check"), CHECKS, ids=[f"{t}:{c['id']}" for t, c in CHECKS])
def test_legal_point_appears_in_rendered_text(
    rendered: dict[str, list[tuple[str, dict[str, Any], str]]],
    template: str,
    check: dict[str, Any],
) -> None:
    """Data-driven by LEGAL.md ID: every point appears wherever it applies, somewhere at least."""
    env = make_environment()
    applied = 0
    for kuerzel, docs in rendered.items():
        for stem, ctx, text in docs:
            if stem != template:
                continue
            when = check.get("when")
            if when and not env.compile_expression(when)(**ctx):
                continue
            applied += 1
            flat = normalise(text)
            for phrase in check["phrases"]:
                assert re.search(phrase, flat, re.IGNORECASE), (
                    f"{check['id']} ({check.get('law', '')}) missing in {kuerzel}: /{phrase}/"
                )
            for phrase in check.get("absent", ()):
                assert not re.search(phrase, flat, re.IGNORECASE), (
                    f"{check['id']} ({check.get('law', '')}) ruled-out wording in {kuerzel}: /{phrase}/"
                )
    if check.get("level") == "MUSS":
        assert applied, f"{check['id']} applies to no example client: the examples miss a case"


def test_every_must_point_of_legal_md_has_a_check() -> None:
    legal = ROOT.parent / "shared" / "LEGAL.md"
    if not legal.is_file():
        pytest.skip("LEGAL.md is beside the repository only in the development layout")
    ids = {c["id"] for _, c in CHECKS}
    for line in legal.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| (AVV|NDA|AB)-(\d\d)(?:/(\d\d)|\.\.(\d\d))? \| MUSS", line)
        if not match:
            continue
        prefix, first = match.group(1), int(match.group(2))
        last = int(match.group(3) or match.group(4) or first)
        for n in range(first, last + 1):
            assert f"{prefix}-{n:02d}" in ids, f"{prefix}-{n:02d} has no coverage check"


def test_special_characters_round_trip_into_docx_and_pdf(tmp_path: Path) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    name = "„Müller“ & Söhne <Bad & Heizung> GmbH"
    client = ws / "kunden" / "mueller-gmbh.yaml"
    client.write_text(
        client.read_text(encoding="utf-8").replace(
            "name: Müller & Söhne <Haustechnik> GmbH", f"name: '{name}'"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["build", "--pdf", "--only", "auftragsbestaetigung,rechnung", str(client)]
    )
    assert result.exit_code == 0, result.output
    for docx in (ws / "out" / "mueller-gmbh").glob("*.docx"):
        doc = Document(str(docx))
        texts = [p.text for p in doc.paragraphs]
        texts += [p.text for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
        assert any(name in t for t in texts), docx.name
    for pdf in (ws / "out" / "mueller-gmbh").glob("*.pdf"):
        assert name in normalise(pdf_text(pdf)), pdf.name


def test_without_libreoffice_docx_is_written_with_a_hint(tmp_path: Path) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    client = ws / "kunden" / "lena-fischer.yaml"
    env = {"VADOCS_SOFFICE": ""}
    result = CliRunner(env=env).invoke(main, ["build", str(client)])
    assert result.exit_code == 0, result.output
    assert "LibreOffice not found" in result.output and "apt-get install" in result.output
    out = ws / "out" / "lena-fischer"
    assert list(out.glob("*.docx")) and not list(out.glob("*.pdf"))

    shutil.rmtree(ws / "out")
    shutil.rmtree(ws / ".vadocs")
    demanded = CliRunner(env=env).invoke(main, ["build", "--pdf", str(client)])
    assert demanded.exit_code == 1
    assert "apt-get install" in demanded.output
    assert not (ws / "out").exists()


def _golden_invoices(built: dict[str, BuiltClient]) -> list[tuple[str, Path]]:
    return [(c.kuerzel, p) for c in built.values() for p in c.files("*echnung_*.pdf")]


def test_invoice_golden_texts(built: dict[str, BuiltClient]) -> None:
    """Amounts and legal notes of every example invoice, as normalised text."""
    update = os.environ.get("VADOCS_UPDATE_GOLDEN") == "1"
    seen = set()
    for _kuerzel, pdf in _golden_invoices(built):
        golden = GOLDEN / f"{pdf.stem}.txt"
        seen.add(golden.name)
        text = "\n".join(normalise(line) for line in pdf_text(pdf).splitlines() if line.strip())
        if update:
            golden.write_text(text + "\n", encoding="utf-8")
            continue
        assert golden.is_file(), f"no golden text for {pdf.name}: run with VADOCS_UPDATE_GOLDEN=1"
        assert text + "\n" == golden.read_text(encoding="utf-8"), pdf.name
    assert {p.name for p in GOLDEN.glob("*.txt")} == seen


TAX_NOTES = {
    "mueller-gmbh": [r"Umsatzsteuer 19 %", r"1\.456,26 €", r"Vorauszahlung.*2026-0001"],
    "studio-wien": [
        r"Steuerschuldnerschaft des Leistungsempfängers",
        r"§ 3a Abs\. 2 UStG.*Art\. 196 MwStSystRL",
        r"ATU13585627",
        r"DE136695976",
    ],
    "alpenblick-ag": [r"nicht (im Inland )?steuerbar", r"§ 3a Abs\. 2 UStG"],
    "praxis-berger": [r"§ 19 Abs\. 1 UStG \(Kleinunternehmerregelung\)"],
    "lena-fischer": [r"§ 286 Abs\. 3 BGB", r"345,10 €"],
}


@pytest.mark.parametrize(("kuerzel", "patterns"), TAX_NOTES.items(), ids=TAX_NOTES.keys())
def test_tax_case_notes(built: dict[str, BuiltClient], kuerzel: str, patterns: list[str]) -> None:
    texts = " ".join(normalise(pdf_text(p)) for p in built[kuerzel].files("*_Rechnung_*.pdf"))
    for pattern in patterns:
        assert re.search(pattern, texts), f"{kuerzel}: /{pattern}/"
    if kuerzel in ("praxis-berger", "studio-wien", "alpenblick-ag"):
        assert not re.search(r"Umsatzsteuer 19 %", texts)


def test_postal_code_with_leading_zero_survives(built: dict[str, BuiltClient]) -> None:
    text = normalise(built["mueller-gmbh"].text("Auftragsbestaetigung"))
    assert "01067 Dresden" in text and "01097 Dresden" in text


def _invoice_pdfs(built: dict[str, BuiltClient]) -> list[Path]:
    return [p for c in built.values() for p in c.files("*echnung_*.pdf")]


def test_girocode_on_the_invoice_decodes_to_its_amount_and_number(
    built: dict[str, BuiltClient],
) -> None:
    import io
    import zipfile

    import zxingcpp
    from PIL import Image

    (docx,) = built["mueller-gmbh"].files("*_Rechnung_2026-0004_*.docx")
    with zipfile.ZipFile(docx) as z:
        (png,) = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    (code,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    lines = code.text.split("\n")
    assert lines[:4] == ["BCD", "002", "1", "SCT"]
    assert lines[6] == "DE02120300000000202051"
    text = normalise(pdf_text(docx.with_suffix(".pdf")))
    amount = lines[7].removeprefix("EUR")
    assert f"Zahlbetrag {amount.replace('.', ',')} €" in text
    assert lines[-1] == "Rechnung 2026-0004"


def test_business_invoices_are_valid_factur_x(built: dict[str, BuiltClient]) -> None:
    import subprocess

    from vadocs.einvoice import extract_xml, validate_xml
    from vadocs.errors import Severity

    checked = 0
    for pdf in _invoice_pdfs(built):
        data = pdf.read_bytes()
        xml = extract_xml(data)
        kunde = pdf.stem.rsplit("_", 1)[1]
        if kunde in ("lena-fischer", "praxis-berger"):  # consumer; Kleinunternehmerin
            assert xml is None, pdf.name
            continue
        assert xml is not None, pdf.name
        checked += 1
        errors = [p for p in validate_xml(xml) if p.severity is Severity.ERROR]
        assert errors == [], (pdf.name, [p.format() for p in errors])
        assert b"<pdfaid:part>3</pdfaid:part>" in data or b'pdfaid:part="3"' in data
        fonts = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert fonts and all(" yes " in row for row in fonts), pdf.name
    assert checked >= 4


def test_pdf_text_and_xml_agree(built: dict[str, BuiltClient]) -> None:
    """One source: number, dates, parties, line totals, VAT breakdown and amount due."""
    from datetime import datetime
    from decimal import Decimal

    from lxml import etree

    from vadocs.documents.formatting import datum, euro
    from vadocs.einvoice import extract_xml

    ns = {
        "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
        "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
        "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    }
    for pdf in _invoice_pdfs(built):
        xml = extract_xml(pdf.read_bytes())
        if xml is None:
            continue
        root = etree.fromstring(xml)
        text = normalise(pdf_text(pdf))

        def one(path: str, node: Any = root) -> str:
            (value,) = node.xpath(path, namespaces=ns)
            return str(value)

        def money(value: str) -> str:
            return normalise(euro(Decimal(value)))

        assert one("//rsm:ExchangedDocument/ram:ID/text()") in text
        issued = datetime.strptime(
            one("//rsm:ExchangedDocument//udt:DateTimeString/text()"), "%Y%m%d"
        ).date()
        assert datum(issued) in text
        assert one("//ram:SellerTradeParty/ram:Name/text()") in text
        assert normalise(one("//ram:BuyerTradeParty/ram:Name/text()")) in text
        for line_total in root.xpath(
            "//ram:SpecifiedLineTradeSettlement//ram:LineTotalAmount/text()", namespaces=ns
        ):
            assert money(line_total).lstrip("-") in text, (pdf.name, line_total)
        for vat in root.xpath(
            "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax", namespaces=ns
        ):
            if one("ram:CategoryCode/text()", vat) == "S":
                assert money(one("ram:CalculatedAmount/text()", vat)) in text, pdf.name
        assert money(one("//ram:DuePayableAmount/text()")) in text, pdf.name
        assert money(one("//ram:GrandTotalAmount/text()")) in text, pdf.name
        _advance_amounts_agree(pdf.name, text, root, ns)


def _advance_amounts_agree(name: str, text: str, root: Any, ns: dict[str, str]) -> None:
    """PDF → XML for a final invoice: each deducted advance's number, date, net and VAT."""
    from vadocs.documents.formatting import euro

    deductions = re.findall(
        r"abzüglich .*?, Rechnung (\S+) vom (\d\d)\.(\d\d)\.(\d{4}) -?[\d.,]+ €"
        r"(?: \(netto ([\d.,]+) € zuzüglich Umsatzsteuer ([\d.,]+) €\))?",
        text,
    )
    if "abzüglich" in text:
        assert deductions, name
    references = root.xpath(
        "//ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument", namespaces=ns
    )
    referenced = {
        (r.xpath("string(ram:IssuerAssignedID)", namespaces=ns),
         r.xpath("string(.//*[local-name()='DateTimeString'])", namespaces=ns))
        for r in references
    }  # fmt: skip
    lines = {
        str(Decimal(t))
        for t in root.xpath(
            "//ram:SpecifiedLineTradeSettlement//ram:LineTotalAmount/text()", namespaces=ns
        )
    }
    for number, day, month, year, net, vat in deductions:
        assert (number, f"{year}{month}{day}") in referenced, (name, number)  # BT-25/26
        if net:
            assert normalise(euro(-_de(net))) in {normalise(euro(Decimal(v))) for v in lines}
            groups = root.xpath("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax",
                                namespaces=ns)  # fmt: skip
            left = re.search(
                r"es verbleiben (-?[\d.,]+) € netto und (-?[\d.,]+) € Umsatzsteuer", text
            )
            assert left, name
            assert [
                (Decimal(g.xpath("string(ram:BasisAmount)", namespaces=ns)),
                 Decimal(g.xpath("string(ram:CalculatedAmount)", namespaces=ns)))
                for g in groups
            ] == [(_de(left[1]), _de(left[2]))], name  # fmt: skip
            assert _de(vat) > 0


def _de(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def test_every_pdf_embeds_its_fonts_and_is_pdfa(built: dict[str, BuiltClient]) -> None:
    import subprocess

    for pdf in built["mueller-gmbh"].files("*.pdf"):
        rows = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert rows and all(" yes " in row for row in rows), pdf.name
        assert any(name in " ".join(rows) for name in ("LiberationSans", "Arial")), pdf.name


def test_logo_from_the_profile_appears(tmp_path: Path) -> None:
    import io
    import zipfile

    from PIL import Image

    ws = copy_workspace("umsatzsteuer", tmp_path)
    buffer = io.BytesIO()
    Image.new("RGB", (300, 120), (30, 90, 160)).save(buffer, format="PNG")
    (ws / "logo.png").write_bytes(buffer.getvalue())
    profile = ws / "vadocs.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    client = ws / "kunden" / "mueller-gmbh.yaml"
    result = CliRunner().invoke(
        main, ["build", "--no-pdf", "--only", "auftragsbestaetigung", str(client)]
    )
    assert result.exit_code == 0, result.output
    (docx,) = (ws / "out" / "mueller-gmbh").glob("*.docx")
    with zipfile.ZipFile(docx) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert media, "the logo is not in the document"
