"""Auftragsverarbeitungsvertrag (Art. 28 DSGVO) with Anlagen 1–4.

Structure after the EU Commission's controller–processor standard contractual clauses
(Implementing Decision (EU) 2021/915); the text is our own. Checklist: LEGAL.md, "AVV";
coverage checks: vadocs/data/coverage/auftragsverarbeitungsvertrag.yaml.
"""

from __future__ import annotations

from common import (
    KUNDE_ANSCHRIFT,
    PROFIL_ANSCHRIFT,
    PROFIL_NAME,
    clause,
    clause_bullet,
    clause_bullets,
    clause_para,
    control,
    data_table,
    fixed_widths,
    heading,
    keep_references_together,
    new_document,
    para,
    rich,
    signature_block,
)
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt

TITLE = "Vertrag über die Verarbeitung personenbezogener Daten im Auftrag (Art. 28 DSGVO)"

# EU member states and the other EEA states (ISO 3166-1 alpha-2; Greece is GR).
EWR = (
    "['AT','BE','BG','CY','CZ','DE','DK','EE','ES','FI','FR','GR','HR','HU','IE',"
    "'IT','LT','LU','LV','MT','NL','PL','PT','RO','SE','SI','SK','IS','LI','NO']"
)
WEISUNGSBERECHTIGTE = (
    "{% if datenschutz.weisungsberechtigte %}{{ "
    "datenschutz.weisungsberechtigte|map(attribute='name')|join(', ') }}{% else %}die "
    "gesetzlichen Vertreter des Auftraggebers{% endif %}"
)


def build() -> Document:
    doc = new_document("Auftragsverarbeitungsvertrag", TITLE)
    _title_and_parties(doc)
    _preamble(doc)
    _general(doc)
    _processing(doc)
    _controller(doc)
    _instructions(doc)
    _confidentiality_and_security(doc)
    _subprocessors(doc)
    _location(doc)
    _assistance(doc)
    _breaches(doc)
    _audits(doc)
    _end(doc)
    _violations_and_final(doc)
    _signatures(doc)
    _annex_parties(doc)
    _annex_processing(doc)
    _annex_toms(doc)
    _annex_subprocessors(doc)
    keep_references_together(doc)
    return doc


# --- Vertrag -----------------------------------------------------------------------------------


def _title_and_parties(doc: Document) -> None:
    para(doc, TITLE, style="Title")
    para(doc, "(Auftragsverarbeitungsvertrag)", style="Klein", space_after=14)
    para(doc, "zwischen")
    rich(doc, [("{{ kunde.name }}", True)]).paragraph_format.space_after = Pt(0)
    para(doc, KUNDE_ANSCHRIFT, space_after=0)
    para(
        doc,
        "– nachstehend „Auftraggeber“; Verantwortlicher im Sinne des Art. 4 Nr. 7 DSGVO –",
        style="Klein",
        space_after=10,
    )
    para(doc, "und")
    rich(doc, [(PROFIL_NAME, True)]).paragraph_format.space_after = Pt(0)
    para(doc, PROFIL_ANSCHRIFT, space_after=0)
    para(
        doc,
        "– nachstehend „Auftragnehmerin“; Auftragsverarbeiterin im Sinne des Art. 4 Nr. 8 DSGVO –",
        style="Klein",
        space_after=10,
    )
    para(doc, "Auftraggeber und Auftragnehmerin werden gemeinsam „Parteien“ genannt.")


def _preamble(doc: Document) -> None:
    heading(doc, "Präambel", level=2)
    para(
        doc,
        "Die Parteien haben mit der Auftragsbestätigung vom {{ auftrag.datum|datum_lang }} "
        "(nachstehend „Hauptvertrag“) vereinbart, dass die Auftragnehmerin für den Auftraggeber "
        "Leistungen der virtuellen Assistenz erbringt. Dabei verarbeitet sie personenbezogene "
        "Daten, für die der Auftraggeber verantwortlich ist. Dieser Vertrag regelt die Rechte und "
        "Pflichten der Parteien bei dieser Verarbeitung nach Art. 28 der Verordnung (EU) 2016/679 "
        "(Datenschutz-Grundverordnung, „DSGVO“). Er folgt in seinem Aufbau den "
        "Standardvertragsklauseln der Europäischen Kommission zwischen Verantwortlichen und "
        "Auftragsverarbeitern (Durchführungsbeschluss (EU) 2021/915), ist aber in eigenen Worten "
        "gefasst und auf die Tätigkeit einer allein arbeitenden Assistentin zugeschnitten.",
        align="justify",
    )


def _general(doc: Document) -> None:
    clause(doc, "Gegenstand und Anwendungsbereich")
    clause_para(
        doc,
        "Gegenstand dieses Vertrags ist die Verarbeitung personenbezogener Daten durch die "
        "Auftragnehmerin im Auftrag des Auftraggebers bei der Erbringung der im Hauptvertrag "
        "vereinbarten Leistungen. Gegenstand der Verarbeitung ist: "
        "{% if datenschutz.gegenstand %}{{ datenschutz.gegenstand }}{% else %}die im Hauptvertrag "
        "beschriebene Unterstützung des Auftraggebers{% endif %}.",
    )
    clause_para(
        doc,
        "Der Vertrag gilt für jede Tätigkeit, bei der die Auftragnehmerin oder ein von ihr "
        "eingesetzter Unterauftragsverarbeiter personenbezogene Daten des Auftraggebers "
        "verarbeitet oder Zugang zu ihnen erhalten kann. Das gilt auch, wenn die Auftragnehmerin "
        "in Systemen und Konten des Auftraggebers arbeitet, etwa in dessen E-Mail-Postfach, "
        "Kalender oder Kundenverwaltung.",
    )
    clause_para(
        doc,
        "Begriffe wie „personenbezogene Daten“, „Verarbeitung“, „Verantwortlicher“, "
        "„Auftragsverarbeiter“, „betroffene Person“ und „Verletzung des Schutzes "
        "personenbezogener Daten“ haben die Bedeutung, die ihnen Art. 4 DSGVO gibt. Dieser "
        "Vertrag ist im Einklang mit der DSGVO auszulegen; er schränkt keine Rechte der "
        "betroffenen Personen ein.",
    )
    control(doc, "{%p if kunde.anschrift.land not in " + EWR + " %}")
    clause_para(
        doc,
        "Der Auftraggeber hat seinen Sitz außerhalb der EU/EWR ({{ land_name }}). Die "
        "Auftragnehmerin ist als in der Union niedergelassene Auftragsverarbeiterin an die DSGVO "
        "gebunden (Art. 3 Abs. 1 DSGVO); dieser Vertrag gilt unabhängig davon, ob die DSGVO auch "
        "auf den Auftraggeber anwendbar ist. Zwingendes Datenschutzrecht am Sitz des "
        "Auftraggebers{% if kunde.anschrift.land == 'CH' %}, insbesondere das schweizerische "
        "Bundesgesetz über den Datenschutz (DSG){% endif %}, bleibt unberührt. Übermittlungen an "
        "den Auftraggeber selbst, etwa bei der Rückgabe von Daten, erfolgen auf seine Weisung und "
        "nach Maßgabe der Art. 44 bis 49 DSGVO, also auf Grundlage eines "
        "Angemessenheitsbeschlusses oder, wenn keiner besteht, insbesondere der "
        "Standardvertragsklauseln nach Durchführungsbeschluss (EU) 2021/914 (Modul 4).",
    )
    control(doc, "{%p endif %}")
    clause_para(
        doc,
        "Die Anlagen 1 (Parteien und Ansprechpartner), 2 (Beschreibung der Verarbeitung), 3 "
        "(Technische und organisatorische Maßnahmen) und 4 (Unterauftragsverarbeiter) sind "
        "Bestandteil dieses Vertrags.",
    )

    clause(doc, "Verhältnis zum Hauptvertrag")
    clause_para(
        doc,
        "Dieser Vertrag ergänzt den Hauptvertrag. Widersprechen sich in Fragen des Datenschutzes "
        "dieser Vertrag und der Hauptvertrag oder eine andere Vereinbarung der Parteien, geht "
        "dieser Vertrag vor.",
    )
    clause_para(
        doc,
        "Die Pflichten aus diesem Vertrag erfüllt die Auftragnehmerin unabhängig davon, ob eine "
        "Vergütung geschuldet ist. Unterstützungsleistungen, die über den gewöhnlichen Umfang "
        "hinausgehen (etwa die Mitwirkung an einer Datenschutz-Folgenabschätzung oder an einer "
        "Kontrolle vor Ort), vergütet der Auftraggeber nach den Sätzen des Hauptvertrags, es sei "
        "denn, der Aufwand beruht auf einem Verstoß der Auftragnehmerin gegen diesen Vertrag oder "
        "gegen das Datenschutzrecht.",
    )


def _processing(doc: Document) -> None:
    clause(doc, "Art, Zweck und Umfang der Verarbeitung")
    clause_para(
        doc,
        "Art und Zwecke der Verarbeitung, die Arten personenbezogener Daten und die Kategorien "
        "betroffener Personen sind in Anlage 2 beschrieben.",
    )
    clause_para(
        doc,
        "Die Auftragnehmerin verarbeitet die Daten ausschließlich für die in Anlage 2 genannten "
        "Zwecke. Eine Verarbeitung für eigene Zwecke der Auftragnehmerin oder für Zwecke Dritter, "
        "insbesondere für andere Kunden, zur Werbung oder zum Training von Systemen künstlicher "
        "Intelligenz, ist ausgeschlossen.",
    )
    control(doc, "{%p if datenschutz.besondere_kategorien %}")
    clause_para(
        doc,
        [
            ("Besondere Kategorien personenbezogener Daten: ", True),
            (
                "Die Verarbeitung umfasst Daten besonderer Kategorien im Sinne des Art. 9 Abs. 1 "
                "DSGVO, nämlich: {{ datenschutz.besondere_kategorien|join('; ') }}. Für diese "
                "Daten gelten zusätzlich zu Anlage 3 folgende Schutzmaßnahmen:",
                False,
            ),
        ],
    )
    for text in (
        "Zugriff nur, soweit er für die einzelne Aufgabe erforderlich ist; keine Sammlung oder "
        "Auswertung über die Aufgabe hinaus;",
        "Speicherung möglichst nur in den Systemen des Auftraggebers; in Werkzeugen der "
        "Auftragnehmerin (Anlage 4) nur auf ausdrückliche Weisung im Einzelfall;",
        "Übermittlung nur über Ende-zu-Ende-verschlüsselte Wege oder in verschlüsselten Dateien, "
        "deren Passwort auf einem anderen Weg mitgeteilt wird;",
        "Pseudonymisierung, wo die Aufgabe es zulässt (z. B. Initialen oder Vorgangsnummern statt "
        "Namen in Aufgabenlisten);",
        "keine Ausdrucke, es sei denn, die Aufgabe erfordert sie; Papier wird nach Erledigung "
        "sofort vernichtet;",
        "jede Verletzung des Schutzes dieser Daten wird dem Auftraggeber ohne Ausnahme gemeldet, "
        "auch wenn ein Risiko für die betroffenen Personen unwahrscheinlich erscheint.",
    ):
        clause_bullet(doc, text)
    control(doc, "{%p else %}")
    clause_para(
        doc,
        [
            ("Besondere Kategorien personenbezogener Daten: ", True),
            (
                "Daten besonderer Kategorien im Sinne des Art. 9 Abs. 1 DSGVO (etwa "
                "Gesundheitsdaten) werden nach dem Hauptvertrag nicht verarbeitet. Erhält die "
                "Auftragnehmerin solche Daten dennoch, etwa in einer eingehenden E-Mail, "
                "verarbeitet sie sie nur, soweit dies für die Erledigung der Aufgabe erforderlich "
                "ist. Fallen solche Daten regelmäßig an, teilt sie das dem Auftraggeber mit, "
                "damit die Parteien diesen Vertrag um zusätzliche Schutzmaßnahmen ergänzen.",
                False,
            ),
        ],
    )
    control(doc, "{%p endif %}")

    clause(doc, "Dauer")
    clause_para(
        doc,
        "Die Zusammenarbeit beginnt am {{ auftrag.beginn|datum_lang }}. Dieser Vertrag gilt für "
        "die gesamte Laufzeit des Hauptvertrags{% if auftrag.ende %}, die bis zum "
        "{{ auftrag.ende|datum_lang }} befristet ist{% else %}, der auf unbestimmte Zeit "
        "geschlossen ist{% endif %}, und endet mit dessen Beendigung, ohne dass es einer "
        "gesonderten Kündigung bedarf. Solange der Hauptvertrag besteht, kann dieser Vertrag "
        "nicht gesondert ordentlich gekündigt werden.",
    )
    clause_para(
        doc,
        "Die Pflichten der Auftragnehmerin aus diesem Vertrag bestehen über das Ende des "
        "Hauptvertrags hinaus fort, bis sie alle personenbezogenen Daten des Auftraggebers "
        "gelöscht oder zurückgegeben hat. Die Pflicht zur Vertraulichkeit gilt zeitlich "
        "unbegrenzt.",
    )


def _controller(doc: Document) -> None:
    clause(doc, "Rechte und Pflichten des Auftraggebers")
    clause_para(
        doc,
        "Der Auftraggeber ist Verantwortlicher im Sinne der DSGVO. Er ist dafür verantwortlich, "
        "dass die Verarbeitung und die Überlassung der Daten an die Auftragnehmerin rechtmäßig "
        "sind (Art. 6 und, soweit einschlägig, Art. 9 DSGVO), dass die betroffenen Personen "
        "informiert werden (Art. 13 und 14 DSGVO) und dass ihre Rechte gewahrt werden (Art. 12 "
        "bis 22 DSGVO).",
    )
    clause_para(
        doc,
        "Der Auftraggeber hat das Recht, der Auftragnehmerin Weisungen zu erteilen und die "
        "Einhaltung dieses Vertrags zu kontrollieren; beides regelt dieser Vertrag näher. Er hat "
        "Anspruch auf die Rückgabe oder Löschung seiner Daten bei Vertragsende.",
    )
    clause_para(
        doc,
        "Der Auftraggeber überlässt der Auftragnehmerin nur die Daten und Zugänge, die sie für "
        "ihre Aufgaben benötigt. Zugänge zu seinen Systemen richtet er möglichst als persönliche "
        "Konten der Auftragnehmerin mit eigenen Zugangsdaten ein; Zugangsdaten übermittelt er nur "
        "über einen Passwort-Manager oder einen anderen verschlüsselten Weg. Bei Vertragsende "
        "entzieht er die Zugänge.",
    )
    clause_para(
        doc,
        "Der Auftraggeber teilt der Auftragnehmerin unverzüglich mit, wenn er Fehler oder "
        "Unregelmäßigkeiten bei der Verarbeitung feststellt oder wenn sich die "
        "weisungsberechtigten Personen oder Ansprechpartner nach Anlage 1 ändern.",
    )


def _instructions(doc: Document) -> None:
    clause(doc, "Weisungen")
    clause_para(
        doc,
        "Die Auftragnehmerin verarbeitet personenbezogene Daten nur auf dokumentierte Weisung des "
        "Auftraggebers; das gilt auch für die Übermittlung personenbezogener Daten an ein "
        "Drittland oder an eine internationale Organisation. Ausgenommen ist eine Verarbeitung, "
        "zu der die Auftragnehmerin nach dem Recht der Union oder eines Mitgliedstaats "
        "verpflichtet ist, dem sie unterliegt; in diesem Fall teilt sie dem Auftraggeber diese "
        "rechtliche Anforderung vor der Verarbeitung mit, sofern das betreffende Recht eine "
        "solche Mitteilung nicht wegen eines wichtigen öffentlichen Interesses verbietet (Art. 28 "
        "Abs. 3 Satz 2 Buchst. a DSGVO).",
    )
    clause_para(
        doc,
        "Der Hauptvertrag und dieser Vertrag mit seinen Anlagen bilden die grundlegenden "
        "Weisungen. Der Auftraggeber kann sie während der Laufzeit durch einzelne Weisungen "
        "ändern, ergänzen oder ersetzen. Weisungen, die über die vereinbarten Leistungen "
        "hinausgehen, behandeln die Parteien als Änderung des Hauptvertrags.",
    )
    clause_para(
        doc,
        "Weisungsberechtigt sind ausschließlich die in Anlage 1 genannten Personen "
        "(derzeit: " + WEISUNGSBERECHTIGTE + "). Weisungen empfängt die Auftragnehmerin "
        "persönlich. Ein Wechsel der weisungsberechtigten Personen ist der anderen Partei "
        "unverzüglich in Textform mitzuteilen.",
    )
    clause_para(
        doc,
        "Weisungen werden in Textform über folgende Wege erteilt: "
        "{{ datenschutz.weisungswege|join(', ') }}. Mündliche Weisungen, etwa am Telefon oder in "
        "einer Videokonferenz, sind nur in Eilfällen zulässig; die Auftragnehmerin bestätigt sie "
        "dem Auftraggeber unverzüglich in Textform.",
    )
    clause_para(
        doc,
        "Die Auftragnehmerin dokumentiert jede Weisung mit Datum, weisender Person und Inhalt und "
        "bewahrt diese Aufzeichnungen für die Dauer dieses Vertrags und drei weitere Jahre auf.",
    )
    clause_para(
        doc,
        "Ist die Auftragnehmerin der Auffassung, dass eine Weisung gegen die DSGVO oder andere "
        "Datenschutzvorschriften der Union oder der Mitgliedstaaten verstößt, informiert sie den "
        "Auftraggeber unverzüglich (Art. 28 Abs. 3 Unterabs. 2 DSGVO). Sie darf die Ausführung "
        "der Weisung aussetzen, bis der Auftraggeber sie in Textform bestätigt oder ändert. Eine "
        "offensichtlich rechtswidrige Weisung führt sie nicht aus.",
    )


def _confidentiality_and_security(doc: Document) -> None:
    clause(doc, "Vertraulichkeit")
    clause_para(
        doc,
        "Die Auftragnehmerin behandelt die personenbezogenen Daten vertraulich und nimmt von "
        "ihnen nur Kenntnis, soweit dies für ihre Aufgaben erforderlich ist. Sie erbringt die "
        "Leistungen persönlich; sie selbst ist zur Vertraulichkeit verpflichtet.",
    )
    clause_para(
        doc,
        "Setzt die Auftragnehmerin künftig eigene Beschäftigte ein, gewährt sie ihnen Zugang zu "
        "den Daten nur, soweit sie ihn für ihre Aufgaben benötigen, und erst, nachdem sie sie in "
        "Textform zur Vertraulichkeit verpflichtet und mit den Datenschutzvorschriften und diesem "
        "Vertrag vertraut gemacht hat, sofern sie nicht ohnehin einer angemessenen gesetzlichen "
        "Verschwiegenheitspflicht unterliegen (Art. 28 Abs. 3 Satz 2 Buchst. b, Art. 29 DSGVO). "
        "Personen, die nicht bei ihr beschäftigt sind (etwa eine selbständige Urlaubsvertretung), "
        "setzt sie nur als Unterauftragsverarbeiter nach diesem Vertrag ein.",
    )
    clause_para(doc, "Die Pflicht zur Vertraulichkeit gilt auch nach dem Ende dieses Vertrags.")
    control(doc, "{%p if kunde.berufsgeheimnis != 'keins' %}")
    clause_para(
        doc,
        "Der Auftraggeber unterliegt als Berufsgeheimnisträger der Schweigepflicht nach § 203 "
        "StGB. Die Auftragnehmerin wirkt an seiner beruflichen Tätigkeit mit (§ 203 Abs. 3 Satz 2 "
        "StGB). Sie ist darüber belehrt, dass sie sich strafbar macht, wenn sie ein fremdes "
        "Geheimnis, das ihr bei dieser Tätigkeit bekannt geworden ist, unbefugt offenbart (§ 203 "
        "Abs. 4 StGB) oder verwertet (§ 204 StGB). Die Einzelheiten regelt die "
        "Verschwiegenheitsvereinbarung der Parteien.",
    )
    control(doc, "{%p endif %}")

    clause(doc, "Sicherheit der Verarbeitung")
    clause_para(
        doc,
        "Die Auftragnehmerin trifft die nach Art. 32 DSGVO erforderlichen technischen und "
        "organisatorischen Maßnahmen, um ein dem Risiko angemessenes Schutzniveau zu "
        "gewährleisten. Sie berücksichtigt dabei den Stand der Technik, die "
        "Implementierungskosten, Art, Umfang, Umstände und Zwecke der Verarbeitung sowie die "
        "Eintrittswahrscheinlichkeit und die Schwere der Risiken für die Rechte und Freiheiten "
        "der betroffenen Personen (Art. 28 Abs. 3 Satz 2 Buchst. c DSGVO).",
    )
    clause_para(
        doc,
        "Die Maßnahmen bei Vertragsschluss beschreibt Anlage 3. Die Auftragnehmerin darf sie an "
        "den technischen Fortschritt anpassen, solange das Schutzniveau nicht sinkt. Wesentliche "
        "Änderungen dokumentiert sie und teilt sie dem Auftraggeber in Textform mit.",
    )
    clause_para(
        doc,
        "Arbeitet die Auftragnehmerin in Systemen des Auftraggebers, beachtet sie dessen "
        "Sicherheitsvorgaben. Für die Sicherheit dieser Systeme selbst ist der Auftraggeber "
        "verantwortlich.",
    )
    clause_para(
        doc,
        "Die Auftragnehmerin führt ein Verzeichnis der Verarbeitungstätigkeiten, die sie im "
        "Auftrag durchführt (Art. 30 Abs. 2 DSGVO).",
    )


def _subprocessors(doc: Document) -> None:
    clause(doc, "Unterauftragsverarbeiter")
    clause_para(
        doc,
        "Unterauftragsverarbeiter ist jeder Dienstleister, den die Auftragnehmerin einsetzt und "
        "der dabei personenbezogene Daten des Auftraggebers verarbeitet, insbesondere Anbieter "
        "von Software und Cloud-Diensten, die sie über ihr eigenes Konto nutzt. Keine "
        "Unterauftragsverarbeiter der Auftragnehmerin sind die Anbieter von Diensten, die sie in "
        "Konten des Auftraggebers nutzt (Anlage 4 Teil B); sie sind Auftragsverarbeiter des "
        "Auftraggebers. Ebenfalls keine Unterauftragsverarbeiter sind Nebenleistungen ohne "
        "Zugriff auf die Daten, etwa die bloße Übertragung durch Telekommunikations- oder "
        "Postdienste.",
    )
    control(doc, "{%p if datenschutz.genehmigung == 'einzeln' %}")
    clause_para(
        doc,
        [
            ("Gesonderte Genehmigung: ", True),
            (
                "Der Auftraggeber genehmigt mit diesem Vertrag die in Anlage 4 Teil A namentlich "
                "aufgeführten Unterauftragsverarbeiter (vorherige gesonderte schriftliche "
                "Genehmigung nach Art. 28 Abs. 2 Satz 1 DSGVO). Jede weitere Hinzuziehung und "
                "jede Ersetzung eines Unterauftragsverarbeiters bedarf seiner vorherigen "
                "gesonderten Genehmigung in Textform. Die Auftragnehmerin beantragt sie "
                "mindestens {{ datenschutz.einspruchsfrist_tage }} Tage vor dem beabsichtigten "
                "Einsatz und nennt dabei Name und Anschrift des Anbieters, die Leistung, die "
                "betroffenen Daten, den Ort der Verarbeitung und gegebenenfalls die Grundlage "
                "einer Übermittlung in ein Drittland. Ohne Genehmigung setzt sie den "
                "Unterauftragsverarbeiter nicht ein.",
                False,
            ),
        ],
    )
    control(doc, "{%p else %}")
    clause_para(
        doc,
        [
            ("Allgemeine Genehmigung: ", True),
            (
                "Der Auftraggeber erteilt der Auftragnehmerin die allgemeine schriftliche "
                "Genehmigung, Unterauftragsverarbeiter einzusetzen (Art. 28 Abs. 2 Satz 1 DSGVO). "
                "Die in Anlage 4 Teil A namentlich aufgeführten Unterauftragsverarbeiter gelten "
                "mit Abschluss dieses Vertrags als genehmigt.",
                False,
            ),
        ],
    )
    clause_para(
        doc,
        "Jede beabsichtigte Hinzuziehung oder Ersetzung eines Unterauftragsverarbeiters teilt die "
        "Auftragnehmerin dem Auftraggeber mindestens {{ datenschutz.einspruchsfrist_tage }} Tage "
        "vorher in Textform mit und nennt dabei Name und Anschrift des Anbieters, die Leistung, "
        "die betroffenen Daten, den Ort der Verarbeitung und gegebenenfalls die Grundlage einer "
        "Übermittlung in ein Drittland (Art. 28 Abs. 2 Satz 2 DSGVO). Der Auftraggeber kann "
        "innerhalb dieser Frist in Textform Einspruch gegen die Änderung erheben. Erhebt er "
        "Einspruch, setzt die Auftragnehmerin den Unterauftragsverarbeiter nicht ein. Kann sie "
        "die Leistung ohne ihn nicht oder nur mit unzumutbarem Aufwand erbringen, können beide "
        "Parteien die betroffenen Leistungen mit einer Frist von einem Monat kündigen.",
    )
    control(doc, "{%p endif %}")
    clause_para(
        doc,
        "Die Auftragnehmerin wählt Unterauftragsverarbeiter sorgfältig aus, insbesondere im "
        "Hinblick auf ihre technischen und organisatorischen Maßnahmen. Sie setzt einen "
        "Unterauftragsverarbeiter nur ein, wenn ihm durch einen Vertrag dieselben "
        "Datenschutzpflichten auferlegt sind, die in diesem Vertrag festgelegt sind, und er "
        "hinreichende Garantien dafür bietet, dass die Verarbeitung den Anforderungen der DSGVO "
        "entspricht (Art. 28 Abs. 4 Satz 1 DSGVO). Bei Anbietern standardisierter Dienste "
        "geschieht dies durch deren Auftragsverarbeitungsbedingungen, die die Auftragnehmerin vor "
        "dem Einsatz und danach mindestens einmal jährlich prüft.",
    )
    clause_para(
        doc,
        "Auf Verlangen des Auftraggebers legt die Auftragnehmerin ihm die Vereinbarung mit einem "
        "Unterauftragsverarbeiter vor; Geschäftsgeheimnisse darf sie dabei schwärzen.",
    )
    clause_para(
        doc,
        "Kommt ein Unterauftragsverarbeiter seinen Datenschutzpflichten nicht nach, haftet die "
        "Auftragnehmerin gegenüber dem Auftraggeber für die Einhaltung der Pflichten des "
        "Unterauftragsverarbeiters in vollem Umfang (Art. 28 Abs. 4 Satz 2 DSGVO). Sie informiert "
        "den Auftraggeber unverzüglich, wenn ein Unterauftragsverarbeiter seine Pflichten "
        "verletzt.",
    )


def _location(doc: Document) -> None:
    clause(doc, "Ort der Verarbeitung und Übermittlung in Drittländer")
    clause_para(
        doc,
        "Die Auftragnehmerin erbringt ihre Leistungen ausschließlich in einem Mitgliedstaat der "
        "Europäischen Union oder einem anderen Vertragsstaat des Abkommens über den Europäischen "
        "Wirtschaftsraum (EU/EWR). Will sie außerhalb dieses Gebiets arbeiten, auch "
        "vorübergehend, etwa auf einer Reise, bedarf dies der vorherigen Weisung des "
        "Auftraggebers in Textform.",
    )
    clause_para(
        doc,
        "Eine Übermittlung personenbezogener Daten in ein Drittland oder an eine internationale "
        "Organisation erfolgt nur auf dokumentierte Weisung des Auftraggebers und nur, wenn die "
        "Voraussetzungen der Art. 44 bis 49 DSGVO erfüllt sind. Mit der Genehmigung der in Anlage "
        "4 Teil A genannten Unterauftragsverarbeiter weist der Auftraggeber die dort angegebenen "
        "Übermittlungen auf der dort genannten Grundlage an.",
    )
    clause_para(
        doc,
        "Setzt die Auftragnehmerin einen Unterauftragsverarbeiter ein, der Daten in einem "
        "Drittland verarbeitet, ohne dass ein Angemessenheitsbeschluss der Europäischen "
        "Kommission die Übermittlung deckt, stellt sie sicher, dass geeignete Garantien nach Art. "
        "46 DSGVO bestehen, insbesondere die Standardvertragsklauseln der Kommission "
        "(Durchführungsbeschluss (EU) 2021/914, Modul 3). Fällt eine Übermittlungsgrundlage weg, "
        "informiert sie den Auftraggeber unverzüglich.",
    )


def _assistance(doc: Document) -> None:
    clause(doc, "Unterstützung des Auftraggebers")
    clause_para(
        doc,
        "Die Auftragnehmerin unterstützt den Auftraggeber angesichts der Art der Verarbeitung "
        "nach Möglichkeit mit geeigneten technischen und organisatorischen Maßnahmen dabei, "
        "Anträge betroffener Personen auf Wahrnehmung ihrer Rechte nach Kapitel III der DSGVO "
        "(Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit, "
        "Widerspruch) zu beantworten (Art. 28 Abs. 3 Satz 2 Buchst. e DSGVO). Berichtigungen, "
        "Löschungen und Einschränkungen nimmt sie auf Weisung des Auftraggebers vor.",
    )
    clause_para(
        doc,
        "Wendet sich eine betroffene Person unmittelbar an die Auftragnehmerin, leitet sie das "
        "Anliegen unverzüglich an den Auftraggeber weiter. Sie beantwortet es nicht selbst, es "
        "sei denn, der Auftraggeber hat sie dazu ermächtigt.",
    )
    clause_para(
        doc,
        "Unter Berücksichtigung der Art der Verarbeitung und der ihr zur Verfügung stehenden "
        "Informationen unterstützt die Auftragnehmerin den Auftraggeber außerdem bei der "
        "Einhaltung seiner Pflichten aus Art. 32 bis 36 DSGVO (Art. 28 Abs. 3 Satz 2 Buchst. f "
        "DSGVO), nämlich",
    )
    for text in (
        "bei der Sicherheit der Verarbeitung (Art. 32 DSGVO),",
        "bei der Meldung von Verletzungen des Schutzes personenbezogener Daten an die "
        "Aufsichtsbehörde und bei der Benachrichtigung der betroffenen Personen (Art. 33 und 34 "
        "DSGVO),",
        "bei einer Datenschutz-Folgenabschätzung (Art. 35 DSGVO) und",
        "bei einer vorherigen Konsultation der Aufsichtsbehörde (Art. 36 DSGVO).",
    ):
        clause_bullet(doc, text)
    clause_para(
        doc,
        "Stellt die Auftragnehmerin fest, dass Daten unrichtig oder veraltet sind, teilt sie dies "
        "dem Auftraggeber mit. Über Kontrollen und Anfragen einer Aufsichtsbehörde, die die "
        "Verarbeitung für den Auftraggeber betreffen, unterrichtet sie ihn unverzüglich, soweit "
        "dies rechtlich zulässig ist.",
    )


def _breaches(doc: Document) -> None:
    clause(doc, "Meldung von Verletzungen des Schutzes personenbezogener Daten")
    clause_para(
        doc,
        "Wird der Auftragnehmerin eine Verletzung des Schutzes personenbezogener Daten bekannt, "
        "die Daten des Auftraggebers betrifft, meldet sie dies dem Auftraggeber unverzüglich "
        "(Art. 33 Abs. 2 DSGVO), spätestens innerhalb von {{ datenschutz.meldefrist_stunden }} "
        "Stunden, nachdem sie davon Kenntnis erlangt hat. Das gilt auch für einen begründeten "
        "Verdacht und für Verletzungen bei einem Unterauftragsverarbeiter. Die Meldung erfolgt an "
        "eine der in Anlage 1 genannten Personen, bei Dringlichkeit zusätzlich telefonisch.",
    )
    clause_para(doc, "Die Meldung enthält, soweit bekannt, mindestens")
    for text in (
        "eine Beschreibung der Art der Verletzung, möglichst mit den Kategorien und der "
        "ungefähren Zahl der betroffenen Personen und der ungefähren Zahl der betroffenen "
        "Datensätze,",
        "Name und Kontaktdaten einer Anlaufstelle für weitere Informationen,",
        "eine Beschreibung der wahrscheinlichen Folgen der Verletzung und",
        "eine Beschreibung der ergriffenen oder vorgeschlagenen Maßnahmen zur Behebung der "
        "Verletzung und zur Abmilderung ihrer möglichen nachteiligen Auswirkungen.",
    ):
        clause_bullet(doc, text)
    clause_para(
        doc,
        "Können nicht alle Angaben zugleich gemacht werden, meldet die Auftragnehmerin zunächst "
        "die vorhandenen und liefert die übrigen ohne weitere unangemessene Verzögerung nach "
        "(Art. 33 Abs. 4 DSGVO).",
    )
    clause_para(
        doc,
        "Die Auftragnehmerin trifft unverzüglich die Maßnahmen, die zur Sicherung der Daten und "
        "zur Minderung möglicher Nachteile erforderlich sind, und stimmt sich dabei mit dem "
        "Auftraggeber ab. Sie dokumentiert jede Verletzung mit allen damit zusammenhängenden "
        "Tatsachen, ihren Auswirkungen und den ergriffenen Abhilfemaßnahmen.",
    )
    clause_para(
        doc,
        "Die Meldung an die Aufsichtsbehörde (innerhalb von 72 Stunden, Art. 33 Abs. 1 DSGVO) und "
        "die Benachrichtigung der betroffenen Personen obliegen dem Auftraggeber. Die "
        "Auftragnehmerin nimmt sie nur auf seine Weisung vor.",
    )
    clause_para(
        doc,
        "Bemerkt die Auftragnehmerin Anzeichen eines Sicherheitsvorfalls in Systemen des "
        "Auftraggebers, etwa auffällige Anmeldungen oder gezielte Phishing-Nachrichten, weist sie "
        "den Auftraggeber ebenfalls unverzüglich darauf hin.",
    )


def _audits(doc: Document) -> None:
    clause(doc, "Nachweise und Kontrollen")
    clause_para(
        doc,
        "Die Auftragnehmerin stellt dem Auftraggeber auf Anfrage alle Informationen zur "
        "Verfügung, die zum Nachweis der Einhaltung der Pflichten aus Art. 28 DSGVO und diesem "
        "Vertrag erforderlich sind, etwa die aktuelle Beschreibung der Maßnahmen nach Anlage 3, "
        "die Vereinbarungen mit Unterauftragsverarbeitern und die Dokumentation der Weisungen "
        "(Art. 28 Abs. 3 Satz 2 Buchst. h DSGVO).",
    )
    clause_para(
        doc,
        "Sie ermöglicht Überprüfungen einschließlich Inspektionen, die der Auftraggeber oder ein "
        "von ihm beauftragter, zur Verschwiegenheit verpflichteter Prüfer in angemessenen "
        "Abständen oder bei Anhaltspunkten für einen Verstoß durchführt, und trägt zu ihnen bei.",
    )
    clause_para(
        doc,
        "Die Auftragnehmerin arbeitet in einem Büro in ihrer Wohnung. Kontrollen erfolgen deshalb "
        "vorrangig durch Auskünfte, die Vorlage von Nachweisen oder eine gemeinsame "
        "Videobegehung. Eine Kontrolle vor Ort ist mit angemessener Frist, in der Regel "
        "mindestens 14 Tage vorher, in Textform anzukündigen; bei einem konkreten Verdacht eines "
        "Verstoßes genügt eine kürzere, den Umständen nach angemessene Frist. Sie findet zu den "
        "üblichen Geschäftszeiten in Anwesenheit der Auftragnehmerin statt, beschränkt sich auf "
        "die Arbeitsräume und die für die Verarbeitung genutzten Geräte und Vorkehrungen und darf "
        "keinen Einblick in Daten anderer Kunden geben.",
    )
    clause_para(doc, "Die Befugnisse der Aufsichtsbehörden bleiben unberührt.")


def _end(doc: Document) -> None:
    clause(doc, "Löschung und Rückgabe nach Vertragsende")
    clause_para(
        doc,
        "Nach Abschluss der Leistungen löscht die Auftragnehmerin nach Wahl des Auftraggebers "
        "alle personenbezogenen Daten, die sie in seinem Auftrag verarbeitet hat, oder gibt sie "
        "ihm zurück, und löscht die vorhandenen Kopien, sofern nicht nach dem Recht der Union "
        "oder der Mitgliedstaaten eine Pflicht zur Speicherung besteht (Art. 28 Abs. 3 Satz 2 "
        "Buchst. g DSGVO). Trifft der Auftraggeber seine Wahl nicht innerhalb von 14 Tagen nach "
        "einer Aufforderung in Textform, löscht die Auftragnehmerin die Daten.",
    )
    clause_para(
        doc,
        "Die Rückgabe erfolgt in einem gängigen elektronischen Format über einen verschlüsselten "
        "Weg. Zugangsdaten zu Systemen des Auftraggebers löscht die Auftragnehmerin aus ihrem "
        "Passwort-Manager; Papierunterlagen gibt sie zurück oder vernichtet sie mit einem "
        "Aktenvernichter. Daten in Datensicherungen werden mit dem regelmäßigen Überschreiben der "
        "Sicherungen gelöscht (Anlage 3) und bis dahin nicht mehr verwendet.",
    )
    clause_para(
        doc,
        "Die Auftragnehmerin bestätigt dem Auftraggeber die vollständige Löschung oder Rückgabe "
        "in Textform unter Angabe des Datums.",
    )
    clause_para(
        doc,
        "Nicht erfasst sind Unterlagen, die die Auftragnehmerin als eigene Verantwortliche "
        "aufgrund gesetzlicher Pflichten aufbewahren muss, insbesondere ihre Rechnungen mit den "
        "zugehörigen Tätigkeitsnachweisen und ihre Geschäftskorrespondenz zum Hauptvertrag (§ 147 "
        "AO, § 14b UStG), sowie die Dokumentation der Weisungen für die in diesem Vertrag "
        "genannte Frist. Sie bewahrt diese Unterlagen nur für die Dauer der jeweiligen Pflicht "
        "auf, schränkt ihre Verarbeitung auf diesen Zweck ein und löscht sie danach.",
    )
    clause_para(
        doc,
        "Ein Zurückbehaltungsrecht an den Daten des Auftraggebers, gleich aus welchem Grund, "
        "steht der Auftragnehmerin nicht zu.",
    )


def _violations_and_final(doc: Document) -> None:
    clause(doc, "Verstöße und außerordentliche Kündigung")
    clause_para(
        doc,
        "Kann die Auftragnehmerin diesen Vertrag nicht einhalten, teilt sie dies dem Auftraggeber "
        "unverzüglich mit. Der Auftraggeber kann die Verarbeitung dann aussetzen, bis die "
        "Einhaltung wiederhergestellt ist.",
    )
    clause_para(
        doc,
        "Der Auftraggeber kann diesen Vertrag und den Hauptvertrag, soweit er die Verarbeitung "
        "betrifft, ohne Einhaltung einer Frist kündigen, wenn die Verarbeitung ausgesetzt wurde "
        "und die Einhaltung nicht innerhalb eines Monats wiederhergestellt ist, wenn die "
        "Auftragnehmerin erheblich oder fortdauernd gegen diesen Vertrag oder die DSGVO verstößt "
        "oder wenn sie eine bindende Entscheidung eines Gerichts oder einer Aufsichtsbehörde zu "
        "ihren Pflichten nicht befolgt.",
    )
    clause_para(
        doc,
        "Die Auftragnehmerin kann diesen Vertrag und den Hauptvertrag, soweit er die Verarbeitung "
        "betrifft, ohne Einhaltung einer Frist kündigen, wenn der Auftraggeber auf der Ausführung "
        "einer Weisung besteht, die nach ihrem Hinweis gegen Datenschutzrecht verstößt.",
    )
    clause_para(
        doc,
        "Das Recht beider Parteien zur Kündigung aus wichtigem Grund (§ 626 BGB) bleibt im "
        "Übrigen unberührt. Für die Haftung gegenüber betroffenen Personen gilt Art. 82 DSGVO; "
        "die Haftung der Auftragnehmerin für Unterauftragsverarbeiter nach Art. 28 Abs. 4 Satz 2 "
        "DSGVO bleibt unberührt.",
    )

    clause(doc, "Schlussbestimmungen")
    clause_para(
        doc,
        "Dieser Vertrag wird schriftlich oder in einem elektronischen Format geschlossen (Art. 28 "
        "Abs. 9 DSGVO): durch die Unterschrift beider Parteien oder dadurch, dass die "
        "Auftragnehmerin ihn in Textform übermittelt und der Auftraggeber ihn in Textform, etwa "
        "per E-Mail, ausdrücklich annimmt.",
    )
    clause_para(
        doc,
        "Änderungen und Ergänzungen dieses Vertrags bedürfen mindestens der Textform (§ 126b "
        "BGB). Änderungen der Anlage 4 nach dem in diesem Vertrag geregelten Verfahren und "
        "Aktualisierungen der Anlage 3, die das Schutzniveau nicht senken, bedürfen keiner "
        "erneuten Unterzeichnung.",
    )
    clause_para(
        doc,
        "Ist eine Bestimmung dieses Vertrags unwirksam, bleiben die übrigen Bestimmungen wirksam. "
        "An die Stelle der unwirksamen Bestimmung tritt die gesetzliche Regelung, insbesondere "
        "Art. 28 DSGVO.",
    )
    clause_para(
        doc,
        "Es gilt das Recht der Bundesrepublik Deutschland, soweit nicht die DSGVO unmittelbar "
        "anwendbar ist.",
    )


def _signatures(doc: Document) -> None:
    p = para(
        doc,
        "Für den Auftraggeber genügt statt der Unterschrift auch eine Erklärung in Textform, etwa "
        "eine E-Mail an {{ profil.kontakt.email }}, mit der er diesen Vertrag in der Fassung vom "
        "{{ dokument.datum|datum_lang }} ausdrücklich annimmt.",
        style="Klein",
    )
    p.paragraph_format.space_before = Pt(10)
    p.paragraph_format.keep_with_next = True
    signature_block(
        doc,
        ["Ort, Datum: ____________________", "{{ kunde.name }}", "Auftraggeber (Verantwortlicher)"],
        [
            "{{ dokument.ort }}, {{ dokument.datum|datum_lang }}",
            "{{ profil.name }}",
            "Auftragnehmerin (Auftragsverarbeiterin)",
        ],
    )


# --- Anlagen -----------------------------------------------------------------------------------


def _annex_heading(doc: Document, text: str) -> None:
    h = heading(doc, text, level=1)
    h.paragraph_format.page_break_before = True
    para(
        doc,
        "zum Auftragsverarbeitungsvertrag zwischen {{ kunde.name }} und {{ profil.name }} vom "
        "{{ dokument.datum|datum_lang }}",
        style="Klein",
        space_after=8,
    )


def _label_table(doc: Document, rows: list[tuple[str, list[str]]]) -> None:
    """Two columns: label and value lines (a value line may be a {%p %} control tag)."""
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    fixed_widths(table, [50, 115])
    for i, (label, lines) in enumerate(rows):
        run = table.cell(i, 0).paragraphs[0].add_run(label)
        run.bold = True
        run.font.size = Pt(9)
        cell = table.cell(i, 1)
        for j, line in enumerate(lines):
            p = cell.paragraphs[0] if j == 0 else cell.add_paragraph()
            p.paragraph_format.space_after = Pt(1)
            p.add_run(line).font.size = Pt(9)


def _annex_parties(doc: Document) -> None:
    _annex_heading(doc, "Anlage 1: Parteien und Ansprechpartner")
    heading(doc, "Auftraggeber (Verantwortlicher)", level=2)
    _label_table(
        doc,
        [
            ("Name / Firma", ["{{ kunde.name }}"]),
            ("Anschrift", [KUNDE_ANSCHRIFT]),
            (
                "Ansprechpartner",
                [
                    "{% if kunde.ansprechpartner %}{{ kunde.ansprechpartner.anrede }} "
                    "{{ kunde.ansprechpartner.voller_name }}{% if kunde.ansprechpartner.funktion "
                    "%}, {{ kunde.ansprechpartner.funktion }}{% endif %}{% else %}die unten "
                    "genannten weisungsberechtigten Personen{% endif %}",
                    "{% if kunde.ansprechpartner and kunde.ansprechpartner.email %}E-Mail: "
                    "{{ kunde.ansprechpartner.email }}{% endif %}{% if kunde.ansprechpartner and "
                    "kunde.ansprechpartner.telefon %}{% if kunde.ansprechpartner.email %} · "
                    "{% endif %}Telefon: {{ kunde.ansprechpartner.telefon }}{% endif %}",
                ],
            ),
            (
                "Weisungsberechtigte Personen",
                [
                    "{%p for w in datenschutz.weisungsberechtigte %}",
                    "{{ w.name }}{% if w.funktion %}, {{ w.funktion }}{% endif %}{% if w.email %} "
                    "· {{ w.email }}{% endif %}",
                    "{%p else %}",
                    "die gesetzlichen Vertreter des Auftraggebers",
                    "{%p endfor %}",
                ],
            ),
            ("Wege für Weisungen", ["{{ datenschutz.weisungswege|join(', ') }}"]),
            (
                "Datenschutzbeauftragte(r)",
                [
                    "Sofern der Auftraggeber eine Datenschutzbeauftragte oder einen "
                    "Datenschutzbeauftragten benannt hat, teilt er Namen und Kontaktdaten in "
                    "Textform mit."
                ],
            ),
        ],
    )
    heading(doc, "Auftragnehmerin (Auftragsverarbeiterin)", level=2)
    _label_table(
        doc,
        [
            ("Name", ["{{ profil.name }}"]),
            ("Geschäftsbezeichnung", ["{{ profil.anzeigename }}"]),
            ("Anschrift", [PROFIL_ANSCHRIFT]),
            (
                "Kontakt",
                [
                    "E-Mail: {{ profil.kontakt.email }}{% if profil.kontakt.telefon %} · Telefon: "
                    "{{ profil.kontakt.telefon }}{% endif %}",
                    "{% if profil.kontakt.website %}Website: "
                    "{{ profil.kontakt.website }}{% endif %}",
                ],
            ),
            (
                "Ansprechpartnerin für Datenschutz, Weisungen und Meldungen",
                ["{{ profil.name }} persönlich, über die oben genannten Kontaktwege"],
            ),
            (
                "Datenschutzbeauftragte",
                [
                    "Die Auftragnehmerin arbeitet allein und ist nicht zur Benennung einer oder "
                    "eines Datenschutzbeauftragten verpflichtet (Art. 37 DSGVO, § 38 BDSG)."
                ],
            ),
        ],
    )


def _annex_processing(doc: Document) -> None:
    _annex_heading(doc, "Anlage 2: Beschreibung der Verarbeitung")
    heading(doc, "1. Gegenstand der Verarbeitung", level=2)
    para(
        doc,
        "{% if datenschutz.gegenstand %}{{ datenschutz.gegenstand }}{% else %}Unterstützung des "
        "Auftraggebers nach dem Hauptvertrag{% endif %}; Leistungen nach der Auftragsbestätigung "
        "vom {{ auftrag.datum|datum_lang }}.",
    )
    heading(doc, "2. Art der Verarbeitung", level=2)
    _list_or(
        doc,
        "datenschutz.verarbeitungen",
        "v in datenschutz.verarbeitungen",
        "{{ v }}",
        "wie im Hauptvertrag beschrieben",
    )
    heading(doc, "3. Zwecke der Verarbeitung", level=2)
    _list_or(
        doc,
        "datenschutz.zwecke",
        "z in datenschutz.zwecke",
        "{{ z }}",
        "Erbringung der Leistungen nach dem Hauptvertrag",
    )
    heading(doc, "4. Arten personenbezogener Daten", level=2)
    _list_or(
        doc,
        "datenschutz.datenarten",
        "d in datenschutz.datenarten",
        "{{ d }}",
        "Namen und Kontaktdaten",
    )
    heading(doc, "5. Besondere Kategorien personenbezogener Daten (Art. 9 DSGVO)", level=2)
    control(doc, "{%p if datenschutz.besondere_kategorien %}")
    clause_bullets(doc, "b in datenschutz.besondere_kategorien", "{{ b }}")
    para(
        doc,
        "Für diese Daten gelten die zusätzlichen Schutzmaßnahmen, die der Vertrag im Abschnitt "
        "„Art, Zweck und Umfang der Verarbeitung“ festlegt.",
        style="Klein",
    )
    control(doc, "{%p else %}")
    para(
        doc,
        "Keine. Besondere Kategorien personenbezogener Daten werden nicht planmäßig verarbeitet.",
    )
    control(doc, "{%p endif %}")
    heading(doc, "6. Kategorien betroffener Personen", level=2)
    _list_or(
        doc,
        "datenschutz.betroffene",
        "b in datenschutz.betroffene",
        "{{ b }}",
        "Kunden und Geschäftspartner des Auftraggebers",
    )
    heading(doc, "7. Dauer der Verarbeitung", level=2)
    para(
        doc,
        "Ab dem {{ auftrag.beginn|datum_lang }} für die Laufzeit des "
        "Hauptvertrags{% if auftrag.ende %} (befristet bis zum "
        "{{ auftrag.ende|datum_lang }}){% endif %} und danach bis zur vollständigen Löschung oder "
        "Rückgabe der Daten.",
    )
    heading(doc, "8. Ort der Verarbeitung", level=2)
    para(
        doc,
        "Büro der Auftragnehmerin in {{ profil.anschrift.ort }} und andere Orte in der EU/EWR; "
        "Systeme und Konten des Auftraggebers; bei Unterauftragsverarbeitern die in Anlage 4 "
        "genannten Orte.",
    )
    heading(doc, "9. Kommunikationswege und Werkzeuge", level=2)
    para(doc, "Kommunikation: {{ auftrag.kommunikation|join(', ') }}.")
    para(
        doc,
        "Werkzeuge: {% if werkzeugnamen %}{{ werkzeugnamen|join(', ') }} (Einzelheiten in Anlage "
        "4){% else %}keine über die Kommunikationswege hinaus{% endif %}.",
    )


def _list_or(doc: Document, cond: str, loop: str, item: str, fallback: str) -> None:
    control(doc, "{%p if " + cond + " %}")
    clause_bullets(doc, loop, item)
    control(doc, "{%p else %}")
    para(doc, fallback)
    control(doc, "{%p endif %}")


TOMS: list[tuple[str, list[str]]] = [
    (
        "1. Pseudonymisierung und Verschlüsselung (Art. 32 Abs. 1 Buchst. a DSGVO)",
        [
            "Alle Rechner und Mobilgeräte, auf denen Daten des Auftraggebers verarbeitet werden, "
            "sind vollständig verschlüsselt (z. B. BitLocker, FileVault oder LUKS; "
            "Geräteverschlüsselung mit PIN auf Smartphone und Tablet).",
            "Datenübertragungen erfolgen ausschließlich über verschlüsselte Verbindungen (TLS, "
            "VPN). Vertrauliche Anhänge werden als verschlüsselte Datei versandt; das Passwort "
            "wird auf einem anderen Weg mitgeteilt.",
            "Zugangsdaten liegen ausschließlich in einem Ende-zu-Ende-verschlüsselten "
            "Passwort-Manager, mit einem getrennten Tresor für jeden Kunden. Zugangsdaten werden "
            "nur über den Passwort-Manager geteilt, nie im Klartext per E-Mail, Chat oder Telefon.",
            "Datensicherungen werden verschlüsselt.",
            "Wo die Aufgabe es zulässt, werden Daten pseudonymisiert, etwa durch Initialen oder "
            "Vorgangsnummern statt Namen in Aufgabenlisten und Statusberichten.",
        ],
    ),
    (
        "2. Vertraulichkeit (Art. 32 Abs. 1 Buchst. b DSGVO)",
        [
            "Zutritt: Gearbeitet wird in einem abschließbaren Arbeitszimmer der Wohnung der "
            "Auftragnehmerin. Besucher und Handwerker halten sich dort nicht unbeaufsichtigt auf. "
            "Unterwegs bleiben Geräte nie unbeaufsichtigt; an öffentlichen Orten wird nicht mit "
            "Daten des Auftraggebers gearbeitet, wenn Dritte Bildschirm oder Gespräche wahrnehmen "
            "können.",
            "Zugang: Jedes Konto hat ein eigenes, starkes Passwort aus dem Passwort-Manager. Für "
            "alle Konten mit Daten des Auftraggebers (E-Mail, Passwort-Manager, Cloud-Dienste, "
            "Werkzeuge) ist eine Mehr-Faktor-Authentisierung aktiviert. Die Bildschirmsperre "
            "schaltet sich nach spätestens fünf Minuten ein und wird beim Verlassen des Platzes "
            "sofort aktiviert. Die tägliche Arbeit erfolgt mit einem Benutzerkonto ohne "
            "Administratorrechte.",
            "Zugriff: Für jeden Kunden gibt es ein eigenes Browserprofil, damit Sitzungen, "
            "Cookies und gespeicherte Anmeldungen getrennt bleiben. In Systeme des Auftraggebers "
            "meldet sich die Auftragnehmerin nur mit den ihr zugewiesenen persönlichen Konten und "
            "Rechten an. Die Arbeitsgeräte werden von niemand anderem, auch nicht von "
            "Haushaltsangehörigen, genutzt.",
            "Trennung: Daten jedes Kunden liegen in einer eigenen Ablage und einem eigenen Tresor "
            "des Passwort-Managers; Daten eines Kunden werden nie für einen anderen verwendet.",
            "Papier und Datenträger: Ausdrucke nur, wenn unvermeidbar; sie werden verschlossen "
            "aufbewahrt und mit einem Aktenvernichter der Sicherheitsstufe P-4 (DIN 66399) "
            "vernichtet. Ausgemusterte Datenträger werden sicher gelöscht oder physisch zerstört.",
            "Online-Dienste: Personenbezogene Daten des Auftraggebers werden nicht in KI-, "
            "Übersetzungs- oder andere Online-Dienste eingegeben, die nicht in Anlage 4 "
            "aufgeführt oder vom Auftraggeber angewiesen sind.",
        ],
    ),
    (
        "3. Integrität (Art. 32 Abs. 1 Buchst. b DSGVO)",
        [
            "Weitergabe: Daten werden nur über die vereinbarten Kommunikationswege und Werkzeuge "
            "weitergegeben; keine Weiterleitung an private Postfächer, keine unverschlüsselten "
            "USB-Sticks.",
            "Eingabe: Änderungen in Systemen des Auftraggebers sind über dessen Protokolle und "
            "die Tätigkeitsnachweise der Auftragnehmerin nachvollziehbar. Weisungen werden "
            "dokumentiert.",
            "Schutz vor Schadsoftware: Betriebssystem, Browser und Programme erhalten "
            "Sicherheitsupdates automatisch und zeitnah; es wird nur Software verwendet, die noch "
            "vom Hersteller unterstützt wird. Virenschutz und Firewall sind aktiv.",
            "Netzwerk: Der Router hat aktuelle Firmware und ein eigenes Administratorpasswort; "
            "das WLAN ist mit WPA2 oder WPA3 verschlüsselt; private und smarte Haushaltsgeräte "
            "nutzen ein getrenntes Gastnetz.",
        ],
    ),
    (
        "4. Verfügbarkeit und Belastbarkeit (Art. 32 Abs. 1 Buchst. b DSGVO)",
        [
            "Datensicherung: Eigene Arbeitsdaten werden mindestens täglich automatisch und "
            "verschlüsselt auf ein externes Laufwerk gesichert, das getrennt vom Rechner "
            "verschlossen aufbewahrt wird. Sicherungen in einem Cloud-Speicher erfolgen nur bei "
            "einem in Anlage 4 genannten Anbieter. Sicherungen werden rollierend nach spätestens "
            "90 Tagen überschrieben.",
            "Ausfall: Für einen Geräteausfall steht ein Ersatzgerät oder ein kurzfristig "
            "beschaffbares Gerät bereit; für einen Ausfall des Internetzugangs ein mobiler "
            "Zugang. Bei Krankheit oder anderer Verhinderung informiert die Auftragnehmerin den "
            "Auftraggeber; Zugänge werden dabei nicht an Dritte weitergegeben.",
            "Die Daten des Auftraggebers in seinen eigenen Systemen sichert der Auftraggeber.",
        ],
    ),
    (
        "5. Rasche Wiederherstellung (Art. 32 Abs. 1 Buchst. c DSGVO)",
        [
            "Ein Arbeitsplatz lässt sich aus der Datensicherung und dem Passwort-Manager "
            "innerhalb eines Werktags wiederherstellen; das Vorgehen ist schriftlich festgehalten.",
            "Die Wiederherstellung aus der Datensicherung wird mindestens halbjährlich an "
            "Stichproben getestet.",
        ],
    ),
    (
        "6. Regelmäßige Überprüfung, Bewertung und Evaluierung (Art. 32 Abs. 1 Buchst. d DSGVO)",
        [
            "Vorfallsprozess: Bei einem Verdacht auf eine Datenschutzverletzung (verlorenes "
            "Gerät, Fehlversand, Phishing, auffällige Anmeldung) werden sofort betroffene "
            "Passwörter geändert, Sitzungen beendet und Geräte gesperrt oder aus der Ferne "
            "gelöscht; der Auftraggeber wird innerhalb der vertraglichen Frist informiert, der "
            "Vorfall wird dokumentiert und ausgewertet.",
            "Jährliche Überprüfung: Mindestens einmal im Jahr sowie nach jedem Sicherheitsvorfall "
            "prüft die Auftragnehmerin diese Maßnahmen, die Liste der Unterauftragsverarbeiter "
            "und deren Vertragsbedingungen und dokumentiert das Ergebnis.",
            "Neue Werkzeuge werden vor ihrem Einsatz auf Datenschutz und Sicherheit geprüft und, "
            "wenn sie Unterauftragsverarbeiter sind, nach dem vertraglichen Verfahren angezeigt "
            "oder genehmigt.",
            "Datenschutzfreundliche Voreinstellungen: In eigenen Werkzeugen werden nur die für "
            "die Aufgabe nötigen Daten erfasst; Freigaben und Einladungen sind auf die nötigen "
            "Personen beschränkt.",
        ],
    ),
]


def _annex_toms(doc: Document) -> None:
    _annex_heading(doc, "Anlage 3: Technische und organisatorische Maßnahmen (Art. 32 DSGVO)")
    para(
        doc,
        "Die Auftragnehmerin arbeitet allein von einem häuslichen Büro aus. Die folgenden "
        "Maßnahmen sind auf diese Lage zugeschnitten und berücksichtigen den Stand der Technik, "
        "die Art der verarbeiteten Daten und die Risiken für die betroffenen Personen. Für "
        "Systeme und Konten des Auftraggebers gelten ergänzend dessen eigene Maßnahmen.",
        align="justify",
    )
    for title, items in TOMS:
        heading(doc, title, level=2)
        for item in items:
            label, sep, rest = item.partition(": ")
            if sep and len(label) <= 40:
                bullet = clause_bullet(doc, "")
                bullet.add_run(label + ":").bold = True
                bullet.add_run(" " + rest)
            else:
                clause_bullet(doc, item)


def _annex_subprocessors(doc: Document) -> None:
    _annex_heading(doc, "Anlage 4: Unterauftragsverarbeiter")
    heading(doc, "Teil A: Unterauftragsverarbeiter der Auftragnehmerin", level=2)
    control(doc, "{%p if unterauftragsverarbeiter %}")
    para(
        doc,
        "Die Auftragnehmerin nutzt für die Leistungen die folgenden Dienste über ihr eigenes "
        "Konto. Ihre Anbieter sind Unterauftragsverarbeiter und mit Abschluss dieses Vertrags "
        "genehmigt.",
        align="justify",
    )
    table = data_table(
        doc,
        [
            "Dienst und Anbieter",
            "Leistung, Zweck und Daten",
            "Ort und Übermittlung",
            "Vertrag und Prüfung",
        ],
        [
            "{{ u.anbieter.name }}",
            "{{ u.anbieter.leistung }}",
            "Ort: {{ u.anbieter.ort }}",
            "{% if u.anbieter.avv_datum %}AVV vom {{ u.anbieter.avv_datum|datum }}{% else %}AVV "
            "in den Nutzungsbedingungen des Anbieters{% endif %}",
        ],
        [42, 45, 48, 30],
        "u in unterauftragsverarbeiter",
    )
    table.cell(2, 0).paragraphs[0].runs[0].bold = True
    _cell_line(table.cell(2, 0), "{{ u.anbieter.anbieter }}")
    _cell_line(table.cell(2, 0), "{{ u.anbieter.anschrift }}", small=True)
    _cell_line(table.cell(2, 1), "Zweck: {{ u.zweck }}")
    _cell_line(table.cell(2, 1), "Daten: {{ u.anbieter.daten }}")
    _cell_line(table.cell(2, 2), "Drittland: {{ 'ja' if u.anbieter.drittland else 'nein' }}")
    _cell_line(table.cell(2, 2), "Grundlage: {{ u.anbieter.grundlage }}")
    _cell_line(table.cell(2, 3), "zuletzt geprüft am {{ u.anbieter.zuletzt_geprueft|datum }}")
    note = para(
        doc,
        "„Drittland: ja“ bedeutet, dass personenbezogene Daten in einen Staat außerhalb der "
        "EU/EWR übermittelt werden oder von dort aus zugänglich sein können. Die Angaben beruhen "
        "auf den Vertragsbedingungen der Anbieter zum angegebenen Prüfdatum.",
        style="Klein",
    )
    note.paragraph_format.space_before = Pt(4)
    control(doc, "{%p else %}")
    para(
        doc,
        "Die Auftragnehmerin setzt derzeit keine Unterauftragsverarbeiter ein. Sie verarbeitet "
        "die Daten in Systemen und Konten des Auftraggebers und auf ihren eigenen, nach Anlage 3 "
        "gesicherten Geräten. Der Einsatz eines Unterauftragsverarbeiters ist nur nach dem in "
        "diesem Vertrag geregelten Verfahren zulässig.",
        align="justify",
    )
    control(doc, "{%p endif %}")

    heading(
        doc, "Teil B: Dienste in Konten des Auftraggebers (keine Unterauftragsverarbeiter)", level=2
    )
    control(doc, "{%p if kundenwerkzeuge %}")
    para(
        doc,
        "Die folgenden Dienste nutzt die Auftragnehmerin in Konten des Auftraggebers. Ihre "
        "Anbieter sind Auftragsverarbeiter des Auftraggebers, nicht der Auftragnehmerin; den "
        "Vertrag mit ihnen schließt und verantwortet der Auftraggeber.",
        align="justify",
    )
    control(doc, "{%p for w in auftrag.werkzeuge %}")
    control(doc, "{%p if w.konto == 'kunde' %}")
    clause_bullet(
        doc, "{{ werkzeugnamen[loop.index0] }}{% if w.zweck %} – {{ w.zweck }}{% endif %}"
    )
    control(doc, "{%p endif %}")
    control(doc, "{%p endfor %}")
    control(doc, "{%p else %}")
    para(doc, "Keine.")
    control(doc, "{%p endif %}")


def _cell_line(cell: object, text: str, *, small: bool = False) -> None:
    p = cell.add_paragraph()  # type: ignore[attr-defined]
    p.paragraph_format.space_after = Pt(1)
    run = p.add_run(text)
    run.font.size = Pt(8 if small else 9)
