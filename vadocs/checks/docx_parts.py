"""A .docx as the checks see it: its zip members, its XML parts and their paragraphs.

Every check locates what it finds the same way: the part (body, header, footer),
the paragraph or table cell, and a snippet of the text around it, so that the
assistant can find the place in Word with Ctrl+F.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from io import BytesIO
from pathlib import Path, PurePosixPath

from lxml import etree  # type: ignore[import-untyped]

from vadocs.i18n import N_, _, os_error

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_STORY_TYPES = ("header", "footer", "footnotes")
_PART_NAMES = (N_("body"), N_("header"), N_("footer"), N_("footnotes"))
_SPACES = re.compile(r"\s+")


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: ``w("p")``."""
    return f"{{{W_NS}}}{tag}"


class PackageError(Exception):
    """The file is not a readable zip package with a main document part."""


@dataclass(frozen=True)
class Part:
    """One XML part holding text: the body, a header, a footer or the footnotes."""

    name: str
    """Zip member name, e.g. ``word/footer1.xml``."""
    label: str
    """What the assistant calls it: ``body``, ``header 1``, ``footer 1``, ``footnotes``."""
    root: etree._Element


@dataclass(frozen=True)
class Paragraph:
    """A ``w:p`` with its visible text and where its ``w:t`` pieces sit in that text."""

    part: Part
    element: etree._Element
    index: int
    """Position among all paragraphs of the part (document order, 0-based)."""
    where: str
    """``paragraph 12`` or ``table 2, row 3, cell 1``."""
    text: str
    segments: tuple[tuple[etree._Element, int, int], ...] = field(repr=False)
    """``(w:t element, start, end)`` offsets into :attr:`text`."""

    def location(self, start: int = 0, end: int | None = None) -> str:
        """``body, paragraph 12 "…snippet…"`` around ``text[start:end]``."""
        if not self.text.strip():
            gone = "".join(t.text or "" for t in self.element.iter(w("delText")))
            if gone.strip():
                deleted = _("deleted: {text}").format(text=snippet(gone))
                return f'{shown_label(self.part.label)}, {self.where} "[{deleted}]"'
        return f'{shown_label(self.part.label)}, {self.where} "{snippet(self.text, start, end)}"'

    @property
    def cell(self) -> etree._Element | None:
        return _ancestor(self.element, w("tc"))


def snippet(text: str, start: int = 0, end: int | None = None, width: int = 60) -> str:
    """The text around ``text[start:end]``, one line, at most about ``width`` characters."""
    end = len(text) if end is None else end
    if end - start >= width:
        piece = text[start : start + width] + "…"
    else:
        pad = (width - (end - start)) // 2
        lo, hi = max(0, start - pad), min(len(text), end + pad)
        piece = ("…" if lo > 0 else "") + text[lo:hi] + ("…" if hi < len(text) else "")
    return _SPACES.sub(" ", piece).strip()


def _ancestor(el: etree._Element, tag: str) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == tag:
            return parent
        parent = parent.getparent()
    return None


def owning_paragraph(el: etree._Element) -> etree._Element | None:
    return _ancestor(el, w("p"))


class DocxPackage:
    """The members of a .docx, parsed on demand (strictly: a malformed part raises)."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                self.files = {i.filename: archive.read(i) for i in archive.infolist()}
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            # the zip library's reason ("File is not a zip file") says no more, in English
            raise PackageError(
                _("not a zip package: the file is damaged or no Word file")
            ) from None
        if "[Content_Types].xml" not in self.files or self.main_name not in self.files:
            raise PackageError(_("no main document part (word/document.xml)"))
        self._trees: dict[str, etree._Element] = {}

    @classmethod
    def open(cls, path: Path) -> DocxPackage:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PackageError(
                _("cannot be read ({strerror})").format(strerror=os_error(exc))
            ) from None
        return cls(path, data)

    @cached_property
    def main_name(self) -> str:
        rels = self.files.get("_rels/.rels")
        if rels is not None:
            try:
                root = etree.fromstring(rels)
            except etree.XMLSyntaxError:
                return "word/document.xml"
            for rel in root.iter(f"{{{REL_NS}}}Relationship"):
                if rel.get("Type") == OFFICE_DOCUMENT:
                    return str(rel.get("Target", "word/document.xml")).lstrip("/")
        return "word/document.xml"

    def xml(self, name: str) -> etree._Element:
        """The parsed part ``name``; raises :class:`lxml.etree.XMLSyntaxError` if malformed."""
        if name not in self._trees:
            self._trees[name] = etree.fromstring(self.files[name])
        return self._trees[name]

    def xml_names(self) -> list[str]:
        return [n for n in self.files if n.endswith((".xml", ".rels"))]

    def story_parts(self) -> list[Part]:
        """The body first, then headers, footers and footnotes (the parts docxtpl renders)."""
        parts = [Part(self.main_name, "body", self.xml(self.main_name))]
        folder = PurePosixPath(self.main_name).parent
        for name in sorted(self.files, key=_natural):
            kind = PurePosixPath(name).stem.rstrip("0123456789")
            if PurePosixPath(name).parent == folder and kind in _STORY_TYPES \
                    and name.endswith(".xml"):  # fmt: skip
                parts.append(Part(name, part_label(name), self.xml(name)))
        return parts

    def paragraphs(self, part: Part) -> list[Paragraph]:
        return _paragraphs(part)


def part_label(name: str) -> str:
    """``word/footer1.xml`` → ``footer 1``; the main document part is ``body``."""
    stem = PurePosixPath(name).stem
    kind = stem.rstrip("0123456789")
    if kind not in _STORY_TYPES:
        return "body"
    return f"{kind} {stem[len(kind) :]}".strip()


def shown_label(label: str) -> str:
    """A part label as the assistant reads it: ``footer 1`` → ``Fußzeile 1`` in German."""
    if label.startswith("document property "):
        return _("document property {name}").format(name=label.removeprefix("document property "))
    kind, _space, number = label.partition(" ")
    if kind not in (*_STORY_TYPES, "body"):
        return label
    return f"{_(kind)} {number}".strip()


def _natural(name: str) -> tuple[str, int]:
    m = re.match(r"(.*?)(\d+)\.xml$", name)
    return (m.group(1), int(m.group(2))) if m else (name, 0)


def _paragraphs(part: Part) -> list[Paragraph]:
    tables = {t: i for i, t in enumerate(part.root.iter(w("tbl")), start=1)}
    out: list[Paragraph] = []
    loose = 0
    for index, p in enumerate(part.root.iter(w("p"))):
        cell = _ancestor(p, w("tc"))
        if cell is None:
            loose += 1
            where = _("paragraph {n}").format(n=loose)
        else:
            where = _cell_name(cell, tables)
        text, segments = paragraph_text(p)
        out.append(Paragraph(part, p, index, where, text, segments))
    return out


def _cell_name(cell: etree._Element, tables: dict[etree._Element, int]) -> str:
    row = cell.getparent()
    table = row.getparent() if row is not None else None
    if row is None or table is None or table not in tables:
        return _("table cell")
    rows = [r for r in table if r.tag == w("tr")]
    cells = [c for c in row if c.tag == w("tc")]
    return _("table {table}, row {row}, cell {cell}").format(
        table=tables[table], row=rows.index(row) + 1, cell=cells.index(cell) + 1
    )


def paragraph_text(p: etree._Element) -> tuple[str, tuple[tuple[etree._Element, int, int], ...]]:
    """Visible text of ``p`` (without nested paragraphs of text boxes and without deletions)."""
    pieces: list[str] = []
    segments: list[tuple[etree._Element, int, int]] = []
    length = 0
    for el in p.iter(w("t"), w("tab"), w("br"), w("cr")):
        if owning_paragraph(el) is not p:
            continue
        if el.tag == w("t"):
            value = el.text or ""
            segments.append((el, length, length + len(value)))
        elif el.tag == w("tab"):
            if el.getparent() is not None and el.getparent().tag != w("r"):
                continue  # a tab stop definition in w:pPr/w:tabs
            value = "\t"
        else:
            value = "\n"
        pieces.append(value)
        length += len(value)
    return "".join(pieces), tuple(segments)
