"""Shared building blocks for generating the Word templates with python-docx.

The generated .docx files in ``templates_de/`` are the source the assistant edits
afterwards in Word or LibreOffice; this generator only made their first version.
Layout after DIN 5008 (form B): A4, left margin 25 mm, right 20 mm, address field
85 × 45 mm, information block at 125 mm from the left edge.
"""

from __future__ import annotations

from docx import Document as new_docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Arial"  # metric-compatible with Liberation Sans, which LibreOffice uses and embeds
BASE_SIZE = Pt(10.5)
GREY = RGBColor(0x55, 0x55, 0x55)


def new_document(title: str, subject: str) -> Document:
    """An empty A4 document with our styles, German language and a page-number footer."""
    doc = new_docx()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(22)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    _styles(doc)
    _footer(doc)
    props = doc.core_properties
    props.title, props.subject, props.language = title, subject, "de-DE"
    props.author = "{{ profil.name }}"
    props.keywords = ""
    props.comments = "Erstellt mit vadocs"
    return doc


def _styles(doc: Document) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, BASE_SIZE
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    _set_language(doc)
    for name, size in (("Title", 16), ("Heading 1", 12.5), ("Heading 2", 11), ("Heading 3", 10.5)):
        style = styles[name]
        style.font.name, style.font.size = FONT, Pt(size)
        style.font.bold, style.font.color.rgb = True, RGBColor(0, 0, 0)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(10 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
        srpr = style.element.get_or_add_rPr()
        sfonts = srpr.find(qn("w:rFonts"))
        if sfonts is None:
            sfonts = OxmlElement("w:rFonts")
            srpr.append(sfonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            sfonts.set(qn(attr), FONT)
        for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if sfonts.get(qn(theme_attr)) is not None:
                del sfonts.attrib[qn(theme_attr)]
    small = styles.add_style("Klein", 1)
    small.base_style = normal
    small.font.size = Pt(8)
    small.font.color.rgb = GREY


def _set_language(doc: Document) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    targets = [doc.styles["Normal"].element.get_or_add_rPr()]
    if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
        targets.append(rpr_default.find(qn("w:rPr")))
    for rpr in targets:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "de-DE")
        lang.set(qn("w:eastAsia"), "de-DE")
        lang.set(qn("w:bidi"), "ar-SA")
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "de-DE")


def _field(paragraph: Paragraph, code: str) -> None:
    """Insert a Word field (PAGE, NUMPAGES) as a complex field, which both Word and LO update."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == code:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {code} "
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def _footer(doc: Document) -> None:
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.style = doc.styles["Klein"]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("{{ dokument.titel }} · {{ profil.anzeigename }} · Seite ")
    _field(p, "PAGE")
    p.add_run(" von ")
    _field(p, "NUMPAGES")


def para(doc: Document | object, text: str = "", *, bold: bool = False, style: str | None = None,
         align: str | None = None, space_after: float | None = None) -> Paragraph:
    """A paragraph; ``text`` may contain Jinja tags (keep each tag inside one call)."""
    p = doc.add_paragraph(style=style)  # type: ignore[attr-defined]
    if text:
        run = p.add_run(text)
        run.bold = bold
    if align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "justify":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def rich(doc: Document, parts: list[tuple[str, bool]], style: str | None = None) -> Paragraph:
    """A paragraph of runs, each ``(text, bold)``."""
    p = doc.add_paragraph(style=style)
    for text, bold in parts:
        p.add_run(text).bold = bold
    return p


def control(doc: Document, tag: str) -> Paragraph:
    """A paragraph holding only a docxtpl paragraph tag such as ``{%p if du %}``.

    docxtpl removes the whole paragraph, so nothing else may stand in it.
    """
    return doc.add_paragraph(tag)


def bullets(doc: Document, loop: str, item: str, *, style: str = "List Bullet") -> None:
    """A bulleted list repeated over ``loop`` (e.g. ``z in auftrag.ziele``)."""
    control(doc, "{%p for " + loop + " %}")
    doc.add_paragraph(item, style=style)
    control(doc, "{%p endfor %}")


def heading(doc: Document, text: str, level: int = 1) -> Paragraph:
    return doc.add_heading(text, level=level)


def page_break(doc: Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def fixed_widths(table: Table, widths_mm: list[float]) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(width).twips)))


def letterhead(doc: Document) -> None:
    """Sender line at the top: logo (if the profile names one) and the business name."""
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    fixed_widths(table, [110, 55])
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run("{{ profil.anzeigename }}").bold = True
    left.paragraphs[0].runs[0].font.size = Pt(14)
    left.add_paragraph("{{ profil.berufsbezeichnung }}", style="Klein")
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    right.paragraphs[0].add_run("{{ logo }}")
    row = table.rows[0]
    row.height, row.height_rule = Mm(22), WD_ROW_HEIGHT_RULE.AT_LEAST


def address_block(doc: Document, info_rows: list[tuple[str, str]]) -> None:
    """DIN 5008 address field (85 × 45 mm) and the information block at 125 mm.

    The left margin is 25 mm; a 15 mm spacer column puts the block at 125 mm.
    ``info_rows`` are (label, Jinja expression) pairs, e.g. ("Datum", "{{ dokument.datum|datum }}").
    """
    table = doc.add_table(rows=1, cols=3)
    no_borders(table)
    fixed_widths(table, [85, 15, 65])
    row = table.rows[0]
    row.height, row.height_rule = Mm(45), WD_ROW_HEIGHT_RULE.EXACTLY
    field, _, info = row.cells
    sender = field.paragraphs[0]
    sender.style = doc.styles["Klein"]
    sender.add_run("{{ absender }}")
    sender.paragraph_format.space_after = Pt(8)
    field.add_paragraph("{%p for z in empfaenger %}")
    line = field.add_paragraph("{{ z }}")
    line.paragraph_format.space_after = Pt(0)
    field.add_paragraph("{%p endfor %}")
    first = True
    for label, value in info_rows:
        p = info.paragraphs[0] if first else info.add_paragraph()
        first = False
        p.paragraph_format.space_after = Pt(0)
        lab = p.add_run(f"{label}: ")
        lab.font.size, lab.font.color.rgb = Pt(8.5), GREY
        p.add_run(value).font.size = Pt(9.5)


def subject(doc: Document, text: str) -> Paragraph:
    """The subject line: bold, without the word "Betreff" (DIN 5008)."""
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.space_after = Pt(12)
    p.add_run(text).bold = True
    return p


def signature_block(doc: Document, left: list[str], right: list[str]) -> Table:
    """Two signature columns: place/date line, signature line, name lines below."""
    table = doc.add_table(rows=3, cols=2)
    no_borders(table)
    fixed_widths(table, [80, 85])
    for col, lines in enumerate((left, right)):
        top = table.cell(0, col).paragraphs[0]
        top.add_run(lines[0])
        sig = table.cell(1, col).paragraphs[0]
        sig.paragraph_format.space_before = Pt(28)
        sig.add_run("______________________________")
        names = table.cell(2, col)
        names.paragraphs[0].add_run(lines[1])
        for extra in lines[2:]:
            names.add_paragraph(extra, style="Klein")
    return table


def new_section_page(doc: Document) -> None:
    doc.add_section(WD_SECTION.NEW_PAGE)


def data_table(doc: Document, headers: list[str], cells: list[str], widths_mm: list[float],
               loop: str) -> Table:
    """A table with a header row and one row repeated by ``{%tr for loop %}``."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    fixed_widths(table, widths_mm)
    for i, h in enumerate(headers):
        run = table.cell(0, i).paragraphs[0].add_run(h)
        run.bold = True
        run.font.size = Pt(9)
    table.cell(1, 0).paragraphs[0].add_run("{%tr for " + loop + " %}")
    for i, c in enumerate(cells):
        table.cell(2, i).paragraphs[0].add_run(c).font.size = Pt(9)
    table.cell(3, 0).paragraphs[0].add_run("{%tr endfor %}")
    _repeat_header(table)
    return table


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)
