"""The text of Word story parts, block by block: for ``vadocs text`` and for reading renders.

Two views: *markup* shows what an editor needs to review a template (paragraph
styles in brackets, tables as ``| cell | cell |``, tracked changes as
``[-deleted-]`` / ``{+inserted+}``, images); *reader* is what a client reads in the
finished document (deletions left out, cells separated by tabs).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lxml import etree  # type: ignore[import-untyped]

from vadocs.checks.docx_parts import Part, w

_CELL_BREAK = " ¶ "


def reader_text(parts: Sequence[Part]) -> str:
    """The text of ``parts`` as a reader sees it (body, then headers and footers)."""
    out: list[str] = []
    for part in parts:
        if part.label != "body":
            out.append(f"=== {part.label} ===")
        out += _blocks(part, markup=False)
    return "\n".join(out) + "\n"


def markup_text(parts: Sequence[Part]) -> list[str]:
    """The lines of ``parts`` for reviewing a template, each part under a ``=== label ===``."""
    out: list[str] = []
    for part in parts:
        out.append(f"=== {part.label} ===")
        out += _blocks(part, markup=True)
    return out


def _blocks(part: Part, markup: bool) -> Iterator[str]:
    container = part.root.find(w("body"))
    yield from _children(part.root if container is None else container, markup)


def _children(container: etree._Element, markup: bool) -> Iterator[str]:
    for el in container:
        if el.tag == w("p"):
            yield _paragraph(el, markup)
        elif el.tag == w("tbl"):
            yield from _table(el, markup)
        elif el.tag == w("sdt"):
            content = el.find(w("sdtContent"))
            if content is not None:
                yield from _children(content, markup)


def _table(tbl: etree._Element, markup: bool) -> Iterator[str]:
    for row in tbl.iter(w("tr")):
        if row.getparent() is not tbl:
            continue
        cells = [c for c in row if c.tag == w("tc")]
        if not markup:
            yield "\t".join("\n".join(_children(c, markup)) for c in cells)
            continue
        texts = [_CELL_BREAK.join(_children(c, markup)).replace("\n", " ") for c in cells]
        yield "| " + " | ".join(texts) + " |"


def _paragraph(p: etree._Element, markup: bool) -> str:
    text = "".join(_runs(p, markup))
    style = p.find(f"{w('pPr')}/{w('pStyle')}")
    if markup and style is not None and style.get(w("val")) not in (None, "Normal"):
        return f"[{style.get(w('val'))}] {text}"
    return text


def _runs(el: etree._Element, markup: bool) -> Iterator[str]:
    for child in el:
        tag = child.tag
        if tag == w("r"):
            yield from _run(child, markup)
        elif tag in (w("del"), w("moveFrom")):
            if markup:
                yield "[-" + "".join(_runs(child, markup)) + "-]"
        elif tag in (w("ins"), w("moveTo")):
            inner = "".join(_runs(child, markup))
            yield "{+" + inner + "+}" if markup else inner
        elif tag in (
            w("hyperlink"),
            w("smartTag"),
            w("fldSimple"),
            w("sdt"),
            w("sdtContent"),
            w("customXml"),
        ):
            yield from _runs(child, markup)


def _run(r: etree._Element, markup: bool) -> Iterator[str]:
    for child in r:
        tag = child.tag
        if tag == w("t") or (markup and tag == w("delText")):
            yield child.text or ""
        elif tag == w("tab"):
            yield "\t"
        elif tag in (w("br"), w("cr")):
            yield "\n"
        elif tag != w("rPr") and tag != w("instrText"):
            yield from _embedded(child, markup)


def _embedded(el: etree._Element, markup: bool) -> Iterator[str]:
    """A drawing in a run: its text box's text, or ``[image]`` in the markup view."""
    box = next(el.iter(w("txbxContent")), None)  # the first: Word stores it twice (VML too)
    if box is not None:
        inner = " / ".join(_children(box, markup))
        yield f"[text box: {inner}]" if markup else "\n" + inner + "\n"
    elif markup and (
        el.tag in (w("drawing"), w("pict")) or next(el.iter(w("drawing")), None) is not None
    ):
        yield "[image]"
