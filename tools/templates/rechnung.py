"""Rechnung: advance, monthly, final (with deductions) and cancellation invoices.

Checklist: LEGAL.md, section "Rechnung" (§ 14 Abs. 4 UStG fields, § 14 Abs. 5 UStG advance
payments, § 19 / § 13b UStG notes, § 286 Abs. 3 BGB for consumers). The template prints what
:mod:`vadocs.invoice` and :mod:`vadocs.tax` decided; it never computes money itself.
"""

from __future__ import annotations

from common import (
    SIE,
    address_block_when,
    control,
    data_table,
    ds,
    fixed_widths,
    heading,
    keep_references_together,
    letterhead,
    new_document,
    no_borders,
    page_break,
    para,
    subject,
    widen_info_block,
)
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell

IHNEN = "{{ a.ihnen }}"
STORNO = '{% if rechnung.art == "storno" %}'
KUNDE_ANSCHRIFT = (
    "{% if kunde.anschrift.zusatz %}{{ kunde.anschrift.zusatz }}, {% endif %}"
    "{{ kunde.anschrift.strasse }}, {{ kunde.anschrift.plz }} {{ kunde.anschrift.ort }}"
    '{% if kunde.anschrift.land != "DE" %}, {{ land_name }}{% endif %}'
)
PROFIL_ANSCHRIFT = (
    "{% if profil.anschrift.zusatz %}{{ profil.anschrift.zusatz }}, {% endif %}"
    "{{ profil.anschrift.strasse }}, {{ profil.anschrift.plz }} {{ profil.anschrift.ort }}"
)
# The IBAN in groups of four (DIN 5008), each group joined by a no-break space.
IBAN = (
    "{% for i in range(0, profil.bank.iban|length, 4) %}{{ profil.bank.iban[i:i + 4] }}"
    "{% if not loop.last %}\u00a0{% endif %}{% endfor %}"
)
SMALL = Pt(9)


def _right(cell: _Cell) -> None:
    for p in cell.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _top_border(cell: _Cell) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), "6")
    top.set(qn("w:space"), "0")
    top.set(qn("w:color"), "000000")
    borders.append(top)
    tc_pr.append(borders)


def _row(
    table: Table,
    label: str,
    amount: str | None = None,
    *,
    bold: bool = False,
    rule: bool = False,
    small: bool = False,
) -> None:
    """One row of the totals table; a row without ``amount`` holds a ``{%tr … %}`` tag."""
    cells = table.add_row().cells
    left, right = cells
    run = left.paragraphs[0].add_run(label)
    run.bold = bold
    if amount is None:
        return
    amount_run = right.paragraphs[0].add_run(amount)
    amount_run.bold = bold
    if small:
        run.font.size = amount_run.font.size = SMALL
    _right(left)
    _right(right)
    for c in cells:
        c.paragraphs[0].paragraph_format.space_after = Pt(0 if small else 1)
        c.paragraphs[0].paragraph_format.space_before = Pt(1)
        if rule:
            _top_border(c)


def _totals(doc: Document) -> None:
    table = doc.add_table(rows=0, cols=2)
    no_borders(table)
    _row(table, "{%tr if steuer.ausgewiesen %}")
    _row(table, "Nettobetrag", "{{ rechnung.netto|euro }}")
    _row(table, "{%tr for g in rechnung.steuergruppen %}")
    _row(table, "Umsatzsteuer {{ g.satz|prozent }} auf {{ g.netto|euro }}", "{{ g.ust|euro }}")
    _row(table, "{%tr endfor %}")
    _row(table, "{%tr endif %}")
    _row(
        table,
        'Gesamtbetrag{% if steuer.fall.value == "nicht_steuerbar" %} (im Inland nicht steuerbar)'
        '{% elif steuer.fall.value == "reverse_charge" %} (ohne Umsatzsteuer){% endif %}',
        "{{ rechnung.brutto|euro }}",
        bold=True,
        rule=True,
    )
    _row(table, "{%tr if rechnung.abzuege %}")
    _row(table, "{%tr for a in rechnung.abzuege %}")
    _row(
        table,
        STORNO + "Rückbuchung: {% else %}abzüglich {% endif %}{{ a.bezeichnung }}",
        "{{ (-a.brutto)|euro }}",
        small=True,
    )
    _row(table, "{%tr if steuer.ausgewiesen %}")
    _row(
        table,
        "(netto {{ a.netto|euro }} zuzüglich Umsatzsteuer {{ a.ust|euro }})",
        "",
        small=True,
    )
    _row(table, "{%tr endif %}")
    _row(table, "{%tr endfor %}")
    _row(table, "Zahlbetrag", "{{ rechnung.zahlbetrag|euro }}", bold=True, rule=True)
    _row(table, "{%tr endif %}")
    fixed_widths(table, [133, 32])


def _payment(doc: Document) -> None:
    control(doc, "{%p if rechnung.zahlbetrag > 0 %}")
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    fixed_widths(table, [120, 45])
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    first.add_run(
        "Bitte " + ds("überweise", "überweisen Sie") + " den Betrag von "
        "{{ rechnung.zahlbetrag|euro }} bis zum {{ rechnung.faellig|datum_lang }} ohne Abzug "
        "auf dieses Konto:"
    )
    first.paragraph_format.space_after = Pt(4)
    rows = [
        ("Kontoinhaberin", "{{ profil.bank.kontoinhaberin or profil.name }}", None),
        ("IBAN", IBAN, None),
        ("BIC", "{{ profil.bank.bic }}", "profil.bank.bic"),
        ("Bank", "{{ profil.bank.bank }}", None),
        ("Verwendungszweck", "{{ rechnung.nummer }}", None),
    ]
    for label, value, when in rows:
        if when:
            left.add_paragraph("{%p if " + when + " %}")
        p = left.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.tab_stops.add_tab_stop(Mm(35))
        p.add_run(label + ":\t").bold = False
        p.add_run(value).bold = label in ("IBAN", "Verwendungszweck")
        if when:
            left.add_paragraph("{%p endif %}")
    image = right.paragraphs[0]
    image.alignment = WD_ALIGN_PARAGRAPH.CENTER
    image.add_run("{{ girocode }}")
    right.add_paragraph("{%p if girocode %}")
    caption = right.add_paragraph(style="Klein")
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.add_run("GiroCode:")
    caption.add_run().add_break()
    caption.add_run("mit der Banking-App scannen")
    right.add_paragraph("{%p endif %}")
    control(doc, "{%p elif rechnung.zahlbetrag == 0 %}")
    para(
        doc,
        "Es ist kein Betrag zu zahlen{% if rechnung.abzuege %}: Der Rechnungsbetrag ist durch "
        "die Vorauszahlung ausgeglichen{% endif %}.",
    )
    control(doc, "{%p else %}")
    para(
        doc,
        STORNO + "Soweit " + SIE + " die Rechnung Nr. {{ rechnung.bezug_nummer }} bereits "
        "bezahlt " + ds("hast", "haben") + ", erstatte ich " + IHNEN + " "
        "{{ rechnung.zahlbetrag|abs|euro }} innerhalb von 14 Tagen auf das Konto, von dem die "
        "Zahlung kam; andernfalls ist sie nicht mehr zu bezahlen."
        "{% else %}Die Vorauszahlung übersteigt den Rechnungsbetrag. Das Guthaben von "
        "{{ rechnung.zahlbetrag|abs|euro }} erstatte ich " + IHNEN + " innerhalb von 14 Tagen "
        "auf das Konto, von dem die Zahlung kam.{% endif %}",
        align="justify",
    )
    control(doc, "{%p endif %}")


def _timesheet(doc: Document) -> None:
    control(doc, "{%p if rechnung.zeiten %}")
    page_break(doc)
    heading(doc, "Tätigkeitsnachweis", 1)
    para(
        doc,
        "zur {{ rechnung.titel }} Nr. {{ rechnung.nummer }} vom {{ rechnung.datum|datum }} · "
        "Leistungszeitraum {{ rechnung.leistung_von|datum }} – {{ rechnung.leistung_bis|datum }}",
        space_after=8,
    )
    table = data_table(
        doc,
        ["Datum", "Tätigkeit", "erfasst", "abgerechnet"],
        [
            "{{ z.datum|datum }}",
            "{{ z.taetigkeit|zeilen }}",
            "{{ z.minuten|dauer }}",
            "{{ z.abgerechnet_minuten|dauer }}",
        ],
        [24, 93, 22, 26],
        "z in rechnung.zeiten",
    )
    total = table.add_row().cells
    for i, text in enumerate(
        [
            "Summe",
            "",
            '{{ rechnung.zeiten|sum(attribute="minuten")|dauer }}',
            '{{ rechnung.zeiten|sum(attribute="abgerechnet_minuten")|dauer }}',
        ]
    ):
        if text:
            run = total[i].paragraphs[0].add_run(text)
            run.bold, run.font.size = True, SMALL
    for row in (0, 2, 4):
        for col in (2, 3):
            _right(table.cell(row, col))
    para(doc, "", space_after=4)
    para(
        doc,
        "Zeiten in Stunden:Minuten. Wie vereinbart, ist jeder Zeiteintrag auf volle "
        "{{ verguetung.taktung_minuten }} Minuten aufgerundet (Abrechnungstakt). Abgerechnet "
        "werden insgesamt {{ rechnung.stunden|stunden }} zum vereinbarten Stundensatz.",
        style="Klein",
    )
    control(doc, "{%p endif %}")


def build() -> Document:
    doc = new_document("Rechnung", "Rechnung virtuelle Assistenz")
    letterhead(doc)
    address_block_when(
        doc,
        [
            ("Rechnungsnummer", "{{ rechnung.nummer }}"),
            ("Rechnungsdatum", "{{ rechnung.datum|datum }}"),
            (
                "Leistungszeitraum",
                "{{ rechnung.leistung_von|datum }} – {{ rechnung.leistung_bis|datum }}",
            ),
            ("Kundennummer", "{{ dokument.kuerzel }}"),
            ("{{ a.ihre }} USt-IdNr.", "{{ kunde.ust_idnr }}", "kunde.ust_idnr"),
            ("Steuernummer", "{{ profil.steuernummer }}", "profil.steuernummer"),
            ("USt-IdNr.", "{{ profil.ust_idnr }}", "profil.ust_idnr"),
            ("E-Mail", "{{ profil.kontakt.email }}"),
        ],
    )
    widen_info_block(doc)
    subject(
        doc,
        "{{ rechnung.titel }} Nr. {{ rechnung.nummer }} – Virtuelle Assistenz "
        "{{ rechnung.zeitraum_text }}",
    )
    para(doc, "{{ briefanrede }}", space_after=10)
    control(doc, '{%p if rechnung.art == "vorauszahlung" %}')
    para(
        doc,
        "wie vereinbart berechne ich " + IHNEN + " mit dieser Rechnung eine Vorauszahlung für "
        "Leistungen, die ich im Zeitraum vom {{ rechnung.leistung_von|datum_lang }} bis "
        "{{ rechnung.leistung_bis|datum_lang }} erst noch erbringen werde (Rechnung über eine "
        "Vorauszahlung nach § 14 Abs. 5 UStG). In der Abrechnung dieses Zeitraums wird die "
        "Vorauszahlung{% if steuer.ausgewiesen %} mit ihrem Netto- und ihrem "
        "Umsatzsteuerbetrag{% endif %} vollständig abgezogen.",
        align="justify",
    )
    control(doc, '{%p elif rechnung.art == "storno" %}')
    para(
        doc,
        "mit dieser Stornorechnung storniere ich die Rechnung Nr. {{ rechnung.bezug_nummer }} "
        "vom {{ rechnung.bezug_datum|datum }} in voller Höhe. Alle Beträge der ursprünglichen "
        "Rechnung sind hier mit umgekehrtem Vorzeichen aufgeführt"
        "{% if steuer.ausgewiesen %}; die dort ausgewiesene Umsatzsteuer wird damit "
        "berichtigt{% endif %}.",
        align="justify",
    )
    control(doc, '{%p elif rechnung.art == "schluss" %}')
    para(
        doc,
        "für meine Leistungen im {{ rechnung.zeitraum_text }} stelle ich " + IHNEN + " die "
        "folgende Schlussrechnung"
        "{% if rechnung.zeiten %}; die Einzelheiten zeigt der Tätigkeitsnachweis{% endif %}."
        "{% if rechnung.abzuege %} Die geleistete Vorauszahlung ist{% if steuer.ausgewiesen %} "
        "mit ihrem Netto- und ihrem Umsatzsteuerbetrag{% endif %} abgezogen"
        # what the XML's VAT breakdown states after the deduction (vadocs.einvoice.advance)
        "{% if steuer.ausgewiesen %}; es verbleiben {{ verbleibend.netto|euro }} netto und "
        "{{ verbleibend.ust|euro }} Umsatzsteuer{% endif %}.{% endif %}",
        align="justify",
    )
    control(doc, "{%p else %}")
    para(
        doc,
        "für meine Leistungen im {{ rechnung.zeitraum_text }} berechne ich " + IHNEN + " "
        "Folgendes{% if rechnung.zeiten %}; die Einzelheiten zeigt der "
        "Tätigkeitsnachweis{% endif %}.",
        align="justify",
    )
    control(doc, "{%p endif %}")

    lines = data_table(
        doc,
        [
            "Pos.",
            "Beschreibung",
            "Menge",
            "Einheit",
            "Einzelpreis",
            "{% if steuer.ausgewiesen %}Betrag netto{% else %}Betrag{% endif %}",
        ],
        [
            "{{ z.pos }}",
            "{{ z.beschreibung|zeilen }}",
            "{{ z.menge|zahl }}",
            "{{ z.einheit }}",
            "{{ z.einzelpreis|euro }}",
            "{{ z.netto|euro }}",
        ],
        [12, 66, 15, 19, 26, 27],
        "z in rechnung.zeilen",
    )
    for row in (0, 2):
        for col in (2, 4, 5):
            _right(lines.cell(row, col))
    para(doc, "", space_after=2)
    _totals(doc)
    para(doc, "", space_after=4)

    control(doc, "{%p if steuer.hinweis %}")
    para(doc, "{{ steuer.hinweis }}", bold=True)
    control(doc, "{%p endif %}")
    control(doc, '{%p if steuer.fall.value == "reverse_charge" %}')
    para(
        doc,
        "{% if profil.ust_idnr %}USt-IdNr. der Leistenden: {{ profil.ust_idnr }} · {% endif %}"
        "USt-IdNr. des Leistungsempfängers: {{ kunde.ust_idnr }}",
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p for h in rechnung.hinweise %}")
    para(doc, STORNO + "Grund der Stornierung: {% endif %}{{ h|zeilen }}")
    control(doc, "{%p endfor %}")

    para(doc, "", space_after=2)
    _payment(doc)
    control(doc, "{%p if verbraucher and rechnung.zahlbetrag > 0 %}")
    para(
        doc,
        "Hinweis nach § 286 Abs. 3 BGB: " + SIE + " " + ds("kommst", "kommen") + " spätestens "
        "in Verzug, wenn " + SIE + " nicht innerhalb von 30 Tagen nach Fälligkeit und Zugang "
        "dieser Rechnung " + ds("zahlst", "zahlen") + ".",
        style="Klein",
    )
    control(doc, "{%p endif %}")

    control(doc, '{%p if rechnung.art != "storno" %}')
    closing = para(
        doc,
        '{% if rechnung.art == "vorauszahlung" %}Vielen Dank für '
        + ds("Deinen", "Ihren")
        + " Auftrag!{% else %}Vielen Dank für die gute Zusammenarbeit!{% endif %}",
    )
    closing.paragraph_format.space_before = Pt(8)
    control(doc, "{%p endif %}")
    para(doc, "{% if du %}Viele Grüße{% else %}Mit freundlichen Grüßen{% endif %}", space_after=14)
    para(doc, "{{ profil.name }}", space_after=10)
    para(
        doc,
        "Leistende Unternehmerin: {{ profil.name }}{% if profil.firma %} "
        "({{ profil.firma }}){% endif %}, " + PROFIL_ANSCHRIFT + " · Leistungsempfänger: "
        "{{ kunde.name }}, " + KUNDE_ANSCHRIFT,
        style="Klein",
    )
    _timesheet(doc)
    keep_references_together(doc)
    return doc
