"""Hybrid e-invoice: the CII XML inside the PDF/A-3 as ``factur-x.xml`` (ZUGFeRD / Factur-X).

The order that keeps the PDF valid and the bytes reproducible is
LibreOffice (PDF/A-3b) → :func:`vadocs.pdf.metadata.set_metadata` →
:func:`embed_facturx`. The XML is attached as Factur-X 1.0 and PDF/A-3 want it:
an embedded file ``text/xml`` with relationship ``Alternative``, listed in the
catalog's ``/AF`` array and ``EmbeddedFiles`` name tree, and announced in the
XMP packet by the ``fx:`` properties and the PDF/A extension schema that
describes them. The rest of the packet (``pdfaid``, our metadata) is kept. The
attachment is stamped with the document's date, never the clock, so the same
PDF and XML always give the same bytes. The factur-x library only checks the
XML against its XSD; doing the embedding ourselves on qpdf is several times
faster than its pypdf rewrite.
"""

from __future__ import annotations

import hashlib
import io
import re
from datetime import UTC, datetime, timedelta, timezone
from xml.dom import minidom
from xml.parsers.expat import ExpatError

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from pypdf import PdfReader

from vadocs.errors import EInvoiceError
from vadocs.i18n import _
from vadocs.pdf.metadata import PdfInfo, apply_metadata, to_bytes

__all__ = ["FACTURX_FILENAME", "embed_facturx", "extract_xml", "pdfa_part"]

FACTURX_FILENAME = "factur-x.xml"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PDFAID = "http://www.aiim.org/pdfa/ns/id/"
_PDFA_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
_FX = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"
_PDF_DATE = re.compile(r"D:(\d{14})(?:([+-])(\d{2})'?(\d{2})'?|Z)?")

# The fx: properties (Factur-X 1.0, EN 16931 profile) and, as PDF/A requires for
# a schema outside its own list, their description in a pdfaExtension schema.
_FX_PROPERTIES = (
    ("DocumentFileName", "The name of the embedded XML document"),
    ("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER"),
    ("Version", "The actual version of the standard applying to the embedded XML document"),
    ("ConformanceLevel", "The conformance level of the embedded XML document"),
)
_FX_SCHEMA_PROPERTIES = "".join(
    f'<rdf:li rdf:parseType="Resource"><pdfaProperty:name>{name}</pdfaProperty:name>'
    "<pdfaProperty:valueType>Text</pdfaProperty:valueType>"
    "<pdfaProperty:category>external</pdfaProperty:category>"
    f"<pdfaProperty:description>{text}</pdfaProperty:description></rdf:li>"
    for name, text in _FX_PROPERTIES
)
_FX_XMP = f"""<rdf:RDF xmlns:rdf="{_RDF}">
<rdf:Description rdf:about=""
  xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
  xmlns:pdfaSchema="{_PDFA_SCHEMA}" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>{_FX}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>fx</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>{_FX_SCHEMA_PROPERTIES}</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:fx="{_FX}">
<fx:DocumentType>INVOICE</fx:DocumentType>
<fx:DocumentFileName>{FACTURX_FILENAME}</fx:DocumentFileName>
<fx:Version>1.0</fx:Version>
<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
</rdf:Description>
</rdf:RDF>"""


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
    with pikepdf.open(io.BytesIO(pdf_a3), inherit_page_attributes=False) as pdf:
        if pdfa_part(pdf) != "3":
            raise EInvoiceError(
                _("the PDF for the e-invoice is not PDF/A-3"),
                hint=_("convert it with PdfConverter(...).convert(..., pdfa=True)"),
            )
        docinfo = pdf.docinfo
        stamp = date or _parse_pdf_date(str(docinfo.get("/CreationDate", "")))
        if stamp is None:
            raise EInvoiceError(_("the PDF has no creation date; pass date= to embed_facturx"))
        _check_xsd(xml)
        info = PdfInfo(
            title=title,
            author=author,
            subject=str(docinfo.get("/Subject", "")),
            keywords=str(docinfo.get("/Keywords", "")),
            language=str(pdf.Root.get("/Lang", "de-DE")),
        )
        _attach(pdf, xml, stamp)
        metadata = pdf.Root.Metadata
        metadata.write(_with_facturx(metadata.read_bytes()))
        apply_metadata(pdf, info, date=stamp)
        return to_bytes(pdf)


def extract_xml(pdf: bytes) -> bytes | None:
    """The embedded ``factur-x.xml``, byte for byte, or ``None``."""
    found = PdfReader(io.BytesIO(pdf)).attachments.get(FACTURX_FILENAME)
    return found[0] if found else None


def pdfa_part(pdf: pikepdf.Pdf) -> str | None:
    """The PDF/A part the XMP declares (``pdfaid:part``), or ``None``."""
    metadata = pdf.Root.get("/Metadata")
    if not isinstance(metadata, pikepdf.Stream):
        return None
    try:
        document = minidom.parseString(metadata.read_bytes())
    except ExpatError:
        return None
    for description in document.getElementsByTagNameNS(_RDF, "Description"):
        if description.hasAttributeNS(_PDFAID, "part"):
            return description.getAttributeNS(_PDFAID, "part")
    for element in document.getElementsByTagNameNS(_PDFAID, "part"):
        return _text(element)
    return None


def _check_xsd(xml: bytes) -> None:
    from facturx import xml_check_xsd  # type: ignore[import-untyped, unused-ignore]

    try:
        xml_check_xsd(xml, flavor="factur-x", level="en16931")
    except Exception as exc:  # factur-x raises bare Exceptions for XSD failures
        raise EInvoiceError(_("factur-x refused the XML: {exc}").format(exc=exc)) from exc


def _attach(pdf: pikepdf.Pdf, xml: bytes, stamp: datetime) -> None:
    """Embed ``xml`` as an associated file of the document (replacing an earlier one)."""
    data = pdf.make_stream(xml)  # qpdf compresses it when writing
    data.Type = Name.EmbeddedFile
    data.Subtype = Name("/text/xml")
    data.Params = Dictionary(
        CheckSum=String(hashlib.md5(xml, usedforsecurity=False).digest()),
        ModDate=String(_pdf_date(stamp)),
        Size=len(xml),
    )
    spec = pdf.make_indirect(
        Dictionary(
            Type=Name.Filespec,
            F=String(FACTURX_FILENAME),
            UF=String(FACTURX_FILENAME),
            Desc=String("Factur-X XML file"),
            AFRelationship=Name.Alternative,
            EF=Dictionary(F=data, UF=data),
        )
    )
    others = [f for f in pdf.Root.get("/AF", Array()) if f.get("/F") != FACTURX_FILENAME]
    pdf.Root.AF = pdf.make_indirect(Array([*others, spec]))
    if not isinstance(pdf.Root.get("/Names"), Dictionary):
        pdf.Root.Names = Dictionary()
    if "/EmbeddedFiles" not in pdf.Root.Names:
        pdf.Root.Names.EmbeddedFiles = pikepdf.NameTree.new(pdf).obj
    pikepdf.NameTree(pdf.Root.Names.EmbeddedFiles)[FACTURX_FILENAME] = spec


def _with_facturx(packet: bytes) -> bytes:
    """The XMP ``packet`` with the fx: properties and their extension schema, once."""
    document = minidom.parseString(packet)
    rdf = document.getElementsByTagNameNS(_RDF, "RDF")[0]
    for element in list(document.getElementsByTagNameNS(_FX, "*")):
        _remove(element)
    for uri in list(document.getElementsByTagNameNS(_PDFA_SCHEMA, "namespaceURI")):
        if _text(uri) == _FX and isinstance(uri.parentNode, minidom.Element):
            _remove(uri.parentNode)  # the rdf:li describing the fx schema
    for description in document.getElementsByTagNameNS(_RDF, "Description"):
        for attribute in list(description.attributes.values()):
            if attribute.namespaceURI == _FX:
                description.removeAttributeNode(attribute)
    for description in minidom.parseString(_FX_XMP).getElementsByTagNameNS(_RDF, "Description"):
        imported = rdf.appendChild(document.importNode(description, True))
        if rdf.prefix != "rdf":  # declare the prefix our descriptions use
            imported.setAttribute("xmlns:rdf", _RDF)
    return "".join(node.toxml() for node in document.childNodes).encode("utf-8")


def _remove(element: minidom.Element) -> None:
    """Remove ``element``, and its containers up to an rdf:Description that it leaves empty."""
    parent = element.parentNode
    if not isinstance(parent, minidom.Element):
        return
    parent.removeChild(element)
    empty = not any(isinstance(child, minidom.Element) for child in parent.childNodes)
    if empty and (parent.namespaceURI, parent.localName) != (_RDF, "Description"):
        _remove(parent)


def _text(element: minidom.Element) -> str:
    return "".join(c.data for c in element.childNodes if isinstance(c, minidom.Text)).strip()


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
