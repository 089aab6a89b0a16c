"""Mahnung: Zahlungserinnerung, 1. and 2. Mahnung for one open invoice.

Checklist: vadocs/data/coverage/mahnung.yaml (§ 286 BGB default, § 288 Abs. 1, 2 BGB
interest, § 288 Abs. 5 BGB flat fee). The template prints the statement decided in
:mod:`vadocs.dunning.claim`; it never computes money or dates itself.
"""

from __future__ import annotations

from common import (
    SIE,
    address_block_when,
    control,
    data_table,
    ds,
    fixed_widths,
    keep_references_together,
    letterhead,
    new_document,
    no_borders,
    para,
    subject,
    widen_info_block,
)
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from rechnung import IBAN

IHNEN = "{{ a.ihnen }}"
NUMMERN = (
    "{% for p in mahnung.posten %}{{ p.nummer }}{% if not loop.last %}, {% endif %}{% endfor %}"
)


def _right(cell: _Cell) -> None:
    for p in cell.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _row(table: Table, label: str, amount: str | None = None, *, bold: bool = False) -> None:
    """One row of the statement; a row without ``amount`` holds a ``{%tr … %}`` tag."""
    left, right = table.add_row().cells
    run = left.paragraphs[0].add_run(label)
    run.bold = bold
    if amount is None:
        return
    right.paragraphs[0].add_run(amount).bold = bold
    _right(right)
    for c in (left, right):
        c.paragraphs[0].paragraph_format.space_after = Pt(1)


def _opening(doc: Document) -> None:
    control(doc, "{%p if mahnung.stufe == 0 %}")
    para(
        doc,
        "sicher ist es " + IHNEN + " im Alltag nur durchgerutscht: Die folgende Rechnung ist "
        "fällig, bei mir aber noch nicht (vollständig) bezahlt.",
        align="justify",
    )
    control(doc, "{%p elif mahnung.stufe == 1 %}")
    para(
        doc,
        "leider konnte ich auf meine Zahlungserinnerung"
        "{% for v in mahnung.vorherige %} vom {{ v.datum|datum }}{% endfor %} bisher keinen "
        "Zahlungseingang feststellen. Die folgende Rechnung ist weiterhin offen:",
        align="justify",
    )
    control(doc, "{%p else %}")
    para(
        doc,
        "trotz meiner Schreiben{% for v in mahnung.vorherige %} vom {{ v.datum|datum }}"
        "{% if not loop.last %} und{% endif %}{% endfor %} ist die folgende Rechnung noch "
        "immer nicht bezahlt. Dies ist meine letzte Mahnung.",
        align="justify",
    )
    control(doc, "{%p endif %}")


def _invoices(doc: Document) -> None:
    table = data_table(
        doc,
        ["Rechnung Nr.", "Rechnungsdatum", "fällig am", "Rechnungsbetrag", "offen"],
        [
            "{{ p.nummer }}",
            "{{ p.datum|datum }}",
            "{{ p.faellig|datum }}",
            "{{ p.betrag|euro }}",
            "{{ p.offen|euro }}",
        ],
        [35, 32, 28, 35, 35],
        "p in mahnung.posten",
    )
    for row in (0, 2):
        for col in (3, 4):
            _right(table.cell(row, col))
    para(doc, "", space_after=4)


def _default(doc: Document) -> None:
    control(doc, "{%p if mahnung.verzug %}")
    para(
        doc,
        SIE + " " + ds("bist", "sind") + " seit dem {{ mahnung.verzug.beginn|datum_lang }} "
        "mit der Zahlung in Verzug; Grund: {{ mahnung.verzug.grund }}.",
        align="justify",
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p if mahnung.zinsabschnitte %}")
    para(
        doc,
        "Verzugszinsen nach § 288 Abs. {% if mahnung.unternehmen %}2{% else %}1{% endif %} "
        "BGB ({{ mahnung.zinsaufschlag|zahl }} Prozentpunkte über dem Basiszinssatz nach "
        "§ 247 BGB) auf den offenen Betrag von {{ mahnung.offen|euro }}, taggenau "
        "(Jahr zu 365 bzw. 366 Tagen):",
        align="justify",
    )
    table = data_table(
        doc,
        ["Zeitraum", "Tage", "Basiszinssatz", "Zinssatz", "Zinsen"],
        [
            "{{ z.von|datum }} – {{ z.bis|datum }}",
            "{{ z.tage }}",
            "{{ z.basiszins|prozent }}",
            "{{ z.zinssatz|prozent }}",
            "{{ z.betrag|euro }}",
        ],
        [55, 20, 30, 30, 30],
        "z in mahnung.zinsabschnitte",
    )
    for row in (0, 2):
        for col in (1, 2, 3, 4):
            _right(table.cell(row, col))
    para(doc, "", space_after=4)
    control(doc, "{%p endif %}")


def _statement(doc: Document) -> None:
    para(doc, "Forderungsaufstellung", bold=True, space_after=2)
    table = doc.add_table(rows=0, cols=2)
    no_borders(table)
    _row(table, "Offener Rechnungsbetrag", "{{ mahnung.offen|euro }}")
    _row(table, "{%tr if mahnung.zinsen %}")
    _row(
        table,
        "Verzugszinsen {{ mahnung.zinsen_von|datum }} – {{ mahnung.zinsen_bis|datum }}",
        "{{ mahnung.zinsen|euro }}",
    )
    _row(table, "{%tr endif %}")
    _row(table, "{%tr if mahnung.pauschale %}")
    _row(table, "Verzugspauschale nach § 288 Abs. 5 BGB", "{{ mahnung.pauschale|euro }}")
    _row(table, "{%tr endif %}")
    _row(table, "{%tr if mahnung.gebuehren %}")
    _row(table, "Mahngebühren", "{{ mahnung.gebuehren|euro }}")
    _row(table, "{%tr endif %}")
    _row(table, "Gesamtforderung", "{{ mahnung.gesamt|euro }}", bold=True)
    fixed_widths(table, [125, 40])
    control(doc, "{%p if mahnung.pauschale %}")
    para(
        doc,
        "Die Pauschale von 40 € nach § 288 Abs. 5 BGB fällt je Rechnung nur einmal an und "
        "wird auf Kosten der Rechtsverfolgung angerechnet{% if mahnung.gebuehr %}; die "
        "Mahngebühren sind mit ihr verrechnet{% endif %}.",
        style="Klein",
    )
    control(doc, "{%p endif %}")
    para(doc, "", space_after=4)


def _payment(doc: Document) -> None:
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    fixed_widths(table, [120, 45])
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    first.add_run(
        "Bitte " + ds("überweise", "überweisen Sie") + " den offenen Rechnungsbetrag von "
        "{{ mahnung.offen|euro }}{% if mahnung.nebenforderungen %} und die Nebenforderungen "
        "von {{ mahnung.nebenforderungen|euro }}, zusammen {{ mahnung.gesamt|euro }},"
        "{% endif %} bis zum {{ mahnung.frist|datum_lang }} auf dieses Konto:"
    )
    first.paragraph_format.space_after = Pt(4)
    rows = [
        ("Kontoinhaberin", "{{ profil.bank.kontoinhaberin or profil.name }}", None),
        ("IBAN", IBAN, None),
        ("BIC", "{{ profil.bank.bic }}", "profil.bank.bic"),
        ("Bank", "{{ profil.bank.bank }}", None),
        ("Verwendungszweck", NUMMERN, None),
    ]
    for label, value, when in rows:
        if when:
            left.add_paragraph("{%p if " + when + " %}")
        p = left.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.tab_stops.add_tab_stop(Mm(35))
        p.add_run(label + ":\t")
        p.add_run(value).bold = label in ("IBAN", "Verwendungszweck")
        if when:
            left.add_paragraph("{%p endif %}")
    image = right.paragraphs[0]
    image.alignment = WD_ALIGN_PARAGRAPH.CENTER
    image.add_run("{{ girocode }}")
    right.add_paragraph("{%p if girocode %}")
    caption = right.add_paragraph(style="Klein")
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.add_run("GiroCode über den")
    caption.add_run().add_break()
    caption.add_run("offenen Rechnungsbetrag")
    right.add_paragraph("{%p endif %}")


def _closing(doc: Document) -> None:
    control(doc, "{%p if mahnung.stufe == 2 %}")
    para(
        doc,
        "Geht die Zahlung bis zu diesem Tag nicht ein, werde ich die Forderung ohne weitere "
        "Ankündigung gerichtlich geltend machen (gerichtliches Mahnverfahren); die Kosten "
        "dafür " + ds("trägst Du", "tragen Sie") + " als Verzugsschaden (§§ 280, 286 BGB).",
        align="justify",
    )
    control(doc, "{%p endif %}")
    para(
        doc,
        "Falls sich " + ds("Deine", "Ihre") + " Zahlung mit diesem Schreiben überschnitten "
        "hat, " + ds("betrachte", "betrachten Sie") + " es bitte als gegenstandslos.",
        align="justify",
    )
    p = para(doc, "{% if du %}Viele Grüße{% else %}Mit freundlichen Grüßen{% endif %}")
    p.paragraph_format.space_before = Pt(8)
    para(doc, "{{ profil.name }}", space_after=10)
    para(
        doc,
        "Dieses Schreiben ist keine Rechnung. Zinsen und Kosten sind Schadensersatz und "
        "enthalten keine Umsatzsteuer.",
        style="Klein",
    )


def build() -> Document:
    doc = new_document("Mahnung", "Zahlungserinnerung und Mahnung")
    letterhead(doc)
    address_block_when(
        doc,
        [
            ("Datum", "{{ mahnung.datum|datum }}"),
            ("Rechnung Nr.", NUMMERN),
            ("Kundennummer", "{{ dokument.kuerzel }}"),
            ("Steuernummer", "{{ profil.steuernummer }}", "profil.steuernummer"),
            ("E-Mail", "{{ profil.kontakt.email }}"),
        ],
    )
    widen_info_block(doc)
    subject(doc, "{{ mahnung.titel }} – Rechnung Nr. " + NUMMERN)
    para(doc, "{{ briefanrede }}", space_after=10)
    _opening(doc)
    _invoices(doc)
    _default(doc)
    _statement(doc)
    _payment(doc)
    _closing(doc)
    keep_references_together(doc)
    return doc
