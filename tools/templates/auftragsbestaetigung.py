"""Auftragsbestätigung: DIN 5008 letter with the agreed terms, for business and consumer clients.

Checklist: LEGAL.md, section "Auftragsbestätigung" (AB-01 … AB-17), and for consumers the
information and withdrawal notice of Art. 246a EGBGB. The Muster-Widerrufsbelehrung and the
Muster-Widerrufsformular (Anlagen 1 and 2 to Art. 246a EGBGB) are statute: their wording stays
exactly as enacted, in the "Sie" form, filled in only where the Gestaltungshinweise say so for
a service contract. Everything else is addressed to the client with Du or Sie (``du``).
"""

from __future__ import annotations

from common import (
    CLAUSE_BULLET_STYLE,
    SIE,
    address_block_when,
    clause,
    clause_bullets,
    clause_para,
    control,
    data_table,
    ds,
    fixed_widths,
    heading,
    keep_references_together,
    letterhead,
    new_document,
    page_break,
    para,
    signature_block,
    subject,
    widen_info_block,
)
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

SIE_AKK = ds("Dich", "Sie")  # the pronoun dict has no accusative of "Du"
IHNEN = "{{ a.ihnen }}"

KUNDE_ANSCHRIFT = (
    "{% if kunde.anschrift.zusatz %}{{ kunde.anschrift.zusatz }}, {% endif %}"
    "{{ kunde.anschrift.strasse }}, {{ kunde.anschrift.plz }} {{ kunde.anschrift.ort }}"
    '{% if kunde.anschrift.land != "DE" %}, {{ land_name }}{% endif %}'
)
PROFIL_NAME = "{{ profil.name }}{% if profil.firma %}, {{ profil.firma }}{% endif %}"
PROFIL_ANSCHRIFT = (
    "{% if profil.anschrift.zusatz %}{{ profil.anschrift.zusatz }}, {% endif %}"
    "{{ profil.anschrift.strasse }}, {{ profil.anschrift.plz }} {{ profil.anschrift.ort }}"
)
PROFIL_KONTAKT = (
    "{% if profil.kontakt.telefon %}Telefon: {{ profil.kontakt.telefon }}, {% endif %}"
    "E-Mail: {{ profil.kontakt.email }}"
)

# Prices: consumers see the gross price (PAngV), businesses the net price plus VAT; without
# German VAT (Kleinunternehmerin, reverse charge, not taxable here) the note follows separately.
STUNDENSATZ = (
    "{% if verbraucher and steuer.ausgewiesen %}"
    "{{ stundensatz_brutto|euro }} inkl. {{ steuer.satz|prozent }} USt"
    "{% elif steuer.ausgewiesen %}"
    "{{ stundensatz|euro }} netto zuzüglich Umsatzsteuer in der gesetzlichen Höhe, derzeit "
    "{{ steuer.satz|prozent }} ({{ stundensatz_brutto|euro }} brutto)"
    '{% elif steuer.fall.value == "kleinunternehmer" %}{{ stundensatz|euro }}'
    "{% else %}{{ stundensatz|euro }} netto{% endif %}"
)
PAUSCHALE = (
    "{% if verbraucher and steuer.ausgewiesen %}"
    "{{ pauschale_brutto|euro }} inkl. {{ steuer.satz|prozent }} USt"
    "{% elif steuer.ausgewiesen %}"
    "{{ verguetung.pauschale|euro }} netto zuzüglich Umsatzsteuer in der gesetzlichen Höhe, "
    "derzeit {{ steuer.satz|prozent }} ({{ pauschale_brutto|euro }} brutto)"
    '{% elif steuer.fall.value == "kleinunternehmer" %}{{ verguetung.pauschale|euro }}'
    "{% else %}{{ verguetung.pauschale|euro }} netto{% endif %}"
)
KUENDIGUNGSFRIST = (
    "{% if auftrag.kuendigungsfrist_wochen %}mit einer Frist von "
    "{{ auftrag.kuendigungsfrist_wochen }} "
    "{% if auftrag.kuendigungsfrist_wochen == 1 %}Woche{% else %}Wochen{% endif %} "
    "zum Ende eines Kalendermonats{% else %}jeweils zum Ende eines Kalendermonats{% endif %}"
)
ZAHLUNGSZIEL = (
    "{% if zahlungsziel_tage %}innerhalb von {{ zahlungsziel_tage }} Tagen nach dem "
    "Rechnungsdatum{% else %}sofort nach Zugang{% endif %}"
)


def indented(doc: Document, parts: list[tuple[str, bool]], *, space_after: float = 3) -> Paragraph:
    """A paragraph aligned with the text of the numbered clause paragraphs."""
    p = doc.add_paragraph()
    p.paragraph_format.left_indent = Mm(10)
    p.paragraph_format.space_after = Pt(space_after)
    for text, bold in parts:
        p.add_run(text).bold = bold
    return p


def item(doc: Document, label: str, value: str) -> Paragraph:
    """A bullet "Label: value" aligned with the numbered paragraphs."""
    p = doc.add_paragraph(style=CLAUSE_BULLET_STYLE)
    p.add_run(label + ": ").bold = True
    p.add_run(value)
    return p


def lead_para(doc: Document, lead: str, text: str, **kwargs: object) -> Paragraph:
    """A paragraph whose first words (``lead``, plain text) are bold."""
    p = para(doc, "", **kwargs)  # type: ignore[arg-type]
    p.add_run(lead).bold = True
    p.add_run(text)
    return p


def _borders(table: object, size: int = 6, color: str = "808080") -> None:
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), color)
        borders.append(el)
    tbl_pr.append(borders)


def _cell_margins(table: object, mm: float) -> None:
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(Mm(mm).twips)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)


def box(doc: Document) -> _Cell:
    """A framed one-cell table that sets a statutory text apart (Deutlichkeitsgebot)."""
    table = doc.add_table(rows=1, cols=1)
    fixed_widths(table, [165])
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _borders(table, 8, "404040")
    _cell_margins(table, 3)
    return table.cell(0, 0)


def cell_para(
    cell: _Cell, text: str = "", *, bold: bool = False, first: bool = False, space_after: float = 4
) -> Paragraph:
    p = cell.paragraphs[0] if first else cell.add_paragraph()
    p.paragraph_format.space_after = Pt(space_after)
    if text:
        p.add_run(text).bold = bold
    return p


def info_table(doc: Document, rows: list[tuple[str, str]]) -> None:
    """Two-column table "Angabe | Inhalt" for the consumer information."""
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = doc.styles["Table Grid"]
    fixed_widths(table, [45, 120])
    for i, (label, value) in enumerate(rows):
        left, right = table.rows[i].cells
        run = left.paragraphs[0].add_run(label)
        run.bold, run.font.size = True, Pt(9)
        right.paragraphs[0].add_run(value).font.size = Pt(9)
        for c in (left, right):
            c.paragraphs[0].paragraph_format.space_after = Pt(2)


# --------------------------------------------------------------------------------------------


def build() -> Document:
    doc = new_document("Auftragsbestätigung", "Auftragsbestätigung virtuelle Assistenz")
    letterhead(doc)
    address_block_when(
        doc,
        [
            ("Datum", "{{ dokument.datum|datum }}"),
            ("{{ a.ihre }} Anfrage vom", "{{ auftrag.anfrage.datum|datum }}"),
            ("Ansprechpartnerin", "{{ profil.name }}"),
            ("E-Mail", "{{ profil.kontakt.email }}"),
            ("Telefon", "{{ profil.kontakt.telefon }}", "profil.kontakt.telefon"),
        ],
    )
    widen_info_block(doc)
    subject(doc, "Auftragsbestätigung: Virtuelle Assistenz ab {{ auftrag.beginn|datum_lang }}")
    para(doc, "{{ briefanrede }}", space_after=10)
    para(
        doc,
        "vielen Dank für " + ds("Dein", "Ihr") + " Vertrauen. Bezug nehmend auf unseren Austausch "
        "({{ auftrag.anfrage.art }} vom {{ auftrag.anfrage.datum|datum_lang }}) bestätige ich "
        + IHNEN
        + " gern den Auftrag über virtuelle Assistenz zu den folgenden Bedingungen.",
        align="justify",
    )
    para(
        doc,
        "Der Vertrag kommt zustande, sobald "
        + SIE
        + " diese Auftragsbestätigung "
        + ds("unterschreibst oder in Textform annimmst", "unterschreiben oder in Textform annehmen")
        + " (siehe „Bestätigung des Auftrags“ am Ende). An dieses Angebot halte ich mich vier "
        "Wochen ab dem oben genannten Datum gebunden.",
        align="justify",
    )

    _parteien(doc)
    _leistung(doc)
    _vertragsart(doc)
    _verguetung(doc)
    _zahlung(doc)
    _verzug(doc)
    _laufzeit(doc)
    _haftung(doc)
    _datenschutz(doc)
    _vertraulichkeit(doc)
    _selbstaendigkeit(doc)
    _ergebnisse(doc)
    _schluss(doc)
    _widerrufsrecht(doc)
    _gruss(doc)
    _bestaetigung(doc)
    _verbraucher_anhang(doc)
    keep_references_together(doc)
    return doc


def _parteien(doc: Document) -> None:
    clause(doc, "Vertragsparteien")
    clause_para(doc, "Vertragspartner sind:")
    indented(
        doc,
        [
            ("Auftraggeber: ", True),
            ("{{ kunde.name }}, " + KUNDE_ANSCHRIFT, False),
            (
                "{% if kunde.ansprechpartner and not verbraucher %}; Ansprechpartner"
                '{% if kunde.ansprechpartner.anrede == "Frau" %}in{% endif %}: '
                "{{ kunde.ansprechpartner.voller_name }}{% if kunde.ansprechpartner.funktion %} "
                "({{ kunde.ansprechpartner.funktion }}){% endif %}{% endif %}",
                False,
            ),
        ],
    )
    indented(
        doc,
        [
            ("Auftragnehmerin: ", True),
            (PROFIL_NAME + ", " + PROFIL_ANSCHRIFT + "; " + PROFIL_KONTAKT, False),
        ],
        space_after=5,
    )
    clause_para(
        doc,
        "{% if verbraucher %}"
        + SIE
        + " "
        + ds("schließt", "schließen")
        + " diesen Vertrag als Verbraucher im Sinne des § 13 BGB, also zu Zwecken, die "
        "überwiegend weder einer gewerblichen noch einer selbständigen beruflichen Tätigkeit "
        "zugerechnet werden können. Deshalb gelten zusätzlich die Verbraucherinformationen und "
        "das Widerrufsrecht im Anhang."
        "{% else %}"
        "{{ kunde.name }} schließt diesen Vertrag als Unternehmer im Sinne des § 14 BGB in "
        "Ausübung einer gewerblichen oder selbständigen beruflichen Tätigkeit"
        "{% if kaufmann %} und ist Kaufmann im Sinne des Handelsgesetzbuchs{% endif %}."
        "{% endif %}",
    )


def _leistung(doc: Document) -> None:
    clause(doc, "Leistungsbeschreibung")
    clause_para(doc, "Ziele der Zusammenarbeit:")
    clause_bullets(doc, "z in auftrag.ziele", "{{ z|zeilen }}")
    clause_para(doc, "Zu meinen Aufgaben gehören:")
    clause_bullets(doc, "t in auftrag.aufgaben", "{{ t|zeilen }}")
    clause_para(
        doc,
        "Weitere Aufgaben übernehme ich nach Absprache; wir halten sie in Textform fest. Rechts- "
        "und Steuerberatung gehört nicht zu meinen Leistungen.",
    )
    clause_para(doc, "Eckdaten:")
    item(doc, "Beginn", "{{ auftrag.beginn|datum_lang }}")
    item(doc, "Umfang", "{{ auftrag.umfang|zeilen }}")
    item(doc, "Zeitrahmen und Erreichbarkeit", "{{ auftrag.zeitrahmen|zeilen }}")
    item(doc, "Kommunikationswege", '{{ auftrag.kommunikation|join(", ") }}')
    item(doc, "Regelmäßiger Austausch und Berichte", "{{ auftrag.austausch|zeilen }}")

    control(doc, "{%p if auftrag.werkzeuge %}")
    clause_para(
        doc,
        "Für die Arbeit nutzen wir die folgenden Werkzeuge. Die Spalte „Konto“ zeigt, wessen "
        "Zugang dafür verwendet wird:",
    )
    table = data_table(
        doc,
        ["Werkzeug", "Wofür", "Konto"],
        [
            "{{ werkzeugnamen[loop.index0] }}",
            "{{ w.zweck }}",
            '{% if w.konto == "kunde" %}'
            + ds("Dein Konto", "Ihr Konto")
            + "{% else %}mein eigenes Konto{% endif %}",
        ],
        [40, 75, 40],
        "w in auftrag.werkzeuge",
    )
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    para(doc, "", space_after=2)
    control(doc, "{%p if kundenwerkzeuge %}")
    clause_para(
        doc,
        "Für Werkzeuge in "
        + ds("Deinem", "Ihrem")
        + " Konto "
        + ds("stellst", "stellen")
        + " "
        + SIE
        + " mir einen Zugang bereit. Vertragspartner des jeweiligen Anbieters und für "
        "dessen Einbindung, auch datenschutzrechtlich, verantwortlich "
        + ds("bist", "sind")
        + " "
        + SIE
        + ".",
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p if unterauftragsverarbeiter %}")
    clause_para(
        doc,
        "Werkzeuge in meinem eigenen Konto betreibe ich auf eigene Kosten und in eigener "
        "Verantwortung{% if datenschutz.personenbezogene_daten %}; soweit ich darin "
        "personenbezogene Daten für " + SIE_AKK + " verarbeite, sind die Anbieter meine "
        "Unterauftragsverarbeiter (siehe Abschnitt „Datenschutz“){% endif %}.",
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p endif %}")

    control(doc, "{%p if auftrag.ablaeufe %}")
    clause_para(doc, "Für die Zusammenarbeit haben wir folgende Abläufe vereinbart:")
    clause_bullets(doc, "x in auftrag.ablaeufe", "{{ x|zeilen }}")
    control(doc, "{%p endif %}")

    clause_para(
        doc,
        "Über den Stand der Aufgaben berichte ich " + IHNEN + " im oben genannten Rhythmus und "
        "zusätzlich, wenn eine Entscheidung von "
        + IHNEN
        + " nötig ist. "
        + SIE
        + " "
        + ds("stellst", "stellen")
        + " mir die für die Aufgaben nötigen Informationen, Unterlagen "
        "und Zugänge rechtzeitig zur Verfügung und " + ds("triffst", "treffen") + " die "
        "inhaltlichen Entscheidungen.",
    )


def _vertragsart(doc: Document) -> None:
    clause(doc, "Vertragsart")
    clause_para(
        doc,
        "Unser Vertrag ist ein Dienstvertrag im Sinne der §§ 611 ff. BGB. Ich schulde die "
        "sorgfältige Erbringung der beschriebenen Tätigkeiten, nicht einen bestimmten "
        "wirtschaftlichen Erfolg.",
    )
    control(doc, "{%p if auftrag.werkleistungen %}")
    clause_para(
        doc,
        "Abweichend davon schulde ich die folgenden einzelnen Ergebnisse als Werkleistung im "
        "Sinne des § 631 BGB:",
    )
    clause_bullets(doc, "w in auftrag.werkleistungen", "{{ w|zeilen }}")
    clause_para(
        doc,
        "Ist ein solches Ergebnis fertig, zeige ich "
        + IHNEN
        + " das in Textform an. "
        + SIE
        + " "
        + ds("nimmst", "nehmen")
        + " es ab (§ 640 BGB), wenn es im Wesentlichen "
        "vertragsgemäß ist; wegen unwesentlicher Mängel darf die Abnahme nicht verweigert werden. "
        "Die Abnahme gilt auch als erklärt, wenn ich " + IHNEN + " nach Fertigstellung eine "
        "angemessene Frist zur Abnahme gesetzt habe und " + SIE + " die Abnahme nicht innerhalb "
        "dieser Frist unter Angabe mindestens eines Mangels verweigert "
        + ds("hast", "haben")
        + "{% if verbraucher %}; auf diese Folge weise ich "
        + SIE_AKK
        + " zusammen mit der Aufforderung zur Abnahme in Textform hin{% endif %} "
        "(§ 640 Abs. 2 BGB). Vergütet werden auch diese Ergebnisse nach dem Abschnitt "
        "„Vergütung“, soweit wir nichts anderes vereinbaren.",
    )
    control(doc, "{%p endif %}")


def _verguetung(doc: Document) -> None:
    clause(doc, "Vergütung")
    control(doc, '{%p if verguetung.art == "stunden" %}')
    clause_para(
        doc,
        "Ich rechne nach Zeitaufwand ab. Der Stundensatz beträgt " + STUNDENSATZ + ".",
    )
    clause_para(
        doc,
        "Ich erfasse meine Arbeitszeit minutengenau je Tätigkeit. Abgerechnet wird in einem Takt "
        "von {{ verguetung.taktung_minuten }} Minuten: Jeder Zeiteintrag wird auf volle "
        "{{ verguetung.taktung_minuten }} Minuten aufgerundet. Jede Monatsrechnung enthält einen "
        "Tätigkeitsnachweis mit Datum, Tätigkeit, erfasster und abgerechneter Zeit.",
    )
    control(doc, "{%p if verguetung.kontingent_stunden %}")
    clause_para(
        doc,
        "Wir planen mit einem monatlichen Kontingent von "
        "{{ verguetung.kontingent_stunden|zahl }} Stunden. Berechnet werden nur die tatsächlich "
        "geleisteten Stunden; nicht abgerufene Stunden werden weder berechnet noch in den "
        "Folgemonat übertragen. Über das Kontingent hinaus arbeite ich nur nach vorheriger "
        "Absprache mit " + IHNEN + " (Textform genügt).",
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p else %}")
    clause_para(
        doc,
        "Für die beschriebenen Leistungen im vereinbarten Umfang "
        + ds("zahlst", "zahlen")
        + " "
        + SIE
        + " einen monatlichen Festpreis von "
        + PAUSCHALE
        + ".",
    )
    clause_para(
        doc,
        "Leistungen, die über den vereinbarten Umfang hinausgehen, erbringe ich nur nach "
        "vorheriger Absprache in Textform"
        "{% if stundensatz %}; sie werden nach Zeitaufwand mit "
        + STUNDENSATZ
        + " je Stunde berechnet{% endif %}.",
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p if not steuer.ausgewiesen %}")
    clause_para(doc, "{{ steuer.hinweis }}")
    control(doc, "{%p endif %}")
    clause_para(
        doc,
        "{% if verguetung.auslagen %}Auslagen: {{ verguetung.auslagen|zeilen }}"
        '{% if verguetung.auslagen[-1:] not in ".!?" %}.{% endif %}'
        "{% else %}Auslagen (zum Beispiel Porto oder kostenpflichtige Software) entstehen nur "
        "nach " + ds("Deiner", "Ihrer") + " vorherigen Freigabe in Textform und werden ohne "
        "Aufschlag weiterberechnet.{% endif %}",
    )


def _zahlung(doc: Document) -> None:
    clause(doc, "Abrechnung und Zahlung")
    control(doc, "{%p if abrechnung.vorauszahlung %}")
    clause_para(
        doc,
        "Abweichend von § 614 BGB " + ds("zahlst", "zahlen") + " " + SIE + " als Neukunde den "
        "ersten Leistungsmonat im Voraus. Dafür "
        + ds("erhältst", "erhalten")
        + " "
        + SIE
        + " mit dieser Auftragsbestätigung eine Vorauszahlungsrechnung über "
        '{% if verguetung.art == "pauschal" %}den Festpreis des ersten Monats'
        "{% elif verguetung.kontingent_stunden %}das Stundenkontingent des ersten Monats "
        "({{ verguetung.kontingent_stunden|zahl }} Stunden)"
        "{% else %}die voraussichtliche Vergütung des ersten Monats{% endif %}. In der Abrechnung "
        "dieses Monats wird die Vorauszahlung vollständig angerechnet; ein Guthaben erstatte ich.",
    )
    control(doc, "{%p endif %}")
    clause_para(
        doc,
        "{% if abrechnung.vorauszahlung %}Danach rechne ich{% else %}Ich rechne{% endif %} "
        "jeweils zum Monatsende ab"
        '{% if verguetung.art == "stunden" %}, und zwar nach den tatsächlich geleisteten '
        "Stunden laut Tätigkeitsnachweis{% endif %}.",
    )
    clause_para(
        doc,
        "Rechnungen sind "
        + ZAHLUNGSZIEL
        + " ohne Abzug zur Zahlung fällig. "
        + SIE
        + " "
        + ds("erhältst", "erhalten")
        + " sie per E-Mail und "
        + ds("bist", "sind")
        + " damit "
        "einverstanden"
        '{% if not verbraucher and not kleinunternehmer and kunde.anschrift.land == "DE" %}; '
        "wo das Gesetz eine E-Rechnung verlangt, "
        + ds("erhältst", "erhalten")
        + " "
        + SIE
        + " sie in einem strukturierten "
        "Format nach EN 16931 (ZUGFeRD/Factur-X){% endif %}.",
    )


def _verzug(doc: Document) -> None:
    clause(doc, "Zahlungsverzug")
    clause_para(
        doc,
        "{% if not verbraucher %}Ist eine Rechnung bei Ablauf des Zahlungsziels nicht bezahlt, "
        "tritt Verzug ohne Mahnung ein (§ 286 Abs. 2 Nr. 2 BGB). {% endif %}"
        + SIE
        + " "
        + ds("kommst", "kommen")
        + " spätestens in Verzug, wenn "
        + SIE
        + " nicht "
        "innerhalb von 30 Tagen nach Fälligkeit und Zugang einer Rechnung "
        + ds("zahlst", "zahlen")
        + " (§ 286 Abs. 3 BGB){% if verbraucher %}; darauf weist jede "
        "Rechnung gesondert hin{% endif %}. Durch eine Mahnung kann der Verzug auch früher "
        "eintreten.",
    )
    clause_para(
        doc,
        "Während des Verzugs ist der Rechnungsbetrag mit "
        "{% if verbraucher %}fünf{% else %}neun{% endif %} Prozentpunkten über dem "
        "Basiszinssatz zu verzinsen (§ 288 Abs. {% if verbraucher %}1{% else %}2{% endif %} "
        "BGB).{% if not verbraucher %} Außerdem kann ich die Verzugspauschale von 40 Euro "
        "verlangen (§ 288 Abs. 5 BGB); sie wird auf einen Schadensersatz angerechnet, soweit "
        "dieser in Kosten der Rechtsverfolgung besteht.{% endif %} Weitergehende Ansprüche "
        "bleiben unberührt.",
    )
    clause_para(
        doc,
        "Solange fällige Rechnungen nicht bezahlt sind, kann ich weitere Leistungen nach "
        "vorheriger Ankündigung in Textform zurückstellen.",
    )


def _laufzeit(doc: Document) -> None:
    clause(doc, "Laufzeit und Kündigung")
    clause_para(
        doc,
        "Die Zusammenarbeit beginnt am {{ auftrag.beginn|datum_lang }}"
        "{% if auftrag.ende %} und endet am {{ auftrag.ende|datum_lang }}, ohne dass es einer "
        "Kündigung bedarf{% else %} und läuft auf unbestimmte Zeit; eine Mindestlaufzeit gibt "
        "es nicht{% endif %}.",
    )
    clause_para(
        doc,
        "{% if auftrag.ende %}Bis dahin können beide Seiten den Vertrag{% else %}Beide Seiten "
        "können den Vertrag{% endif %} " + KUENDIGUNGSFRIST + " ordentlich kündigen.",
    )
    clause_para(
        doc,
        "Das Recht beider Seiten zur fristlosen Kündigung aus wichtigem Grund (§ 626 BGB) bleibt "
        "unberührt.{% if not verbraucher %} Das Kündigungsrecht nach § 627 BGB ist "
        "ausgeschlossen; es gelten die vorstehenden Fristen.{% endif %}",
    )
    clause_para(
        doc,
        "Kündigungen bedürfen der Textform (§ 126b BGB); eine E-Mail genügt. Zum Vertragsende "
        "rechne ich die bis dahin erbrachten Leistungen ab; im Voraus gezahlte Beträge für nicht "
        "mehr erbrachte Leistungen erstatte ich.",
    )


def _haftung(doc: Document) -> None:
    clause(doc, "Haftung")
    clause_para(
        doc,
        "Ich hafte unbeschränkt für Vorsatz und grobe Fahrlässigkeit, für Schäden aus der "
        "Verletzung des Lebens, des Körpers oder der Gesundheit, nach dem Produkthaftungsgesetz "
        "und im Umfang einer von mir übernommenen Garantie.",
    )
    clause_para(
        doc,
        "Verletze ich leicht fahrlässig eine wesentliche Vertragspflicht – also eine Pflicht, "
        "deren Erfüllung die ordnungsgemäße Durchführung des Vertrags überhaupt erst ermöglicht "
        "und auf deren Einhaltung "
        + SIE
        + " regelmäßig vertrauen "
        + ds("darfst", "dürfen")
        + " –, ist meine Haftung auf den bei Vertragsschluss vorhersehbaren, vertragstypischen "
        "Schaden begrenzt. Im Übrigen ist die Haftung für leichte Fahrlässigkeit ausgeschlossen.",
    )
    clause_para(
        doc,
        "Diese Beschränkungen gelten auch für Personen, deren ich mich zur Erfüllung bediene. "
        "Die Haftung nach Art. 82 DSGVO bleibt unberührt.",
    )
    control(doc, "{%p if profil.haftpflichtversicherung %}")
    clause_para(
        doc,
        "Ich bin berufshaftpflichtversichert bei {{ profil.haftpflichtversicherung }}.",
    )
    control(doc, "{%p endif %}")


def _datenschutz(doc: Document) -> None:
    clause(doc, "Datenschutz")
    control(doc, "{%p if datenschutz.personenbezogene_daten %}")
    clause_para(
        doc,
        "Für die Aufgaben verarbeite ich personenbezogene Daten in "
        + ds("Deinem", "Ihrem")
        + " Auftrag (Art. 28 DSGVO). Dafür schließen wir den Auftragsverarbeitungsvertrag (AVV), "
        "den ich " + IHNEN + " zusammen mit dieser Auftragsbestätigung übersende. Er ist "
        "Bestandteil unseres Vertrags und geht diesen Bedingungen in allen Fragen des "
        "Datenschutzes vor. Personenbezogene Daten verarbeite ich erst, wenn der AVV "
        "abgeschlossen ist.",
    )
    control(doc, "{%p if unterauftragsverarbeiter %}")
    clause_para(
        doc,
        "Als Unterauftragsverarbeiter setze ich die folgenden Anbieter ein; Einzelheiten "
        "enthält Anlage 4 des AVV: {% for u in unterauftragsverarbeiter %}{{ u.anbieter.name }} "
        "({{ u.anbieter.anbieter }}){% if not loop.last %}, {% endif %}{% endfor %}.",
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p else %}")
    clause_para(
        doc,
        "Nach heutigem Stand verarbeite ich keine personenbezogenen Daten in "
        + ds("Deinem", "Ihrem")
        + " Auftrag. Ändert sich das, schließen wir vor Beginn einer "
        "solchen Verarbeitung einen Auftragsverarbeitungsvertrag nach Art. 28 DSGVO.",
    )
    control(doc, "{%p endif %}")


def _vertraulichkeit(doc: Document) -> None:
    clause(doc, "Vertraulichkeit")
    clause_para(
        doc,
        "Ich behandle alle Informationen vertraulich, die mir bei der Zusammenarbeit über "
        + SIE_AKK
        + "{% if not verbraucher %}, "
        + ds("Dein", "Ihr")
        + " Unternehmen{% endif %} "
        "und Dritte bekannt werden – auch über das Ende des Vertrags hinaus.",
    )
    control(doc, "{%p if nda.vereinbart %}")
    clause_para(
        doc,
        "Ergänzend schließen wir die beigefügte "
        '{% if nda.art == "gegenseitig" %}gegenseitige{% else %}einseitige{% endif %} '
        "Verschwiegenheitsvereinbarung. Sie gilt bis "
        "{% if nda.nachwirkung_jahre == 1 %}ein Jahr{% else %}{{ nda.nachwirkung_jahre }} "
        "Jahre{% endif %} nach dem Ende der Zusammenarbeit und geht dieser Regelung vor.",
    )
    control(doc, "{%p endif %}")
    control(doc, '{%p if kunde.berufsgeheimnis != "keins" %}')
    clause_para(
        doc,
        "Mir ist bekannt, dass "
        + SIE
        + " einer beruflichen Schweigepflicht "
        + ds("unterliegst", "unterliegen")
        + " und ich als mitwirkende Person bei einer "
        "unbefugten Offenbarung fremder Geheimnisse selbst strafbar sein kann (§ 203 Abs. 3 "
        "und 4 StGB). Weitere Personen ziehe ich nur mit " + ds("Deiner", "Ihrer") + " "
        "vorherigen Zustimmung in Textform hinzu, und nur, nachdem ich sie ebenso zur "
        "Verschwiegenheit verpflichtet habe.",
    )
    control(doc, "{%p endif %}")


def _selbstaendigkeit(doc: Document) -> None:
    clause(doc, "Selbständige Tätigkeit")
    clause_para(
        doc,
        "Ich arbeite als selbständige Unternehmerin, nicht als Arbeitnehmerin. "
        + SIE
        + " "
        + ds("kannst", "können")
        + " mir Vorgaben zum gewünschten Ergebnis machen; wie, wann und "
        "wo ich arbeite, bestimme ich im Rahmen des vereinbarten Zeitrahmens selbst.",
    )
    clause_para(
        doc,
        "Ich arbeite mit eigener Ausstattung und eigenen Konten, soweit nicht vereinbart ist, "
        "dass ich ein Werkzeug in "
        + ds("Deinem", "Ihrem")
        + " Konto nutze. Ich bin nicht in "
        + ds("Deine", "Ihre")
        + " Arbeitsorganisation eingegliedert, an keine Dienstpläne oder "
        "Anwesenheitszeiten gebunden und darf auch für andere Auftraggeber tätig sein.",
    )
    clause_para(
        doc,
        "Hilfspersonen setze ich nur mit " + ds("Deiner", "Ihrer") + " vorherigen Zustimmung in "
        "Textform ein; " + SIE + " " + ds("darfst", "dürfen") + " sie nur aus sachlichem Grund, "
        "insbesondere wegen Datenschutz oder Vertraulichkeit, verweigern. Steuern und Beiträge "
        "zur Sozialversicherung auf meine Vergütung trage ich selbst.",
    )


def _ergebnisse(doc: Document) -> None:
    clause(doc, "Arbeitsergebnisse, Unterlagen und Zugangsdaten")
    clause_para(
        doc,
        "An Arbeitsergebnissen, die ich eigens für "
        + SIE_AKK
        + " erstelle (etwa Vorlagen, Listen, "
        "Texte oder Auswertungen), räume ich " + IHNEN + " mit vollständiger Bezahlung der "
        "darauf entfallenden Vergütung das ausschließliche, zeitlich und räumlich unbeschränkte "
        "Recht ein, sie zu nutzen und zu bearbeiten. Allgemeine Vorlagen und Kenntnisse, die ich "
        "unabhängig von diesem Auftrag entwickelt habe, bleiben bei mir; soweit sie in "
        "Arbeitsergebnissen enthalten sind, " + ds("darfst", "dürfen") + " " + SIE + " sie dort "
        "unbefristet nutzen.",
    )
    clause_para(
        doc,
        "Unterlagen und Daten, die "
        + SIE
        + " mir "
        + ds("überlässt", "überlassen")
        + ", bleiben "
        + ds("Dein", "Ihr")
        + " Eigentum. Zum Vertragsende gebe ich sie nach "
        + ds("Deiner", "Ihrer")
        + " Wahl heraus oder lösche sie, soweit keine gesetzliche "
        "Aufbewahrungspflicht entgegensteht{% if datenschutz.personenbezogene_daten %}; für "
        "personenbezogene Daten gilt vorrangig der AVV{% endif %}.",
    )
    clause_para(
        doc,
        "Passwörter und andere Zugangsdaten tauschen wir ausschließlich über einen "
        "Passwort-Manager aus (zum Beispiel 1Password oder LastPass), sodass sie nur "
        "verschlüsselt weitergegeben werden – nie per E-Mail, Chat, SMS oder Telefon. Wo es "
        "möglich ist, " + ds("richtest", "richten") + " " + SIE + " mir einen eigenen Zugang "
        "mit den nötigen Rechten ein, statt persönliche Zugangsdaten zu teilen.",
    )
    clause_para(
        doc,
        "Zum Vertragsende gebe ich alle Zugangsdaten zurück, lösche meine Kopien und bestätige "
        + IHNEN
        + " das in Textform. "
        + SIE
        + " "
        + ds("entziehst", "entziehen")
        + " mir "
        "danach die Zugänge und " + ds("änderst", "ändern") + " die betroffenen Passwörter.",
    )


def _schluss(doc: Document) -> None:
    clause(doc, "Schlussbestimmungen")
    clause_para(
        doc,
        "Änderungen und Ergänzungen dieses Vertrags bedürfen der Textform (§ 126b BGB); eine "
        "E-Mail genügt. Der Vorrang individueller Absprachen (§ 305b BGB) bleibt unberührt.",
    )
    clause_para(
        doc,
        "Es gilt das Recht der Bundesrepublik Deutschland."
        '{% if verbraucher and kunde.anschrift.land != "DE" %} Den Schutz der zwingenden '
        "Vorschriften des Staates, in dem " + SIE + " " + ds("Deinen", "Ihren") + " "
        "gewöhnlichen Aufenthalt "
        + ds("hast", "haben")
        + ", "
        + ds("behältst", "behalten")
        + " "
        + SIE
        + " (Art. 6 Abs. 2 Rom-I-Verordnung).{% endif %}",
    )
    control(doc, "{%p if kaufmann %}")
    clause_para(
        doc,
        "Sind beide Vertragsparteien Kaufleute, ist ausschließlicher Gerichtsstand für alle "
        "Streitigkeiten aus diesem Vertrag "
        "{% if profil.gerichtsstand %}{{ profil.gerichtsstand }}"
        "{% else %}{{ profil.anschrift.ort }}{% endif %} (§ 38 Abs. 1 ZPO).",
    )
    control(doc, "{%p endif %}")
    clause_para(
        doc,
        "Ist eine Bestimmung dieses Vertrags unwirksam, bleibt der Vertrag im Übrigen wirksam; "
        "an die Stelle der unwirksamen Bestimmung tritt die gesetzliche Regelung.",
    )


def _widerrufsrecht(doc: Document) -> None:
    control(doc, "{%p if verbraucher %}")
    clause(doc, "Widerrufsrecht")
    clause_para(
        doc,
        "Als Verbraucher " + ds("hast", "haben") + " " + SIE + " ein gesetzliches "
        "Widerrufsrecht. Die Einzelheiten stehen in der Widerrufsbelehrung im Anhang; dort "
        "findet sich auch das Muster-Widerrufsformular.",
    )
    control(doc, "{%p if auftrag.vorzeitiger_beginn %}")
    clause_para(
        doc,
        SIE + " " + ds("hast", "haben") + " ausdrücklich gewünscht, dass ich schon am "
        "{{ auftrag.beginn|datum_lang }} und damit vor Ablauf der Widerrufsfrist beginne. "
        + ds("Widerrufst", "Widerrufen")
        + " "
        + SIE
        + " den Vertrag danach, "
        + ds("schuldest", "schulden")
        + " "
        + SIE
        + " mir Wertersatz für die bis zum Widerruf erbrachten Leistungen (§ 357a Abs. 2 BGB). "
        "Das Widerrufsrecht erlischt, sobald ich die Dienstleistung vollständig erbracht habe "
        "(§ 356 Abs. 4 BGB). Den Wunsch und "
        + ds("Deine", "Ihre")
        + " Kenntnis dieser Folgen "
        + ds("bestätigst", "bestätigen")
        + " "
        + SIE
        + " in der Bestätigung des Auftrags.",
    )
    control(doc, "{%p else %}")
    clause_para(
        doc,
        "Ich beginne mit der Arbeit erst nach Ablauf der Widerrufsfrist. Fällt der vereinbarte "
        "Beginn in die Widerrufsfrist, verschiebt er sich entsprechend, es sei denn, "
        + SIE
        + " "
        + ds("verlangst", "verlangen")
        + " ausdrücklich einen früheren Beginn.",
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p endif %}")


def _gruss(doc: Document) -> None:
    p = para(doc, "Ich freue mich auf die Zusammenarbeit mit " + IHNEN + "!")
    p.paragraph_format.space_before = Pt(8)
    para(doc, "{% if du %}Viele Grüße{% else %}Mit freundlichen Grüßen{% endif %}", space_after=18)
    para(doc, "{{ profil.name }}", space_after=0)
    para(doc, "{{ profil.berufsbezeichnung }}", style="Klein")
    control(doc, "{%p if datenschutz.personenbezogene_daten or nda.vereinbart or verbraucher %}")
    p = para(doc, "Anlagen", bold=True, space_after=0)
    p.paragraph_format.space_before = Pt(8)
    control(doc, "{%p if datenschutz.personenbezogene_daten %}")
    para(doc, "Auftragsverarbeitungsvertrag mit Anlagen", space_after=0)
    control(doc, "{%p endif %}")
    control(doc, "{%p if nda.vereinbart %}")
    para(doc, "Verschwiegenheitsvereinbarung", space_after=0)
    control(doc, "{%p endif %}")
    control(doc, "{%p if verbraucher %}")
    para(
        doc,
        "Informationen für Verbraucher, Widerrufsbelehrung, Muster-Widerrufsformular",
        space_after=0,
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p endif %}")


def _bestaetigung(doc: Document) -> None:
    page_break(doc)
    heading(doc, "Bestätigung des Auftrags", 1)
    para(
        doc,
        "{% if verbraucher %}Ich bestätige{% else %}{{ kunde.name }} bestätigt{% endif %} den "
        "Auftrag zu den Bedingungen der Auftragsbestätigung von {{ profil.name }} vom "
        "{{ dokument.datum|datum_lang }}.{% if verbraucher %} Die Informationen für Verbraucher, "
        "die Widerrufsbelehrung und das Muster-Widerrufsformular habe ich erhalten.{% endif %}",
        align="justify",
    )
    control(doc, "{%p if verbraucher and auftrag.vorzeitiger_beginn %}")
    p = para(
        doc,
        "☐  Ich verlange ausdrücklich, dass die Dienstleistung vor Ablauf der Widerrufsfrist "
        "beginnt (vereinbarter Beginn: {{ auftrag.beginn|datum_lang }}). Mir ist bekannt, dass "
        "ich bei einem Widerruf einen angemessenen Betrag für die bis dahin erbrachten "
        "Leistungen zahlen muss (§ 357a Abs. 2 BGB) und dass mein Widerrufsrecht erlischt, "
        "sobald die Dienstleistung vollständig erbracht ist (§ 356 Abs. 4 BGB).",
        align="justify",
    )
    p.paragraph_format.left_indent = Mm(6)
    p.paragraph_format.first_line_indent = Mm(-6)
    para(
        doc,
        "Ohne dieses Kreuz beginnt die Arbeit erst nach Ablauf der Widerrufsfrist.",
        style="Klein",
    )
    control(doc, "{%p endif %}")
    table = signature_block(
        doc,
        [
            "{{ dokument.ort }}, {{ dokument.datum|datum }}",
            "{{ profil.name }}",
            "{{ profil.anzeigename }}",
        ],
        [
            "Ort, Datum: ______________________",
            "{{ kunde.name }}",
            "{% if not verbraucher %}Name und Funktion der unterzeichnenden Person{% endif %}",
        ],
    )
    table.rows[0].cells[0].paragraphs[0].paragraph_format.space_before = Pt(14)
    table.rows[0].cells[1].paragraphs[0].paragraph_format.space_before = Pt(14)
    p = para(
        doc,
        "Statt zu unterschreiben, " + ds("kannst", "können") + " " + SIE + " den Auftrag auch "
        "in Textform annehmen: "
        + ds("Antworte", "Antworten Sie")
        + " auf die E-Mail, mit der "
        + SIE
        + " diese Auftragsbestätigung erhalten "
        + ds("hast", "haben")
        + ", mit dem Satz "
        "„Ich nehme den Auftrag vom {{ dokument.datum|datum_lang }} an.“ und "
        + ds("Deinem", "Ihrem")
        + " Namen"
        "{% if verbraucher and auftrag.vorzeitiger_beginn %}; für den vorzeitigen Beginn "
        + ds("ergänze", "ergänzen Sie")
        + " bitte den Satz „Ich verlange ausdrücklich den "
        "Beginn vor Ablauf der Widerrufsfrist und weiß, dass ich bei Widerruf Wertersatz "
        "schulde und mein Widerrufsrecht mit vollständiger Erbringung der Dienstleistung "
        "erlischt.“{% else %}.{% endif %} Die Annahme per E-Mail ist ebenso verbindlich wie die "
        "Unterschrift.",
        align="justify",
    )
    p.paragraph_format.space_before = Pt(14)


def _verbraucher_anhang(doc: Document) -> None:
    control(doc, "{%p if verbraucher %}")
    page_break(doc)
    heading(doc, "Informationen für Verbraucher", 1)
    para(
        doc,
        "Diese Informationen "
        + ds("erhältst", "erhalten")
        + " "
        + SIE
        + " nach § 312d Abs. 1 BGB in Verbindung mit "
        "Art. 246a EGBGB, bevor " + SIE + " den Vertrag " + ds("schließt", "schließen") + ".",
        align="justify",
    )
    info_table(
        doc,
        [
            ("Anbieterin", PROFIL_NAME + ", " + PROFIL_ANSCHRIFT),
            ("Kontakt", PROFIL_KONTAKT),
            (
                "Wesentliche Eigenschaften der Leistung",
                "Virtuelle Assistenz: Büro- und Organisationsaufgaben, die ich aus der Ferne "
                "erledige, wie in der Leistungsbeschreibung festgelegt; Beginn am "
                "{{ auftrag.beginn|datum_lang }}, Umfang: {{ auftrag.umfang }}.",
            ),
            (
                "Gesamtpreis",
                '{% if verguetung.art == "pauschal" %}' + PAUSCHALE + " je Monat"
                "{% else %}" + STUNDENSATZ + " je Stunde. Der Gesamtpreis hängt vom "
                "Zeitaufwand ab: Er ergibt sich aus den geleisteten Stunden (Abrechnungstakt "
                "{{ verguetung.taktung_minuten }} Minuten) mal dem Stundensatz und wird "
                "monatlich abgerechnet{% endif %}."
                '{% if steuer.fall.value == "kleinunternehmer" %} {{ steuer.hinweis }}{% endif %}'
                " Auslagen nur nach vorheriger Freigabe. Für die Kommunikation per E-Mail, "
                "Telefon oder Video entstehen " + IHNEN + " keine Kosten über die üblichen "
                "Grundtarife hinaus.",
            ),
            (
                "Zahlung",
                "{% if abrechnung.vorauszahlung %}Erster Monat im Voraus, danach monatliche"
                "{% else %}Monatliche{% endif %} Abrechnung zum Monatsende; Zahlung per Überweisung "
                + ZAHLUNGSZIEL
                + ".",
            ),
            (
                "Laufzeit und Kündigung",
                "{% if auftrag.ende %}Befristet bis {{ auftrag.ende|datum_lang }}; bis dahin "
                "{% else %}Unbefristet, keine Mindestlaufzeit; {% endif %}kündbar "
                + KUENDIGUNGSFRIST
                + ", in Textform.",
            ),
            (
                "Beschwerden",
                "Beschwerden " + ds("richtest", "richten") + " " + SIE + " bitte per E-Mail an "
                "{{ profil.kontakt.email }}. Ich antworte in der Regel innerhalb von fünf "
                "Werktagen.",
            ),
            (
                "Mängelhaftung, Garantien",
                "Es gelten die gesetzlichen Vorschriften."
                "{% if auftrag.werkleistungen %} Für die vereinbarten Werkleistungen besteht ein "
                "gesetzliches Mängelhaftungsrecht (§§ 634 ff. BGB).{% endif %} Garantien, "
                "besonderen Kundendienst oder Verhaltenskodizes biete ich nicht an.",
            ),
            (
                "Streitbeilegung",
                "Ich bin nicht bereit und nicht verpflichtet, an einem Streitbeilegungsverfahren "
                "vor einer Verbraucherschlichtungsstelle teilzunehmen.",
            ),
            (
                "Widerrufsrecht",
                "Siehe die Widerrufsbelehrung unten. Das Widerrufsrecht erlischt vorzeitig, wenn "
                "ich die Dienstleistung vollständig erbracht habe und " + SIE + " vorher "
                "ausdrücklich zugestimmt " + ds("hast", "haben") + ", dass ich vor Ablauf der "
                "Widerrufsfrist beginne, und " + ds("Deine", "Ihre") + " Kenntnis von diesem "
                "Erlöschen bestätigt " + ds("hast", "haben") + " (§ 356 Abs. 4 BGB).",
            ),
            ("Vertragssprache", "Deutsch"),
        ],
    )
    para(doc, "", space_after=6)

    # Anlage 1 zu Art. 246a § 1 Abs. 2 Satz 2 EGBGB — wording unchanged; filled in per the
    # Gestaltungshinweise: [1] a) service contract, [2] own details, [6] services.
    cell = box(doc)
    title = cell_para(cell, "Widerrufsbelehrung", bold=True, first=True, space_after=6)
    title.runs[0].font.size = Pt(12)
    cell_para(cell, "Widerrufsrecht", bold=True)
    cell_para(
        cell,
        "Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu "
        "widerrufen.",
    )
    cell_para(cell, "Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag des Vertragsabschlusses.")
    cell_para(
        cell,
        "Um Ihr Widerrufsrecht auszuüben, müssen Sie uns ("
        + PROFIL_NAME
        + ", "
        + PROFIL_ANSCHRIFT
        + ", "
        + PROFIL_KONTAKT
        + ") mittels einer eindeutigen Erklärung "
        "(z. B. ein mit der Post versandter Brief oder eine E-Mail) über Ihren Entschluss, "
        "diesen Vertrag zu widerrufen, informieren. Sie können dafür das beigefügte "
        "Muster-Widerrufsformular verwenden, das jedoch nicht vorgeschrieben ist.",
    )
    cell_para(
        cell,
        "Zur Wahrung der Widerrufsfrist reicht es aus, dass Sie die Mitteilung über die "
        "Ausübung des Widerrufsrechts vor Ablauf der Widerrufsfrist absenden.",
        space_after=8,
    )
    cell_para(cell, "Folgen des Widerrufs", bold=True)
    cell_para(
        cell,
        "Wenn Sie diesen Vertrag widerrufen, haben wir Ihnen alle Zahlungen, die wir von Ihnen "
        "erhalten haben, einschließlich der Lieferkosten (mit Ausnahme der zusätzlichen Kosten, "
        "die sich daraus ergeben, dass Sie eine andere Art der Lieferung als die von uns "
        "angebotene, günstigste Standardlieferung gewählt haben), unverzüglich und spätestens "
        "binnen vierzehn Tagen ab dem Tag zurückzuzahlen, an dem die Mitteilung über Ihren "
        "Widerruf dieses Vertrags bei uns eingegangen ist. Für diese Rückzahlung verwenden wir "
        "dasselbe Zahlungsmittel, das Sie bei der ursprünglichen Transaktion eingesetzt haben, "
        "es sei denn, mit Ihnen wurde ausdrücklich etwas anderes vereinbart; in keinem Fall "
        "werden Ihnen wegen dieser Rückzahlung Entgelte berechnet.",
    )
    cell_para(
        cell,
        "Haben Sie verlangt, dass die Dienstleistungen während der Widerrufsfrist beginnen "
        "soll, so haben Sie uns einen angemessenen Betrag zu zahlen, der dem Anteil der bis zu "
        "dem Zeitpunkt, zu dem Sie uns von der Ausübung des Widerrufsrechts hinsichtlich dieses "
        "Vertrags unterrichten, bereits erbrachten Dienstleistungen im Vergleich zum "
        "Gesamtumfang der im Vertrag vorgesehenen Dienstleistungen entspricht.",
    )
    end = cell_para(cell, "Ende der Widerrufsbelehrung", space_after=0)
    end.runs[0].italic = True
    para(doc, "", space_after=6)

    control(doc, "{%p if auftrag.vorzeitiger_beginn %}")
    heading(doc, "Hinweise zum Beginn vor Ablauf der Widerrufsfrist", 2)
    lead_para(
        doc,
        "Wertersatz: ",
        SIE + " " + ds("hast", "haben") + " verlangt, dass ich schon am "
        "{{ auftrag.beginn|datum_lang }} beginne, also vor Ablauf der Widerrufsfrist. "
        + ds("Widerrufst", "Widerrufen")
        + " "
        + SIE
        + " den Vertrag, "
        + ds("schuldest", "schulden")
        + " "
        + SIE
        + " mir für die bis zum Widerruf erbrachten Leistungen Wertersatz (§ 357a Abs. 2 BGB). "
        "Er bemisst sich nach dem vereinbarten Preis, und zwar anteilig für die bis zum Zugang "
        "des Widerrufs erbrachten Leistungen.",
        align="justify",
    )
    lead_para(
        doc,
        "Erlöschen: ",
        ds("Dein", "Ihr") + " Widerrufsrecht erlischt, sobald ich die "
        "Dienstleistung vollständig erbracht habe, wenn " + SIE + " dem vorzeitigen Beginn "
        "ausdrücklich zugestimmt und " + ds("Deine", "Ihre") + " Kenntnis vom Erlöschen "
        "bestätigt " + ds("hast", "haben") + " (§ 356 Abs. 4 BGB).",
        align="justify",
    )
    control(doc, "{%p endif %}")
    para(
        doc,
        "Diese Auftragsbestätigung mit allen Vertragsbedingungen, den Informationen für "
        "Verbraucher, der Widerrufsbelehrung und dem Muster-Widerrufsformular "
        + ds("erhältst", "erhalten")
        + " "
        + SIE
        + " als PDF per E-Mail und damit auf einem "
        "dauerhaften Datenträger (§ 312f BGB). "
        + ds("Bitte speichere oder drucke sie.", "Bitte speichern oder drucken Sie sie."),
        align="justify",
    )

    # Anlage 2 zu Art. 246a § 1 Abs. 2 Satz 1 Nr. 1 EGBGB — wording unchanged.
    page_break(doc)
    heading(doc, "Muster-Widerrufsformular", 1)
    para(
        doc,
        "(Wenn Sie den Vertrag widerrufen wollen, dann füllen Sie bitte dieses Formular aus und "
        "senden Sie es zurück.)",
        space_after=10,
    )
    lines = [
        "– An " + PROFIL_NAME + ", " + PROFIL_ANSCHRIFT + ", E-Mail: {{ profil.kontakt.email }}:",
        "– Hiermit widerrufe(n) ich/wir (*) den von mir/uns (*) abgeschlossenen Vertrag über den "
        "Kauf der folgenden Waren (*)/die Erbringung der folgenden Dienstleistung (*)",
        "– Bestellt am (*)/erhalten am (*)",
        "– Name des/der Verbraucher(s)",
        "– Anschrift des/der Verbraucher(s)",
        "– Unterschrift des/der Verbraucher(s) (nur bei Mitteilung auf Papier)",
        "– Datum",
    ]
    for i, text in enumerate(lines):
        para(doc, text, space_after=4)
        if i > 0:
            blank = para(doc, "_" * 60, space_after=12)
            blank.paragraph_format.left_indent = Mm(4)
    para(doc, "(*) Unzutreffendes streichen.", space_after=0)
    control(doc, "{%p endif %}")
