"""Post-processing of LibreOffice's PDFs: document metadata, language, merging.

Everything here is bytes → bytes and deterministic: the same input gives the
same output, byte for byte (no clock, no random file identifier), so builds
can be compared and cached. The document information dictionary and the XMP
packet say the same thing, as PDF/A requires; the PDF/A identification that
LibreOffice wrote (``pdfaid:part``/``conformance``) is left untouched.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import cast
from xml.dom import minidom

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

__all__ = ["CREATOR", "PdfInfo", "merge", "pdf_text", "set_metadata"]

CREATOR = "vadocs"

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}
# Properties we own; any other XMP content (pdfaid, extension schemas) is kept.
_OWNED = {
    ("dc", "title"),
    ("dc", "creator"),
    ("dc", "description"),
    ("dc", "language"),
    ("pdf", "Producer"),
    ("pdf", "Keywords"),
    ("xmp", "CreatorTool"),
}
_OWNED_DATES = {("xmp", "CreateDate"), ("xmp", "ModifyDate"), ("xmp", "MetadataDate")}
_INHERITED = ("/CreationDate", "/ModDate", "/Producer")  # a merged PDF takes from part 1
_XMP_PADDING = ("\n" + " " * 99) * 20  # room for in-place edits, as the XMP spec suggests


@dataclass(frozen=True)
class PdfInfo:
    """What a PDF says about itself (document properties in a PDF viewer)."""

    title: str
    author: str
    subject: str
    keywords: str = ""
    language: str = "de-DE"


@dataclass(frozen=True)
class _Property:
    prefix: str
    name: str
    kind: str  # "text", "alt" (language alternative), "seq" or "bag"
    value: str


def set_metadata(pdf_bytes: bytes, info: PdfInfo, *, date: datetime | None = None) -> bytes:
    """Return ``pdf_bytes`` with title, author, subject, keywords and language set.

    ``date`` becomes creation and modification date; without it the creation
    date LibreOffice wrote is kept. Both file identifiers are derived from the
    content without LibreOffice's random identifier and time stamps, so that the
    same document converted twice gives the same bytes.
    """
    reader = PdfReader(io.BytesIO(pdf_bytes))
    writer = PdfWriter(clone_from=reader, keep_initial_header=True)  # not pypdf's %PDF-1.3
    _apply(writer, info, date)
    seed = [hashlib.sha256(_without_volatile(pdf_bytes)).digest(), _info_seed(info, date)]
    return _write(writer, seed, None)


_VOLATILE = re.compile(
    rb"/ID\s*\[[^\]]*\]|/(?:CreationDate|ModDate)\s*\([^)]*\)|/DocChecksum\s*/[0-9A-Fa-f]+"
    rb"|<xmp:(?:CreateDate|ModifyDate|MetadataDate)>[^<]*<|<xmpMM:(?:DocumentID|InstanceID)>[^<]*<"
)


def _without_volatile(pdf_bytes: bytes) -> bytes:
    """The PDF without what LibreOffice changes on every run (IDs, time stamps)."""
    return _VOLATILE.sub(b"", pdf_bytes)


def merge(
    pdfs: Sequence[bytes],
    info: PdfInfo,
    outline_titles: Sequence[str],
    *,
    date: datetime | None = None,
) -> bytes:
    """Concatenate ``pdfs`` into one PDF with one top-level bookmark per part.

    Each part's own bookmarks (its headings) are nested under its entry. The
    XMP packet and output intent (the PDF/A declaration) come from the first part.
    """
    if not pdfs or len(pdfs) != len(outline_titles):
        raise ValueError("merge needs one outline title per PDF, and at least one PDF")
    readers = [PdfReader(io.BytesIO(pdf)) for pdf in pdfs]
    writer = PdfWriter()
    for reader, title in zip(readers, outline_titles, strict=True):
        writer.append(reader, outline_item=title)
    first = readers[0]
    for key in ("/Metadata", "/OutputIntents"):
        if key in first.root_object:
            writer.root_object[NameObject(key)] = first.root_object.raw_get(key).clone(writer)
    inherited = {k: v for k, v in (first.metadata or {}).items() if k in _INHERITED}
    writer.metadata = inherited
    writer.page_mode = "/UseOutlines"
    _apply(writer, info, date)
    seed = [hashlib.sha256(pdf).digest() for pdf in pdfs]
    seed += [json.dumps(list(outline_titles)).encode(), _info_seed(info, date)]
    return _write(writer, seed, None)


def pdf_text(pdf_bytes: bytes) -> str:
    """The text of all pages, one page after the other (for tests and checks)."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return "\n".join(page.extract_text() for page in reader.pages)


def _apply(writer: PdfWriter, info: PdfInfo, date: datetime | None) -> None:
    """Set the document information, /Lang and the XMP packet consistently."""
    old: dict[str, object] = dict(writer.metadata or {})
    producer = _producer(str(old.get("/Producer", "")))
    entries = {
        "/Title": info.title,
        "/Author": info.author,
        "/Subject": info.subject,
        "/Keywords": info.keywords,
        "/Creator": CREATOR,
        "/Producer": producer,
    }
    if date is not None:
        entries["/CreationDate"] = entries["/ModDate"] = _pdf_date(date)
    elif "/CreationDate" in old:
        entries["/CreationDate"] = _repair_pdf_date(str(old["/CreationDate"]))
    # Empty values are left out, in the information dictionary as in XMP.
    kept = {k: v for k, v in old.items() if k not in entries}
    writer.metadata = {**kept, **{k: v for k, v in entries.items() if v}}
    writer.root_object[NameObject("/Lang")] = TextStringObject(info.language)
    preferences = writer.viewer_preferences or writer.create_viewer_preferences()
    # Viewers then show the title, not the file name.
    preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    metadata = writer.root_object.get("/Metadata")
    if metadata is not None:
        stream = cast(StreamObject, metadata.get_object())
        owned = _OWNED | (_OWNED_DATES if date is not None else set())
        properties = _xmp_properties(info, producer, date)
        writer.xmp_metadata = _update_xmp(stream.get_data(), owned, properties)


def _xmp_properties(info: PdfInfo, producer: str, date: datetime | None) -> list[_Property]:
    candidates = [
        _Property("dc", "title", "alt", info.title),
        _Property("dc", "creator", "seq", info.author),
        _Property("dc", "description", "alt", info.subject),
        _Property("dc", "language", "bag", info.language),
        _Property("pdf", "Producer", "text", producer),
        _Property("pdf", "Keywords", "text", info.keywords),
        _Property("xmp", "CreatorTool", "text", CREATOR),
    ]
    if date is not None:
        stamp = _aware(date).isoformat()
        candidates += [
            _Property("xmp", name, "text", stamp)
            for name in ("CreateDate", "ModifyDate", "MetadataDate")
        ]
    return [p for p in candidates if p.value]


def _update_xmp(data: bytes, owned: set[tuple[str, str]], properties: list[_Property]) -> bytes:
    """Replace the ``owned`` properties of an XMP packet by ``properties``."""
    document = minidom.parseString(data)
    roots = document.getElementsByTagNameNS(_RDF, "RDF")
    if not roots:
        return data
    rdf = roots[0]
    owned_names = {(_NAMESPACES[prefix], name) for prefix, name in owned}
    for description in list(rdf.getElementsByTagNameNS(_RDF, "Description")):
        _remove_owned(description, owned_names)
        if _is_empty(description) and description.parentNode is not None:
            description.parentNode.removeChild(description)
    for prefix in _NAMESPACES:
        group = [p for p in properties if p.prefix == prefix]
        if group:
            rdf.appendChild(_description(document, rdf.prefix or "rdf", prefix, group))
    return _serialise(document)


def _remove_owned(description: minidom.Element, owned: set[tuple[str, str]]) -> None:
    for child in list(description.childNodes):
        if isinstance(child, minidom.Element) and (child.namespaceURI, child.localName) in owned:
            description.removeChild(child)
    for attribute in list(description.attributes.values()):
        if (attribute.namespaceURI, attribute.localName) in owned:
            description.removeAttributeNode(attribute)


def _is_empty(description: minidom.Element) -> bool:
    if any(isinstance(child, minidom.Element) for child in description.childNodes):
        return False
    return all(
        a.name.startswith("xmlns") or (a.namespaceURI, a.localName) == (_RDF, "about")
        for a in description.attributes.values()
    )


def _description(
    document: minidom.Document, rdf: str, prefix: str, properties: list[_Property]
) -> minidom.Element:
    description = document.createElementNS(_RDF, f"{rdf}:Description")
    description.setAttribute(f"{rdf}:about", "")
    description.setAttribute(f"xmlns:{prefix}", _NAMESPACES[prefix])
    for prop in properties:
        element = document.createElementNS(_NAMESPACES[prefix], f"{prefix}:{prop.name}")
        if prop.kind == "text":
            element.appendChild(document.createTextNode(prop.value))
        else:
            container = document.createElementNS(_RDF, f"{rdf}:{prop.kind.capitalize()}")
            item = document.createElementNS(_RDF, f"{rdf}:li")
            if prop.kind == "alt":
                item.setAttribute("xml:lang", "x-default")
            item.appendChild(document.createTextNode(prop.value))
            container.appendChild(item)
            element.appendChild(container)
        description.appendChild(element)
    return description


def _serialise(document: minidom.Document) -> bytes:
    """Write the packet without an XML declaration, keeping the ``<?xpacket?>`` wrapper."""
    parts: list[str] = []
    for node in document.childNodes:
        if isinstance(node, minidom.ProcessingInstruction) and node.data.startswith("end"):
            parts.append(_XMP_PADDING)
        if isinstance(node, minidom.Element):
            _drop_blank_text(node)
            parts.append(node.toprettyxml(indent=" ").rstrip())
        else:
            parts.append(node.toxml())
    return "\n".join(parts).encode("utf-8")


def _drop_blank_text(element: minidom.Element) -> None:
    """Remove indentation (whitespace between elements) so it can be written anew."""
    for child in list(element.childNodes):
        if isinstance(child, minidom.Text) and not child.data.strip():
            element.removeChild(child)
        elif isinstance(child, minidom.Element):
            _drop_blank_text(child)


def _producer(old: str) -> str:
    base = old.removesuffix(f"; {CREATOR}").strip()
    return f"{base}; {CREATOR}" if base and base != CREATOR else CREATOR


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _pdf_date(moment: datetime) -> str:
    """``D:YYYYMMDDHHmmSS+HH'mm'`` (ISO 32000-1, 7.9.4)."""
    moment = _aware(moment)
    offset = moment.strftime("%z")  # e.g. +0100
    return moment.strftime("D:%Y%m%d%H%M%S") + f"{offset[:3]}'{offset[3:]}'"


def _repair_pdf_date(value: str) -> str:
    # LibreOffice 7.4 writes UTC as "D:20261127032116Z'", which readers reject.
    return value.removesuffix("'") if value.endswith("Z'") else value


def _info_seed(info: PdfInfo, date: datetime | None) -> bytes:
    stamp = _aware(date).isoformat() if date is not None else ""
    return json.dumps([asdict(info), stamp], sort_keys=True).encode()


def _write(writer: PdfWriter, seed: list[bytes], first_id: bytes | None) -> bytes:
    digest = hashlib.sha256(b"\0".join(seed)).digest()[:16]
    # pypdf has no public setter for the trailer /ID; PDF/A needs one, and a
    # random one would make every build differ.
    writer._ID = ArrayObject([ByteStringObject(first_id or digest), ByteStringObject(digest)])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
