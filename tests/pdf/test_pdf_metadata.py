"""Metadata, language and merging of LibreOffice's PDFs, byte-for-byte reproducible."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import cast

import docx
import pikepdf
import pytest
from docx.enum.text import WD_BREAK
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, BooleanObject, Destination, DictionaryObject

from vadocs.pdf.metadata import PdfInfo, merge, pdf_text, set_metadata
from vadocs.pdf.oneshot import PdfConverter, find_soffice

GERMAN = "Müller & Söhne <GmbH> „Zitat“ 1.234,56 €"
INFO = PdfInfo(
    title="Auftragsbestätigung „Müller & Söhne“ <GmbH>",
    author="Anna Schmidt – Virtuelle Assistenz",
    subject="Auftragsbestätigung für Müller & Söhne",
    keywords="Auftrag, Virtuelle Assistenz",
)


@dataclass(frozen=True)
class Parts:
    letter: bytes  # one page, PDF/A-3b, with a heading bookmark
    annex: bytes  # two pages, PDF/A-3b


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Parts:
    """Two real LibreOffice PDF/A files, made in one soffice run for the whole module."""
    soffice = find_soffice()
    assert soffice, "LibreOffice (soffice) is required for these tests"
    root = tmp_path_factory.mktemp("parts")
    letter = docx.Document()
    letter.add_heading("Leistungsbeschreibung", level=1)
    letter.add_paragraph(GERMAN)
    letter.save(str(root / "letter.docx"))
    annex = docx.Document()
    annex.add_paragraph(f"Anlage 1: {GERMAN}")
    annex.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    annex.add_paragraph("Anlage 2: Technische und organisatorische Maßnahmen")
    annex.save(str(root / "annex.docx"))
    with PdfConverter(soffice) as converter:
        pdfs = converter.convert([root / "letter.docx", root / "annex.docx"], root, pdfa=True)
    return Parts(*(pdfs[root / name].read_bytes() for name in ("letter.docx", "annex.docx")))


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def file_id(pdf: bytes) -> ArrayObject:
    return cast(ArrayObject, read(pdf).trailer["/ID"])


def xmp_text(pdf: bytes) -> str:
    xmp = read(pdf).xmp_metadata
    assert xmp is not None
    return xmp.stream.get_data().decode()


def test_metadata_round_trip(parts: Parts) -> None:
    pdf = set_metadata(parts.letter, INFO)
    reader = read(pdf)
    meta = reader.metadata
    assert meta is not None
    assert (meta.title, meta.author, meta.subject) == (INFO.title, INFO.author, INFO.subject)
    assert str(meta["/Keywords"]) == INFO.keywords
    assert meta.creator == "vadocs"
    assert meta.producer == "LibreOffice 7.4; vadocs"
    assert str(reader.root_object["/Lang"]) == "de-DE"
    preferences = cast(DictionaryObject, reader.root_object["/ViewerPreferences"])
    assert preferences["/DisplayDocTitle"] == BooleanObject(True)
    assert GERMAN in pdf_text(pdf)


def test_xmp_says_the_same_and_keeps_the_pdfa_declaration(parts: Parts) -> None:
    pdf = set_metadata(parts.letter, INFO)
    xmp = read(pdf).xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": INFO.title}
    assert xmp.dc_creator == [INFO.author]
    assert xmp.dc_description == {"x-default": INFO.subject}
    assert xmp.dc_language == ["de-DE"]
    assert xmp.pdf_keywords == INFO.keywords
    assert xmp.pdf_producer == "LibreOffice 7.4; vadocs"
    assert xmp.xmp_creator_tool == "vadocs"
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")
    assert read(pdf).pdf_header == read(parts.letter).pdf_header


def test_poppler_reads_the_metadata(parts: Parts, tmp_path: Path) -> None:
    (tmp_path / "out.pdf").write_bytes(set_metadata(parts.letter, INFO))
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "out.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert f"Title:           {INFO.title}" in info
    assert f"Author:          {INFO.author}" in info


def test_deterministic_and_idempotent(parts: Parts) -> None:
    once = set_metadata(parts.letter, INFO)
    assert once == set_metadata(parts.letter, INFO)
    twice = set_metadata(once, INFO)
    assert xmp_text(twice) == xmp_text(once)
    assert xmp_text(twice).count("<dc:title") == 1


def test_file_identifier_follows_the_content_not_libreoffices_random_id(parts: Parts) -> None:
    # LibreOffice writes a random /ID on every run; simulate a second conversion
    # (same length, so the cross-reference offsets stay right).
    rerun = re.sub(
        rb"/ID\s*\[[^\]]*\]",
        lambda m: re.sub(
            rb"<[0-9A-Fa-f]+>", lambda h: b"<" + b"0" * (len(h.group(0)) - 2) + b">", m.group(0)
        ),
        parts.letter,
    )
    assert rerun != parts.letter
    first = file_id(set_metadata(parts.letter, INFO))
    again = file_id(set_metadata(rerun, INFO))
    other = file_id(set_metadata(parts.letter, PdfInfo("Anders", "A", "B")))
    assert first == again, "the same document gives the same identifiers"
    assert first[1] != other[1], "the identifier follows the content"


def libreoffice_rerun(pdf: bytes) -> bytes:
    """``pdf`` as a second LibreOffice run writes it: new /ID, checksum and time stamps.

    LibreOffice also stamps the sRGB profile of the output intent (ICC header
    bytes 24-35) with the clock.
    """
    with pikepdf.open(io.BytesIO(pdf), inherit_page_attributes=False) as rerun:
        rerun.trailer.ID = pikepdf.Array([b"\x01" * 16, b"\x01" * 16])
        rerun.trailer.DocChecksum = pikepdf.Name("/0123456789ABCDEF0123456789ABCDEF")
        rerun.docinfo.CreationDate = "D:20991231235959Z'"
        xmp = rerun.Root.Metadata
        xmp.write(re.sub(rb"<xmp:CreateDate>[^<]*<", b"<xmp:CreateDate>2099-12-31T23:59:59Z<",
                         xmp.read_bytes()))  # fmt: skip
        profile = rerun.Root.OutputIntents[0].DestOutputProfile
        icc = profile.read_bytes()
        profile.write(icc[:24] + bytes([7, 0x33, 0, 12, 0, 31, 0, 23, 0, 59, 0, 59]) + icc[36:])
        buffer = io.BytesIO()
        rerun.save(buffer)
        return buffer.getvalue()


def test_two_libreoffice_runs_give_the_same_bytes(parts: Parts) -> None:
    date = datetime(2026, 2, 1, tzinfo=UTC)
    rerun = libreoffice_rerun(parts.letter)
    assert set_metadata(rerun, INFO, date=date) == set_metadata(parts.letter, INFO, date=date)
    titles = ["A", "B"]
    assert merge([rerun, parts.annex], INFO, titles, date=date) == merge(
        [parts.letter, parts.annex], INFO, titles, date=date
    )


def test_set_metadata_keeps_libreoffice_pdfa_valid(parts: Parts, tmp_path: Path) -> None:
    """PDF/A-3b survives: identification in XMP, output intent, every font embedded."""
    for name, source in (("letter", parts.letter), ("annex", parts.annex)):
        pdf = set_metadata(source, INFO, date=datetime(2026, 1, 5, 9, 30))
        reader = read(pdf)
        xmp = reader.xmp_metadata
        assert xmp is not None and (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")
        packet = xmp.stream.get_data()
        assert packet.startswith(b"<?xpacket begin=") and packet.endswith(b'<?xpacket end="w"?>')
        assert "/Filter" not in xmp.stream, "the XMP packet stays uncompressed"
        intents = cast(ArrayObject, reader.root_object["/OutputIntents"])
        assert [intent.get_object()["/S"] for intent in intents] == ["/GTS_PDFA1"]
        assert "/DestOutputProfile" in intents[0].get_object()
        assert len(file_id(pdf)) == 2
        assert "/Encrypt" not in reader.trailer
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        fonts = subprocess.run(
            ["pdffonts", str(tmp_path / f"{name}.pdf")], capture_output=True, text=True, check=True
        ).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), fonts


def test_creation_date_kept_or_given(parts: Parts) -> None:
    kept = read(set_metadata(parts.letter, INFO)).metadata
    assert kept is not None
    # LibreOffice 7.4 writes UTC as "D:…Z'", which pypdf cannot parse; we repair it.
    assert kept.creation_date is not None
    assert kept.modification_date is None

    berlin = timezone(timedelta(hours=1))
    date = datetime(2026, 1, 5, 9, 30, tzinfo=berlin)
    pdf = set_metadata(parts.letter, INFO, date=date)
    meta = read(pdf).metadata
    xmp = read(pdf).xmp_metadata
    assert meta is not None and xmp is not None
    assert str(meta["/CreationDate"]) == str(meta["/ModDate"]) == "D:20260105093000+01'00'"
    assert xmp.xmp_create_date == xmp.xmp_modify_date == datetime(2026, 1, 5, 8, 30)
    assert xmp_text(pdf).count("<xmp:CreateDate") == 1


def test_empty_keywords_are_left_out_everywhere(parts: Parts) -> None:
    pdf = set_metadata(parts.letter, PdfInfo("T", "A", "S"))
    meta = read(pdf).metadata
    assert meta is not None and "/Keywords" not in meta
    assert "Keywords" not in xmp_text(pdf)


def test_pdf_without_xmp_gets_info_only() -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    pdf = set_metadata(buffer.getvalue(), INFO)
    reader = read(pdf)
    assert reader.xmp_metadata is None
    assert reader.metadata is not None and reader.metadata.title == INFO.title
    assert "/ID" in reader.trailer


def test_foreign_xmp_properties_survive() -> None:
    """Other schemas (e.g. Factur-X) stay; our properties in attribute form are replaced."""
    packet = (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:'
        'invoice:1p0#" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" fx:DocumentType="INVOICE" '
        'pdf:Producer="Old"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.xmp_metadata = packet.encode()
    buffer = io.BytesIO()
    writer.write(buffer)
    text = xmp_text(set_metadata(buffer.getvalue(), INFO))
    assert 'fx:DocumentType="INVOICE"' in text
    assert 'pdf:Producer="Old"' not in text
    assert text.count("<pdf:Producer>") == 1


def test_merge_keeps_pages_outline_and_metadata(parts: Parts) -> None:
    titles = ["Auftragsbestätigung", "Anlagen"]
    pdf = merge([parts.letter, parts.annex], INFO, titles)
    reader = read(pdf)
    assert len(reader.pages) == 3
    top = [item for item in reader.outline if isinstance(item, Destination)]
    assert [item.title for item in top] == titles
    assert [reader.get_destination_page_number(item) for item in top] == [0, 1]
    nested = reader.outline[1]
    assert isinstance(nested, list), "the letter's own heading bookmark is nested under it"
    assert [item.title for item in nested if isinstance(item, Destination)] == [
        "Leistungsbeschreibung"
    ]
    assert reader.metadata is not None and reader.metadata.title == INFO.title
    assert str(reader.root_object["/Lang"]) == "de-DE"
    assert reader.page_mode == "/UseOutlines"
    xmp = reader.xmp_metadata
    assert xmp is not None and xmp.pdfaid_part == "3"
    assert xmp.dc_title == {"x-default": INFO.title}
    text = pdf_text(pdf)
    assert "Leistungsbeschreibung" in text and "Anlage 2" in text


def test_merge_is_deterministic(parts: Parts) -> None:
    date = datetime(2026, 2, 1, tzinfo=UTC)
    first = merge([parts.letter, parts.annex], INFO, ["A", "B"], date=date)
    assert first == merge([parts.letter, parts.annex], INFO, ["A", "B"], date=date)
    assert first != merge([parts.letter, parts.annex], INFO, ["A", "C"], date=date)


def test_merge_needs_a_title_per_part(parts: Parts) -> None:
    with pytest.raises(ValueError, match="one outline title per PDF"):
        merge([parts.letter, parts.annex], INFO, ["nur einer"])
    with pytest.raises(ValueError):
        merge([], INFO, [])
