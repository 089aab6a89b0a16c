"""Hybrid e-invoice: the CII XML inside the PDF/A-3 as ``factur-x.xml`` (ZUGFeRD / Factur-X).

The order that keeps the PDF valid and the bytes reproducible is
LibreOffice (PDF/A-3b) → :func:`vadocs.pdf_metadata.set_metadata` →
:func:`embed_facturx`. The factur-x library writes a fresh XMP packet (PDF/A-3
identification, the ``fx:`` extension schema and its properties) and stamps the
current time; this module then puts our metadata back over it with
:func:`~vadocs.pdf_metadata.set_metadata` (which keeps the ``pdfaid``/``fx``
parts) and replaces every time stamp by the input's creation date, so the same
PDF and XML always give the same bytes.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import cast
from xml.dom import minidom

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject, TextStringObject

from vadocs.errors import EInvoiceError
from vadocs.pdf_metadata import PdfInfo, set_metadata

__all__ = ["FACTURX_FILENAME", "embed_facturx", "extract_xml", "pdfa_part"]

FACTURX_FILENAME = "factur-x.xml"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PDF_DATE = re.compile(r"D:(\d{14})(?:([+-])(\d{2})'?(\d{2})'?|Z)?")


def embed_facturx(
    pdf_a3: bytes,
    xml: bytes,
    *,
    title: str,
    author: str,
    date: datetime | None = None,
) -> bytes:
    """``pdf_a3`` with ``xml`` attached as ``factur-x.xml`` (relationship ``Alternative``).

    ``pdf_a3`` must declare PDF/A-3 (LibreOffice export with ``pdfa=True``).
    Subject, keywords and language are kept from it; ``date`` (default: its
    creation date) stamps the document and the attachment. The XML is checked
    against the EN 16931 XSD here; run :func:`vadocs.einvoice.validate.ensure_valid`
    before for the schematron rules.
    """
    reader = PdfReader(io.BytesIO(pdf_a3))
    if pdfa_part(reader) != "3":
        raise EInvoiceError(
            "the PDF for the e-invoice is not PDF/A-3",
            hint="convert it with PdfConverter(...).convert(..., pdfa=True)",
        )
    info: dict[str, object] = dict(reader.metadata or {})
    stamp = date or _parse_pdf_date(str(info.get("/CreationDate", "")))
    if stamp is None:
        raise EInvoiceError("the PDF has no creation date; pass date= to embed_facturx")
    hybrid = _facturx(pdf_a3, xml, title=title, author=author)
    fixed = _settle(hybrid, stamp, reader.root_object.get("/PageMode"))
    pdf_info = PdfInfo(
        title=title,
        author=author,
        subject=str(info.get("/Subject", "")),
        keywords=str(info.get("/Keywords", "")),
        language=str(reader.root_object.get("/Lang", "de-DE")),
    )
    return set_metadata(fixed, pdf_info, date=stamp)


def extract_xml(pdf: bytes) -> bytes | None:
    """The embedded ``factur-x.xml``, byte for byte, or ``None``."""
    found = PdfReader(io.BytesIO(pdf)).attachments.get(FACTURX_FILENAME)
    return found[0] if found else None


def pdfa_part(reader: PdfReader) -> str | None:
    """The PDF/A part the XMP declares (``pdfaid:part``), or ``None``."""
    xmp = reader.xmp_metadata
    return None if xmp is None else xmp.pdfaid_part


def _facturx(pdf: bytes, xml: bytes, *, title: str, author: str) -> bytes:
    from facturx import generate_from_binary  # type: ignore[import-untyped, unused-ignore]

    try:
        result = generate_from_binary(
            pdf,
            xml,
            flavor="factur-x",
            level="en16931",
            check_xsd=True,
            pdf_metadata={"title": title, "author": author, "subject": "", "keywords": ""},
            afrelationship="alternative",
            xmp_compression=False,  # PDF/A readers and packet scanners expect it plain
        )
    except Exception as exc:  # factur-x raises bare Exceptions for XSD failures
        raise EInvoiceError(f"factur-x refused the XML: {exc}") from exc
    return cast(bytes, result)


def _settle(pdf: bytes, stamp: datetime, page_mode: object) -> bytes:
    """Replace factur-x's clock time on the attachment; restore page mode; mend the XMP."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)), keep_initial_header=True)
    xmp = writer.xmp_metadata
    if xmp is not None:
        writer.xmp_metadata = _with_about(xmp.stream.get_data())
    for spec in _filespecs(writer):
        embedded = cast(StreamObject, cast(DictionaryObject, spec["/EF"])["/F"].get_object())
        params = cast(
            DictionaryObject, embedded.setdefault(NameObject("/Params"), DictionaryObject())
        )
        params[NameObject("/ModDate")] = TextStringObject(_pdf_date(stamp))
    if page_mode is None:
        writer.root_object.pop(NameObject("/PageMode"), None)
    else:
        writer.root_object[NameObject("/PageMode")] = NameObject(str(page_mode))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _with_about(packet: bytes) -> bytes:
    """Give every ``rdf:Description`` the ``rdf:about=""`` XMP requires (factur-x omits it)."""
    document = minidom.parseString(packet)
    for description in document.getElementsByTagNameNS(_RDF, "Description"):
        if not description.hasAttributeNS(_RDF, "about"):
            description.setAttributeNS(_RDF, "rdf:about", "")
    return "".join(node.toxml() for node in document.childNodes).encode("utf-8")


def _filespecs(writer: PdfWriter) -> list[DictionaryObject]:
    af = writer.root_object.get("/AF")
    if af is None:
        return []
    return [cast(DictionaryObject, ref.get_object()) for ref in af.get_object()]


def _parse_pdf_date(text: str) -> datetime | None:
    """``D:20261231120000+01'00'`` → an aware datetime (``None`` if unreadable)."""
    found = _PDF_DATE.match(text)
    if found is None:
        return None
    moment = datetime.strptime(found.group(1), "%Y%m%d%H%M%S")
    sign, hours, minutes = found.group(2), found.group(3), found.group(4)
    if sign is None:
        return moment.replace(tzinfo=UTC)
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    return moment.replace(tzinfo=timezone(-offset if sign == "-" else offset))


def _pdf_date(moment: datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    offset = aware.strftime("%z")
    return aware.strftime("D:%Y%m%d%H%M%S") + f"{offset[:3]}'{offset[3:]}'"
