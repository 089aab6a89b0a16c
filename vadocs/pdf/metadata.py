"""Post-processing of LibreOffice's PDFs: document metadata, language, merging.

Everything here is bytes → bytes and deterministic: the same input gives the
same output, byte for byte (no clock, no random file identifier), so builds
can be compared and cached. The document information dictionary and the XMP
packet say the same thing, as PDF/A requires; the PDF/A identification that
LibreOffice wrote (``pdfaid:part``/``conformance``) is left untouched.

The work is done by qpdf (through pikepdf), which rewrites a 13-page PDF in a
few milliseconds; :func:`apply_metadata` and :func:`to_bytes` let other
post-processing steps (the e-invoice) edit the same open document.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String

from vadocs.i18n import _
from vadocs.pdf.xmp import XmpProperty, update_xmp

__all__ = ["CREATOR", "PdfInfo", "apply_metadata", "merge", "pdf_text", "set_metadata", "to_bytes"]

CREATOR = "vadocs"

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
# LibreOffice stamps the sRGB profile of its output intent with the clock (ICC
# header bytes 24-35); we stamp it 2000-01-01 00:00:00 so reruns give the same bytes.
_ICC_DATE = slice(24, 36)
_ICC_FIXED_DATE = b"".join(n.to_bytes(2, "big") for n in (2000, 1, 1, 0, 0, 0))


@dataclass(frozen=True)
class PdfInfo:
    """What a PDF says about itself (document properties in a PDF viewer)."""

    title: str
    author: str
    subject: str
    keywords: str = ""
    language: str = "de-DE"


def set_metadata(pdf_bytes: bytes, info: PdfInfo, *, date: datetime | None = None) -> bytes:
    """Return ``pdf_bytes`` with title, author, subject, keywords and language set.

    ``date`` becomes creation and modification date; without it the creation
    date LibreOffice wrote is kept. LibreOffice's random file identifier,
    checksum and profile time stamp are dropped; the identifier is derived from
    the content, so the same document converted twice gives the same bytes.
    """
    with pikepdf.open(io.BytesIO(pdf_bytes), inherit_page_attributes=False) as pdf:
        apply_metadata(pdf, info, date=date)
        return to_bytes(pdf)


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
        raise ValueError(_("merge needs one outline title per PDF, and at least one PDF"))
    with contextlib.ExitStack() as stack:
        # qpdf reads the parts' stream data only when writing: keep them open until then.
        parts = [
            stack.enter_context(pikepdf.open(io.BytesIO(pdf), inherit_page_attributes=False))
            for pdf in pdfs
        ]
        merged = stack.enter_context(pikepdf.new())
        items = [
            _append(merged, part, title) for part, title in zip(parts, outline_titles, strict=True)
        ]
        with merged.open_outline() as outline:
            outline.root.extend(items)
        first = parts[0]
        for key in ("/Metadata", "/OutputIntents"):
            if key in first.Root:
                merged.Root[key] = merged.copy_foreign(first.make_indirect(first.Root[key]))
        inherited = {k: v for k, v in first.docinfo.items() if k in _INHERITED}
        merged.docinfo = merged.make_indirect(Dictionary(inherited))
        merged.Root.PageMode = Name.UseOutlines
        apply_metadata(merged, info, date=date)
        return to_bytes(merged, min_version=first.pdf_version)


def pdf_text(pdf_bytes: bytes) -> str:
    """The text of all pages, one page after the other (for tests and checks)."""
    from pypdf import PdfReader  # imported here: a build without text extraction skips it

    reader = PdfReader(io.BytesIO(pdf_bytes))
    return "\n".join(page.extract_text() for page in reader.pages)


def apply_metadata(pdf: pikepdf.Pdf, info: PdfInfo, *, date: datetime | None = None) -> None:
    """Set the document information, /Lang and the XMP packet of ``pdf`` consistently."""
    producer = _set_docinfo(pdf, info, date)
    pdf.Root.Lang = String(info.language)
    preferences = pdf.Root.get("/ViewerPreferences")
    if not isinstance(preferences, Dictionary):
        preferences = pdf.Root.ViewerPreferences = Dictionary()
    # Viewers then show the title, not the file name.
    preferences.DisplayDocTitle = True
    metadata = pdf.Root.get("/Metadata")
    if isinstance(metadata, pikepdf.Stream):
        owned = _OWNED | (_OWNED_DATES if date is not None else set())
        properties = _xmp_properties(info, producer, date)
        metadata.write(update_xmp(metadata.read_bytes(), owned, properties))
    _settle_output_profiles(pdf)


def to_bytes(pdf: pikepdf.Pdf, *, min_version: str = "") -> bytes:
    """``pdf`` written reproducibly: its file identifier is an MD5 of what is written.

    LibreOffice's random /ID and its /DocChecksum are dropped first (qpdf would
    keep the first half of an existing /ID); PDF/A needs an /ID, qpdf writes one.
    """
    for key in ("/ID", "/DocChecksum"):
        if key in pdf.trailer:
            del pdf.trailer[key]
    buffer = io.BytesIO()
    # fix_metadata_version would re-serialise our XMP packet (dropping its padding).
    pdf.save(buffer, deterministic_id=True, min_version=min_version, fix_metadata_version=False)
    return buffer.getvalue()


def _set_docinfo(pdf: pikepdf.Pdf, info: PdfInfo, date: datetime | None) -> str:
    """Write the document information dictionary; return the producer."""
    old = dict(pdf.docinfo.items())
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
    fresh = {k: String(v) for k, v in entries.items() if v}
    pdf.docinfo = pdf.make_indirect(Dictionary({**kept, **fresh}))
    return producer


def _settle_output_profiles(pdf: pikepdf.Pdf) -> None:
    """Give each output intent's ICC profile a fixed date (see ``_ICC_FIXED_DATE``)."""
    for intent in pdf.Root.get("/OutputIntents", Array()):
        profile = intent.get("/DestOutputProfile") if isinstance(intent, Dictionary) else None
        if not isinstance(profile, pikepdf.Stream):
            continue
        icc = profile.read_bytes()
        # An ICC profile ("acsp") whose profile ID (an MD5 over the date) is unset.
        if icc[36:40] == b"acsp" and not any(icc[84:100]) and icc[_ICC_DATE] != _ICC_FIXED_DATE:
            profile.write(icc[:24] + _ICC_FIXED_DATE + icc[36:])


def _append(merged: pikepdf.Pdf, part: pikepdf.Pdf, title: str) -> OutlineItem:
    """Copy ``part``'s pages to the end of ``merged``; its bookmark, with its own nested."""
    offset = len(merged.pages)
    merged.pages.extend(part.pages)
    copies = {}
    for index, page in enumerate(part.pages):
        copy = merged.pages[offset + index].obj
        # The parts' structure trees are not carried over: drop the pages' keys into them.
        if "/StructParents" in copy:
            del copy.StructParents
        copies[page.obj.objgen] = copy
    item = OutlineItem(title, offset)
    item.children.extend(_carried(pikepdf.Outline(part).root, copies))
    return item


def _carried(
    items: list[OutlineItem], copies: dict[tuple[int, int], Dictionary]
) -> list[OutlineItem]:
    """Outline ``items`` of a part, pointing at the copies of their pages.

    LibreOffice writes explicit destinations (``[page /XYZ left top zoom]``);
    anything else (a named destination, another action) goes to the part's first page.
    """
    carried = []
    for item in items:
        target: object = item.destination
        if target is None and item.action is not None and item.action.get("/S") == Name.GoTo:
            target = item.action.get("/D")
        view = [target[i] for i in range(len(target))] if isinstance(target, Array) else []
        page = copies.get(view[0].objgen) if view and isinstance(view[0], Dictionary) else None
        rest = view[1:] if page is not None else [Name.Fit]
        if page is None:
            page = next(iter(copies.values()))
        new = OutlineItem(item.title, Array([page, *rest]))
        new.children.extend(_carried(item.children, copies))
        carried.append(new)
    return carried


def _xmp_properties(info: PdfInfo, producer: str, date: datetime | None) -> list[XmpProperty]:
    candidates = [
        XmpProperty("dc", "title", "alt", info.title),
        XmpProperty("dc", "creator", "seq", info.author),
        XmpProperty("dc", "description", "alt", info.subject),
        XmpProperty("dc", "language", "bag", info.language),
        XmpProperty("pdf", "Producer", "text", producer),
        XmpProperty("pdf", "Keywords", "text", info.keywords),
        XmpProperty("xmp", "CreatorTool", "text", CREATOR),
    ]
    if date is not None:
        stamp = _aware(date).isoformat()
        candidates += [
            XmpProperty("xmp", name, "text", stamp)
            for name in ("CreateDate", "ModifyDate", "MetadataDate")
        ]
    return [p for p in candidates if p.value]


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
