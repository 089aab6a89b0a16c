"""Verschwiegenheitsvereinbarung (NDA), one-sided or mutual per ``nda.art``.

Checklist: LEGAL.md, "NDA";
coverage checks: vadocs/data/coverage/verschwiegenheitsvereinbarung.yaml.
Neutral roles ("offenlegende Partei", "empfangende Partei") keep one text for both variants;
§ 1 says who they are.
"""

from __future__ import annotations

from common import (
    KUNDE_ANSCHRIFT,
    PROFIL_ANSCHRIFT,
    PROFIL_NAME,
    clause,
    clause_bullet,
    clause_para,
    control,
    heading,
    keep_references_together,
    new_document,
    para,
    rich,
    signature_block,
)
from docx.document import Document
from docx.shared import Pt

TITLE = "Verschwiegenheitsvereinbarung"
MUTUAL = "nda.art == 'gegenseitig'"

NACHWIRKUNG = (
    "{% if nda.nachwirkung_jahre == 1 %}ein weiteres Jahr{% else %}weitere "
    "{{ nda.nachwirkung_jahre }} Jahre{% endif %}"
)
BERUF = (
    "{% if kunde.berufsgeheimnis == 'rechtsanwalt' %} "
    "(Rechtsanwaltschaft){% elif kunde.berufsgeheimnis == 'steuerberater' %} "
    "(Steuerberatung){% elif kunde.berufsgeheimnis == 'arzt' %} (Heilberuf){% endif %}"
)


def build() -> Document:
    doc = new_document(TITLE, "Vereinbarung zum Schutz vertraulicher Informationen")
    _title_and_parties(doc)
    _purpose_and_scope(doc)
    _definition(doc)
    _exceptions(doc)
    _duties(doc)
    _measures(doc)
    _helpers(doc)
    _professional_secrecy(doc)
    _avv(doc)
    _return(doc)
    _duration(doc)
    _penalty(doc)
    _final(doc)
    _signatures(doc)
    keep_references_together(doc)
    return doc


def _title_and_parties(doc: Document) -> None:
    para(doc, TITLE, style="Title")
    para(
        doc,
        "{% if nda.art == 'gegenseitig' %}Gegenseitige Vereinbarung zum Schutz vertraulicher "
        "Informationen{% else %}Einseitige Vereinbarung zum Schutz vertraulicher Informationen "
        "des Auftraggebers{% endif %}",
        style="Klein",
        space_after=14,
    )
    para(doc, "zwischen")
    rich(doc, [("{{ kunde.name }}", True)]).paragraph_format.space_after = Pt(0)
    para(doc, KUNDE_ANSCHRIFT, space_after=0)
    para(doc, "– nachstehend „Auftraggeber“ –", style="Klein", space_after=10)
    para(doc, "und")
    rich(doc, [(PROFIL_NAME, True)]).paragraph_format.space_after = Pt(0)
    para(doc, PROFIL_ANSCHRIFT, space_after=0)
    para(doc, "– nachstehend „Auftragnehmerin“ –", style="Klein", space_after=10)
    para(doc, "Auftraggeber und Auftragnehmerin werden gemeinsam „Parteien“ genannt.")
    heading(doc, "Präambel", level=2)
    para(
        doc,
        "Die Parteien haben mit der Auftragsbestätigung vom {{ auftrag.datum|datum_lang }} "
        "(nachstehend „Hauptvertrag“) vereinbart, dass die Auftragnehmerin für den Auftraggeber "
        "Leistungen der virtuellen Assistenz erbringt. Dabei erhält sie Einblick in Unterlagen, "
        "Systeme und Abläufe des Auftraggebers{% if nda.art == 'gegenseitig' %}, und der "
        "Auftraggeber erhält Einblick in Arbeitsweisen und Unterlagen der "
        "Auftragnehmerin{% endif %}. Zweck dieser Vereinbarung ist es, die dabei ausgetauschten "
        "vertraulichen Informationen zu schützen.",
        align="justify",
    )


def _purpose_and_scope(doc: Document) -> None:
    clause(doc, "Gegenstand und verpflichtete Parteien")
    control(doc, "{%p if " + MUTUAL + " %}")
    clause_para(
        doc,
        "Diese Vereinbarung ist gegenseitig: Sie schützt die vertraulichen Informationen beider "
        "Parteien und verpflichtet beide Parteien gleichermaßen. Jede Partei ist „offenlegende "
        "Partei“, soweit es um ihre eigenen vertraulichen Informationen geht, und „empfangende "
        "Partei“, soweit sie vertrauliche Informationen der anderen Partei erhält.",
    )
    control(doc, "{%p else %}")
    clause_para(
        doc,
        "Diese Vereinbarung ist einseitig: Sie schützt die vertraulichen Informationen des "
        "Auftraggebers und verpflichtet allein die Auftragnehmerin. „Offenlegende Partei“ ist im "
        "Folgenden der Auftraggeber, „empfangende Partei“ die Auftragnehmerin.",
    )
    control(doc, "{%p endif %}")
    clause_para(
        doc,
        "Die Vereinbarung gilt für alle vertraulichen Informationen, die im Zusammenhang mit dem "
        "Hauptvertrag ausgetauscht oder bekannt werden, auch schon bei seiner Anbahnung "
        "({{ auftrag.anfrage.art }} am {{ auftrag.anfrage.datum|datum_lang }}) und vor "
        "Unterzeichnung dieser Vereinbarung.",
    )


def _definition(doc: Document) -> None:
    clause(doc, "Vertrauliche Informationen")
    clause_para(
        doc,
        "Vertrauliche Informationen sind alle Informationen der offenlegenden Partei, gleich ob "
        "sie mündlich, schriftlich, elektronisch, bildlich oder in anderer Form übermittelt "
        "werden, die der empfangenden Partei im Zusammenhang mit dem Hauptvertrag zugänglich "
        "werden und die",
    )
    clause_bullet(
        doc,
        "als vertraulich gekennzeichnet oder bei mündlicher Mitteilung als vertraulich bezeichnet "
        "sind oder",
    )
    clause_bullet(
        doc,
        "nach ihrem Inhalt oder den Umständen ihrer Mitteilung für einen verständigen Dritten "
        "erkennbar geheimhaltungsbedürftig sind.",
    )
    clause_para(
        doc,
        "Dazu gehören ausdrücklich auch Informationen, die die empfangende Partei durch Zugang zu "
        "Systemen, Konten, E-Mail-Postfächern, Kalendern, Datenablagen, Programmen oder "
        "Telefonanlagen der offenlegenden Partei erlangt oder bei Gelegenheit ihrer Tätigkeit "
        "wahrnimmt, etwa in Telefonaten, Videokonferenzen oder auf geteilten Bildschirmen, auch "
        "wenn sie ihr nicht gezielt mitgeteilt wurden.",
    )
    clause_para(doc, "Vertrauliche Informationen des Auftraggebers sind insbesondere:")
    for text in (
        "Geschäftsgeheimnisse im Sinne des § 2 Nr. 1 GeschGehG;",
        "Informationen über Kunden, Mandanten, Patienten, Interessenten, Lieferanten und andere "
        "Geschäftspartner, einschließlich ihrer Kontaktdaten und der Korrespondenz mit ihnen;",
        "Preise, Kalkulationen, Angebote, Verträge und Konditionen;",
        "Finanz-, Buchhaltungs-, Steuer- und Bankunterlagen;",
        "Personalangelegenheiten;",
        "Planungen, Strategien, Projekte, interne Abläufe und Know-how;",
        "Zugangsdaten, Passwörter und Sicherheitsvorkehrungen;",
        "personenbezogene Daten im Sinne des Art. 4 Nr. 1 DSGVO.",
    ):
        clause_bullet(doc, text)
    control(doc, "{%p if " + MUTUAL + " %}")
    clause_para(
        doc,
        "Vertrauliche Informationen der Auftragnehmerin sind insbesondere ihre Vorlagen, "
        "Checklisten und Arbeitsmethoden, ihre Kalkulation sowie Informationen über ihre anderen "
        "Kunden.",
    )
    control(doc, "{%p endif %}")
    clause_para(
        doc,
        "Vertraulich sind auch Notizen, Kopien, Auszüge und Zusammenstellungen, die vertrauliche "
        "Informationen enthalten oder aus ihnen abgeleitet sind, sowie die Einzelheiten der "
        "Zusammenarbeit. Als Referenz nennt die Auftragnehmerin den Auftraggeber nur mit dessen "
        "Zustimmung in Textform.",
    )


def _exceptions(doc: Document) -> None:
    clause(doc, "Ausnahmen")
    clause_para(
        doc,
        "Die Pflichten aus dieser Vereinbarung gelten nicht für Informationen, von denen die "
        "empfangende Partei nachweist, dass sie",
    )
    for text in (
        "zum Zeitpunkt der Mitteilung öffentlich bekannt waren oder später ohne Verstoß gegen "
        "diese Vereinbarung öffentlich bekannt geworden sind,",
        "ihr bereits vor der Mitteilung rechtmäßig und ohne Pflicht zur Geheimhaltung bekannt "
        "waren,",
        "ihr von einem Dritten rechtmäßig und ohne Verletzung einer Geheimhaltungspflicht "
        "überlassen worden sind,",
        "von ihr unabhängig und ohne Verwendung vertraulicher Informationen entwickelt worden "
        "sind oder",
        "von der offenlegenden Partei in Textform zur Weitergabe freigegeben worden sind.",
    ):
        clause_bullet(doc, text)
    clause_para(
        doc,
        "Ist die empfangende Partei gesetzlich, durch gerichtliche Entscheidung oder durch "
        "behördliche Anordnung verpflichtet, vertrauliche Informationen offenzulegen, darf sie "
        "dies im erforderlichen Umfang tun. Soweit rechtlich zulässig, informiert sie die "
        "offenlegende Partei vorher in Textform so rechtzeitig, dass diese Rechtsschutz suchen "
        "kann, und wirkt darauf hin, dass die Informationen vertraulich behandelt werden.",
    )
    clause_para(
        doc,
        "Die empfangende Partei darf Angaben über die Zusammenarbeit, insbesondere Rechnungen, an "
        "ihre gesetzlich zur Verschwiegenheit verpflichteten Berater (etwa Steuerberater oder "
        "Rechtsanwälte) weitergeben, soweit dies zur Erfüllung eigener gesetzlicher Pflichten "
        "oder zur Wahrnehmung eigener Rechte erforderlich ist.",
    )
    clause_para(
        doc,
        "Unberührt bleiben die Erlangung, Nutzung und Offenlegung von Geschäftsgeheimnissen zum "
        "Schutz eines berechtigten Interesses nach § 5 GeschGehG, insbesondere zur Ausübung des "
        "Rechts der freien Meinungsäußerung und der Informationsfreiheit oder zur Aufdeckung "
        "einer rechtswidrigen Handlung oder eines beruflichen oder sonstigen Fehlverhaltens, wenn "
        "dies geeignet ist, das allgemeine öffentliche Interesse zu schützen. Ebenso bleiben "
        "Meldungen und Offenlegungen nach dem Hinweisgeberschutzgesetz in dessen "
        "Anwendungsbereich unberührt.",
    )
    clause_para(
        doc,
        "Datenschutzrechtliche Pflichten gelten für personenbezogene Daten auch dann fort, wenn "
        "eine der vorstehenden Ausnahmen greift.",
    )


def _duties(doc: Document) -> None:
    clause(doc, "Geheimhaltung und Verwendung nur für den Auftrag")
    clause_para(
        doc,
        "Die empfangende Partei hält vertrauliche Informationen geheim und macht sie Dritten nur "
        "zugänglich, soweit diese Vereinbarung es erlaubt.",
    )
    clause_para(
        doc,
        "Sie verwendet vertrauliche Informationen ausschließlich zur Durchführung des "
        "Hauptvertrags (Vertragszweck). Jede andere Verwendung ist ausgeschlossen, insbesondere "
        "für eigene Zwecke, für andere Kunden, zu Werbezwecken oder zum Nachbau, zur Untersuchung "
        "oder zum Rückbau überlassener Produkte und Unterlagen (Reverse Engineering).",
    )
    clause_para(doc, "Kopien fertigt sie nur an, soweit der Vertragszweck es erfordert.")
    clause_para(
        doc,
        "Erfährt die empfangende Partei von einem Verlust vertraulicher Informationen oder von "
        "einem unbefugten Zugriff auf sie oder hat sie einen begründeten Verdacht, unterrichtet "
        "sie die offenlegende Partei unverzüglich in Textform und trifft die ihr möglichen "
        "Maßnahmen, um den Schaden zu begrenzen.",
    )


def _measures(doc: Document) -> None:
    clause(doc, "Schutzmaßnahmen")
    clause_para(
        doc,
        "Die empfangende Partei schützt vertrauliche Informationen mit der Sorgfalt, die sie für "
        "eigene vergleichbare Informationen anwendet, mindestens aber mit angemessenen "
        "Geheimhaltungsmaßnahmen.",
    )
    clause_para(doc, "Die Auftragnehmerin trifft insbesondere folgende Maßnahmen:")
    for text in (
        "Sie verarbeitet vertrauliche Informationen nur auf eigenen, vollständig verschlüsselten "
        "Geräten mit aktueller Software, Virenschutz und automatischer Bildschirmsperre, nie auf "
        "fremden oder öffentlich zugänglichen Rechnern.",
        "Sie sichert alle Konten mit starken, einzigartigen Passwörtern und, wo verfügbar, mit "
        "Mehr-Faktor-Authentisierung. Zugangsdaten bewahrt sie in einem verschlüsselten "
        "Passwort-Manager mit einem eigenen Tresor für jeden Kunden auf und teilt sie nur über "
        "diesen, nie im Klartext per E-Mail, Chat oder Telefon.",
        "Sie nutzt für jeden Kunden ein eigenes Browserprofil und eine eigene Ablage.",
        "Sie arbeitet in einem abschließbaren Büro; an öffentlichen Orten arbeitet sie nicht mit "
        "vertraulichen Informationen, wenn Dritte Bildschirm oder Gespräche wahrnehmen können. "
        "Telefonate und Videokonferenzen führt sie so, dass niemand, auch kein "
        "Haushaltsangehöriger, mithören kann.",
        "Papierunterlagen bewahrt sie verschlossen auf und vernichtet sie mit einem "
        "Aktenvernichter der Sicherheitsstufe P-4 (DIN 66399).",
        "Sie übermittelt vertrauliche Informationen nur verschlüsselt und über die vereinbarten "
        "Kommunikationswege ({{ auftrag.kommunikation|join(', ') }}).",
        "Sie gibt vertrauliche Informationen nicht in KI-, Übersetzungs- oder andere "
        "Online-Dienste ein, denen der Auftraggeber nicht zugestimmt hat.",
        "Sie sichert ihre Daten verschlüsselt.",
    ):
        clause_bullet(doc, text)
    control(doc, "{%p if datenschutz.personenbezogene_daten %}")
    clause_para(
        doc,
        "Die technischen und organisatorischen Maßnahmen im Einzelnen beschreibt Anlage 3 des "
        "Auftragsverarbeitungsvertrags der Parteien.",
    )
    control(doc, "{%p endif %}")
    clause_para(
        doc,
        "Die Parteien sind sich einig, dass diese Vereinbarung und die darin beschriebenen "
        "Maßnahmen zu den angemessenen Geheimhaltungsmaßnahmen des Auftraggebers im Sinne des § 2 "
        "Nr. 1 Buchst. b GeschGehG gehören{% if nda.art == 'gegenseitig' %}; für die "
        "Geschäftsgeheimnisse der Auftragnehmerin gilt dasselbe{% endif %}.",
    )


def _helpers(doc: Document) -> None:
    clause(doc, "Einbeziehung weiterer Personen")
    clause_para(
        doc,
        "Die Auftragnehmerin erbringt ihre Leistungen persönlich. Anderen Personen, etwa einer "
        "Urlaubs- oder Krankheitsvertretung, freien Mitarbeitern oder Subunternehmern, darf sie "
        "vertrauliche Informationen nur zugänglich machen, wenn der Auftraggeber vorher in "
        "Textform zugestimmt hat, nur soweit diese Personen sie für den Vertragszweck benötigen, "
        "und erst, nachdem sie sie in Textform zur Geheimhaltung mindestens im Umfang dieser "
        "Vereinbarung verpflichtet hat. Für deren Verschulden haftet sie wie für eigenes (§ 278 "
        "BGB).",
    )
    clause_para(
        doc,
        "Die Nutzung der vom Auftraggeber bereitgestellten "
        "Systeme{% if datenschutz.personenbezogene_daten %} und der im "
        "Auftragsverarbeitungsvertrag genehmigten Dienste{% endif %} ist keine Weitergabe an "
        "Dritte im Sinne dieser Vereinbarung, soweit sie dem Vertragszweck dient.",
    )
    control(doc, "{%p if " + MUTUAL + " %}")
    clause_para(
        doc,
        "Der Auftraggeber darf vertrauliche Informationen der Auftragnehmerin seinen "
        "Beschäftigten, Organmitgliedern und gesetzlich zur Verschwiegenheit verpflichteten "
        "Beratern zugänglich machen, soweit diese sie für den Vertragszweck benötigen und "
        "arbeits- oder berufsrechtlich oder in Textform zur Verschwiegenheit verpflichtet sind.",
    )
    control(doc, "{%p endif %}")


def _professional_secrecy(doc: Document) -> None:
    control(doc, "{%p if kunde.berufsgeheimnis != 'keins' %}")
    clause(doc, "Berufsgeheimnisse des Auftraggebers")
    clause_para(
        doc,
        "Der Auftraggeber unterliegt als Berufsgeheimnisträger" + BERUF + " der strafbewehrten "
        "Schweigepflicht nach § 203 StGB. Die Auftragnehmerin wirkt an seiner beruflichen "
        "Tätigkeit mit und ist sonstige mitwirkende Person im Sinne des § 203 Abs. 3 Satz 2 StGB. "
        "Der Auftraggeber darf ihr fremde Geheimnisse offenbaren, soweit dies für ihre Tätigkeit "
        "erforderlich ist.",
    )
    clause_para(
        doc,
        [
            ("Belehrung: ", True),
            (
                "Die Auftragnehmerin ist darüber belehrt, dass sie mit Freiheitsstrafe bis zu "
                "einem Jahr oder mit Geldstrafe bestraft werden kann, wenn sie ein fremdes "
                "Geheimnis, das ihr bei der Ausübung oder bei Gelegenheit ihrer Tätigkeit bekannt "
                "geworden ist, unbefugt offenbart (§ 203 Abs. 4 Satz 1 StGB); handelt sie gegen "
                "Entgelt oder in der Absicht, sich oder einen anderen zu bereichern oder einen "
                "anderen zu schädigen, droht Freiheitsstrafe bis zu zwei Jahren (§ 203 Abs. 6 "
                "StGB). Auch die unbefugte Verwertung eines solchen Geheimnisses ist strafbar (§ "
                "204 StGB). Diese Strafbarkeit besteht unabhängig von dieser Vereinbarung und "
                "ohne zeitliche Begrenzung.",
                False,
            ),
        ],
    )
    clause_para(
        doc,
        "Die Auftragnehmerin verschafft sich Kenntnis von fremden Geheimnissen nur, soweit dies "
        "zur Erfüllung des Hauptvertrags erforderlich ist.",
    )
    clause_para(
        doc,
        "Die Auftragnehmerin ist nicht befugt, weitere Personen zur Erfüllung des Hauptvertrags "
        "heranzuziehen, es sei denn, der Auftraggeber hat vorher in Textform zugestimmt. In "
        "diesem Fall verpflichtet sie diese Personen vor Beginn ihrer Tätigkeit in Textform zur "
        "Verschwiegenheit und belehrt sie über die strafrechtlichen Folgen einer "
        "Pflichtverletzung (§ 203 Abs. 4 Satz 2 Nr. 2 StGB). Technische Dienste auf ihrem eigenen "
        "Konto nutzt sie für fremde Geheimnisse nur, wenn der Auftraggeber dem Dienst zugestimmt "
        "hat und der Anbieter vertraglich zur Vertraulichkeit verpflichtet ist; dort gespeicherte "
        "Geheimnisse verschlüsselt sie nach Möglichkeit Ende-zu-Ende.",
    )
    clause_para(
        doc,
        "Über die Ausübung des Zeugnisverweigerungsrechts der Auftragnehmerin (§ 53a StPO) "
        "entscheidet der Auftraggeber. Die Auftragnehmerin unterrichtet ihn unverzüglich, wenn "
        "sie als Zeugin geladen oder zur Herausgabe von Unterlagen aufgefordert wird, soweit dies "
        "rechtlich zulässig ist.",
    )
    control(doc, "{%p if kunde.berufsgeheimnis == 'rechtsanwalt' %}")
    clause_para(
        doc,
        "Diese Vereinbarung ist der in Textform geschlossene Vertrag über die Inanspruchnahme von "
        "Dienstleistungen nach § 43e Abs. 3 BRAO. Leistungen, die im Ausland erbracht werden, "
        "erbringt die Auftragnehmerin nur nach vorheriger Zustimmung des Auftraggebers in "
        "Textform (§ 43e Abs. 4 BRAO).",
    )
    control(doc, "{%p elif kunde.berufsgeheimnis == 'steuerberater' %}")
    clause_para(
        doc,
        "Diese Vereinbarung ist der in Textform geschlossene Vertrag über die Inanspruchnahme von "
        "Dienstleistungen nach § 62a Abs. 3 StBerG. Leistungen, die im Ausland erbracht werden, "
        "erbringt die Auftragnehmerin nur nach vorheriger Zustimmung des Auftraggebers in "
        "Textform (§ 62a Abs. 4 StBerG).",
    )
    control(doc, "{%p endif %}")
    clause_para(
        doc,
        "Ist die Einhaltung dieser Pflichten nicht gewährleistet, kann der Auftraggeber den "
        "Hauptvertrag und diese Vereinbarung ohne Einhaltung einer Frist kündigen.",
    )
    control(doc, "{%p endif %}")


def _avv(doc: Document) -> None:
    control(doc, "{%p if datenschutz.personenbezogene_daten %}")
    clause(doc, "Verhältnis zum Auftragsverarbeitungsvertrag")
    clause_para(
        doc,
        "Für personenbezogene Daten, die die Auftragnehmerin im Auftrag des Auftraggebers "
        "verarbeitet, gilt zusätzlich der Auftragsverarbeitungsvertrag der Parteien nach Art. 28 "
        "DSGVO. Widersprechen sich beide Vereinbarungen, geht für personenbezogene Daten der "
        "Auftragsverarbeitungsvertrag vor; im Übrigen ergänzen sie sich.",
    )
    control(doc, "{%p endif %}")


def _return(doc: Document) -> None:
    clause(doc, "Rückgabe und Löschung")
    clause_para(
        doc,
        "Nach dem Ende der Zusammenarbeit oder auf Verlangen der offenlegenden Partei auch früher "
        "gibt die empfangende Partei alle vertraulichen Informationen einschließlich aller Kopien "
        "nach Wahl der offenlegenden Partei zurück oder löscht bzw. vernichtet sie so, dass sie "
        "nicht wiederhergestellt werden können. Zugangsdaten der offenlegenden Partei löscht sie "
        "aus ihrem Passwort-Manager.",
    )
    clause_para(
        doc,
        "Die empfangende Partei bestätigt die Rückgabe oder Löschung auf Verlangen in Textform.",
    )
    clause_para(doc, "Ausgenommen sind")
    for text in (
        "Unterlagen, die die empfangende Partei aufgrund gesetzlicher Aufbewahrungspflichten "
        "aufbewahren muss, etwa Rechnungen und Geschäftsbriefe (§ 147 AO, § 14b UStG), für die "
        "Dauer dieser Pflichten, und",
        "Kopien in automatischen Datensicherungen, die sich nicht mit zumutbarem Aufwand einzeln "
        "löschen lassen; sie werden mit dem regelmäßigen Überschreiben der Sicherungen gelöscht "
        "und bis dahin nicht verwendet.",
    ):
        clause_bullet(doc, text)
    clause_para(
        doc,
        "Für aufbewahrte Informationen gilt diese Vereinbarung bis zu ihrer Löschung fort, auch "
        "über die Frist der Nachwirkung hinaus.{% if datenschutz.personenbezogene_daten %} Für "
        "personenbezogene Daten gehen die Löschungsregeln des Auftragsverarbeitungsvertrags "
        "vor.{% endif %}",
    )


def _duration(doc: Document) -> None:
    clause(doc, "Laufzeit")
    clause_para(
        doc,
        "Diese Vereinbarung tritt mit ihrer Unterzeichnung oder Annahme in Kraft und gilt für die "
        "Dauer der Zusammenarbeit nach dem Hauptvertrag.",
    )
    clause_para(
        doc,
        "Nach dem Ende der Zusammenarbeit bestehen die Pflichten zur Geheimhaltung und "
        "zur Beschränkung der Verwendung für " + NACHWIRKUNG + " fort.",
    )
    clause_para(
        doc,
        "Gesetzliche Pflichten zur Geheimhaltung, insbesondere nach dem "
        "Geschäftsgeheimnisgesetz{% if kunde.berufsgeheimnis != 'keins' %}, nach § 203 "
        "StGB{% endif %} und nach der DSGVO, bleiben auch nach Ablauf dieser Frist unberührt.",
    )
    clause_para(
        doc,
        "Solange der Hauptvertrag besteht, kann diese Vereinbarung nicht ordentlich gekündigt "
        "werden.",
    )


def _penalty(doc: Document) -> None:
    control(doc, "{%p if nda.vertragsstrafe %}")
    clause(doc, "Vertragsstrafe")
    clause_para(
        doc,
        "Verletzt die empfangende Partei schuldhaft, also vorsätzlich oder fahrlässig, eine "
        "Pflicht aus dieser Vereinbarung, zahlt sie der offenlegenden Partei für jeden Fall der "
        "Zuwiderhandlung eine Vertragsstrafe von {{ nda.vertragsstrafe|euro }}. Ohne Verschulden "
        "ist keine Vertragsstrafe verwirkt.",
    )
    clause_para(
        doc,
        "Mehrere Zuwiderhandlungen, die auf derselben Handlung beruhen, etwa eine einzelne "
        "Nachricht an mehrere Empfänger, gelten als ein Fall.",
    )
    clause_para(
        doc,
        "Die Vertragsstrafe wird auf einen Schadensersatzanspruch wegen derselben Zuwiderhandlung "
        "angerechnet (§ 340 Abs. 2 BGB). Die Geltendmachung eines weitergehenden Schadens und "
        "Ansprüche auf Unterlassung bleiben unberührt.",
    )
    control(doc, "{%p endif %}")


def _final(doc: Document) -> None:
    clause(doc, "Keine Rechtseinräumung, keine Wettbewerbsbeschränkung")
    clause_para(
        doc,
        "Alle Rechte an vertraulichen Informationen verbleiben bei der offenlegenden Partei. "
        "Diese Vereinbarung räumt keine Nutzungsrechte ein, soweit der Vertragszweck sie nicht "
        "erfordert.",
    )
    clause_para(
        doc,
        "Diese Vereinbarung hindert die Auftragnehmerin nicht, für andere Auftraggeber tätig zu "
        "sein, auch für Wettbewerber des Auftraggebers, solange sie dabei keine vertraulichen "
        "Informationen des Auftraggebers verwendet.",
    )

    clause(doc, "Schlussbestimmungen")
    clause_para(
        doc,
        "Diese Vereinbarung wird schriftlich oder in Textform (§ 126b BGB) geschlossen. "
        "Änderungen und Ergänzungen bedürfen der Textform. Individuelle Abreden haben Vorrang (§ "
        "305b BGB).",
    )
    clause_para(
        doc,
        "Es gilt das Recht der Bundesrepublik Deutschland.{% if verbraucher %} Zwingende "
        "Verbraucherschutzvorschriften des Staates, in dem der Auftraggeber seinen gewöhnlichen "
        "Aufenthalt hat, bleiben unberührt.{% endif %}",
    )
    control(doc, "{%p if kaufmann and profil.gerichtsstand %}")
    clause_para(
        doc,
        "Sind beide Parteien Kaufleute im Sinne des Handelsgesetzbuchs, ist Gerichtsstand für "
        "alle Streitigkeiten aus und im Zusammenhang mit dieser Vereinbarung "
        "{{ profil.gerichtsstand }} (§ 38 Abs. 1 ZPO).",
    )
    control(doc, "{%p endif %}")
    clause_para(
        doc,
        "Ist eine Bestimmung dieser Vereinbarung unwirksam, bleiben die übrigen Bestimmungen "
        "wirksam. An die Stelle der unwirksamen Bestimmung tritt die gesetzliche Regelung.",
    )


def _signatures(doc: Document) -> None:
    p = para(
        doc,
        "Für den Auftraggeber genügt statt der Unterschrift auch eine Erklärung in Textform, etwa "
        "eine E-Mail an {{ profil.kontakt.email }}, mit der er diese Vereinbarung in der Fassung "
        "vom {{ dokument.datum|datum_lang }} ausdrücklich annimmt.",
        style="Klein",
    )
    p.paragraph_format.space_before = Pt(10)
    p.paragraph_format.keep_with_next = True
    signature_block(
        doc,
        ["Ort, Datum: ____________________", "{{ kunde.name }}", "Auftraggeber"],
        [
            "{{ dokument.ort }}, {{ dokument.datum|datum_lang }}",
            "{{ profil.name }}",
            "Auftragnehmerin",
        ],
    )
