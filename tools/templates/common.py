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


KUNDE_ANSCHRIFT = (
    "{% if kunde.anschrift.zusatz %}{{ kunde.anschrift.zusatz }}, "
    "{% endif %}{{ kunde.anschrift.strasse }}, {{ kunde.anschrift.plz }} "
    "{{ kunde.anschrift.ort }}{% if kunde.anschrift.land != 'DE' %}, {{ land_name }}{% endif %}"
)
PROFIL_ANSCHRIFT = (
    "{% if profil.anschrift.zusatz %}{{ profil.anschrift.zusatz }}, "
    "{% endif %}{{ profil.anschrift.strasse }}, {{ profil.anschrift.plz }} "
    "{{ profil.anschrift.ort }}{% if profil.anschrift.land != 'DE' %}, "
    "{{ profil.anschrift.land }}{% endif %}"
)
PROFIL_NAME = (
    "{{ profil.name }}{% if profil.firma %}, handelnd unter „{{ profil.firma }}“{% endif %}"
)
SIE = "{{ a.sie }}"


def ds(du: str, sie: str) -> str:
    """The Du or the Sie wording of a verb or phrase, chosen when rendering."""
    return "{% if du %}" + du + "{% else %}" + sie + "{% endif %}"


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
    for kind, text in (
        ("begin", None),
        (None, code),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
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


def para(
    doc: Document | object,
    text: str = "",
    *,
    bold: bool = False,
    style: str | None = None,
    align: str | None = None,
    space_after: float | None = None,
) -> Paragraph:
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


def data_table(
    doc: Document, headers: list[str], cells: list[str], widths_mm: list[float], loop: str
) -> Table:
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


# --- Numbered contract clauses (§ 1, § 2 … with paragraphs (1), (2) …) -----------------------
# Word numbering, not typed numbers: a clause or paragraph removed by a ``{%p if %}`` tag, or one
# the assistant inserts in Word, renumbers the rest by itself. Added for the AVV and the NDA.

CLAUSE_STYLE = "Paragraf"
CLAUSE_PARA_STYLE = "Absatz"
CLAUSE_BULLET_STYLE = "Absatz Aufzählung"
_CLAUSE_INDENT = 567  # twips = 10 mm: text of a numbered paragraph
_BULLET_HANG = 284  # twips = 5 mm


def _numbering_ids(numbering: object) -> tuple[int, int]:
    el = numbering.element  # type: ignore[attr-defined]
    abstract = [int(a.get(qn("w:abstractNumId"))) for a in el.findall(qn("w:abstractNum"))]
    nums = [int(n.get(qn("w:numId"))) for n in el.findall(qn("w:num"))]
    return max(abstract, default=-1) + 1, max(nums, default=0) + 1


def _add_numbering(doc: Document, levels: list[dict[str, object]]) -> int:
    """Add an abstract numbering with ``levels`` and a concrete one; return its numId."""
    numbering = doc.part.numbering_part
    abstract_id, num_id = _numbering_ids(numbering)
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "multilevel" if len(levels) > 1 else "singleLevel")
    abstract.append(multi)
    for ilvl, spec in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        abstract.append(lvl)
        for tag, val in (
            ("w:start", "1"),
            ("w:numFmt", spec["fmt"]),
            ("w:pStyle", spec["style"]),
            ("w:suff", spec.get("suff", "tab")),
            ("w:lvlText", spec["text"]),
            ("w:lvlJc", "left"),
        ):
            child = OxmlElement(tag)
            child.set(qn("w:val"), str(val))
            lvl.append(child)
        ppr = OxmlElement("w:pPr")
        if spec.get("suff", "tab") == "tab":
            tabs = OxmlElement("w:tabs")
            tab = OxmlElement("w:tab")
            tab.set(qn("w:val"), "num")
            tab.set(qn("w:pos"), str(spec["left"]))
            tabs.append(tab)
            ppr.append(tabs)
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(spec["left"]))
        ind.set(qn("w:hanging"), str(spec["hanging"]))
        ppr.append(ind)
        lvl.append(ppr)
        if spec.get("font"):
            rpr = OxmlElement("w:rPr")
            fonts = OxmlElement("w:rFonts")
            for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(qn(attr), str(spec["font"]))
            fonts.set(qn("w:hint"), "default")
            rpr.append(fonts)
            lvl.append(rpr)
    existing = numbering.element.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
    else:
        numbering.element.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.element.append(num)
    return num_id


def _link_numbering(style: object, num_id: int, ilvl: int) -> None:
    ppr = style.element.get_or_add_pPr()  # type: ignore[attr-defined]
    num_pr = OxmlElement("w:numPr")
    if ilvl:
        lvl = OxmlElement("w:ilvl")
        lvl.set(qn("w:val"), str(ilvl))
        num_pr.append(lvl)
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(num)
    ppr.insert(0, num_pr)


def clause_styles(doc: Document) -> None:
    """Create the styles "Paragraf" (``§ 1 Titel``), "Absatz" (``(1) Text``, restarting under
    every §) and "Absatz Aufzählung" (bullets aligned with the paragraph text). Idempotent."""
    names = {s.name for s in doc.styles}
    if CLAUSE_STYLE in names:
        return
    heading_style = doc.styles.add_style(CLAUSE_STYLE, 1)
    heading_style.base_style = doc.styles["Heading 2"]
    heading_style.next_paragraph_style = doc.styles["Normal"]
    body = doc.styles.add_style(CLAUSE_PARA_STYLE, 1)
    body.base_style = doc.styles["Normal"]
    body.paragraph_format.space_after = Pt(5)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    bullet = doc.styles.add_style(CLAUSE_BULLET_STYLE, 1)
    bullet.base_style = doc.styles["Normal"]
    bullet.paragraph_format.space_after = Pt(2)
    heading_id = heading_style.element.get(qn("w:styleId"))
    body_id = body.element.get(qn("w:styleId"))
    bullet_id = bullet.element.get(qn("w:styleId"))
    clause_num = _add_numbering(
        doc,
        [
            {
                "fmt": "decimal",
                "style": heading_id,
                "text": "§ %1",
                "suff": "space",
                "left": 0,
                "hanging": 0,
            },
            {
                "fmt": "decimal",
                "style": body_id,
                "text": "(%2)",
                "left": _CLAUSE_INDENT,
                "hanging": _CLAUSE_INDENT,
            },
        ],
    )
    bullet_num = _add_numbering(
        doc,
        [
            {
                "fmt": "bullet",
                "style": bullet_id,
                "text": "–",
                "left": _CLAUSE_INDENT + _BULLET_HANG,
                "hanging": _BULLET_HANG,
            },
        ],
    )
    _link_numbering(heading_style, clause_num, 0)
    _link_numbering(body, clause_num, 1)
    _link_numbering(bullet, bullet_num, 0)


def clause(doc: Document, title: str) -> Paragraph:
    """A numbered clause heading: ``§ n`` is added by Word, ``title`` is the text after it."""
    clause_styles(doc)
    p = doc.add_paragraph(style=CLAUSE_STYLE)
    p.add_run(title)
    return p


def clause_para(doc: Document, text: str | list[tuple[str, bool]] = "") -> Paragraph:
    """A numbered paragraph ``(n)`` of the current clause; ``text`` or ``[(text, bold), …]``."""
    clause_styles(doc)
    p = doc.add_paragraph(style=CLAUSE_PARA_STYLE)
    for part, bold in [(text, False)] if isinstance(text, str) else text:
        if part:
            p.add_run(part).bold = bold
    return p


def clause_text(doc: Document, text: str) -> Paragraph:
    """An unnumbered paragraph aligned with the text of the numbered paragraphs."""
    p = para(doc, text, align="justify")
    p.paragraph_format.left_indent = Mm(10)
    return p


def clause_bullet(doc: Document, text: str) -> Paragraph:
    """One bullet aligned with the text of the numbered paragraphs."""
    clause_styles(doc)
    return doc.add_paragraph(text, style=CLAUSE_BULLET_STYLE)


def clause_bullets(doc: Document, loop: str, item: str) -> None:
    """Bullets repeated over ``loop`` (e.g. ``z in datenschutz.zwecke``), under a paragraph."""
    control(doc, "{%p for " + loop + " %}")
    clause_bullet(doc, item)
    control(doc, "{%p endfor %}")


_NBSP_AFTER = ("§ ", "§§ ", "Art. ", "Abs. ", "Nr. ", "Buchst. ", "Unterabs. ")


def keep_references_together(doc: Document) -> None:
    """Non-breaking spaces in legal references (``§ 203``, ``Art. 28 Abs. 3``) so that a line
    never ends after ``§`` or ``Abs.``. Call at the end of ``build()``; Jinja tags are untouched
    because none of them contains these abbreviations followed by a space."""

    def fix(paragraphs: list[Paragraph]) -> None:
        for p in paragraphs:
            for run in p.runs:
                text = run.text
                if any(a in text for a in _NBSP_AFTER):
                    for a in _NBSP_AFTER:
                        text = text.replace(a, a[:-1] + "\u00a0")
                    run.text = text

    fix(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                fix(cell.paragraphs)


def address_block_when(doc: Document, info_rows: list[tuple[str, ...]]) -> None:
    """Like :func:`address_block`, but a row given as ``(label, value, condition)`` is printed
    only when the Jinja ``condition`` holds (e.g. ``"kunde.ust_idnr"``); otherwise its line
    disappears without leaving a gap. Added for the order confirmation and the invoice."""
    address_block(doc, [(row[0], row[1]) for row in info_rows])
    info = doc.tables[-1].rows[0].cells[2]
    for row, p in zip(info_rows, list(info.paragraphs), strict=True):
        if len(row) < 3:
            continue
        p.insert_paragraph_before("{%p if " + row[2] + " %}")
        end = OxmlElement("w:p")
        p._p.addnext(end)
        Paragraph(end, p._parent).add_run("{%p endif %}")


def widen_info_block(doc: Document, width_mm: float = 75) -> None:
    """Widen the information block of the last :func:`address_block` into the right margin.

    DIN 5008 gives the block 75 mm (125 mm to 200 mm from the left edge), wider than the text
    area, so that long values such as an invoice period or an e-mail address fit on one line."""
    table = doc.tables[-1]
    widths = [85, 15, width_mm]
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = Mm(width)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
