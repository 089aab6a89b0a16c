"""German descriptions of the names only the reminder template sees (``mahnung`` and its parts).

Merged into :mod:`vadocs.checks.field_texts`, so ``vadocs fields`` and docs/felder.md list them.
"""

from __future__ import annotations

NAME_TEXTS = {"mahnung": "Die Zahlungserinnerung oder Mahnung (nur in der Mahnungsvorlage)"}

MEMBER_TEXTS = {
    "Mahnung.stufe": "Stufe: 0 Zahlungserinnerung, 1 erste Mahnung, 2 zweite Mahnung",
    "Mahnung.titel": "Titel: Zahlungserinnerung, 1. Mahnung oder 2. Mahnung",
    "Mahnung.datum": "Datum des Schreibens",
    "Mahnung.frist": "Zahlungsfrist: zu zahlen bis zu diesem Tag",
    "Mahnung.zugang": "Tag, an dem das Schreiben als zugegangen gilt",
    "Mahnung.posten": "Die gemahnten Rechnungen",
    "Mahnung.unternehmen": "Ist der Kunde ein Unternehmen (dann § 288 Abs. 2 und 5 BGB)?",
    "Mahnung.verzug": "Der Verzug (§ 286 BGB), leer solange der Kunde nicht in Verzug ist",
    "Mahnung.zinsabschnitte": "Verzugszinsen je Zeitraum mit gleichem Zinssatz",
    "Mahnung.zinsaufschlag": "Prozentpunkte über dem Basiszinssatz: 5 (Verbraucher) oder 9",
    "Mahnung.zinsen": "Verzugszinsen gesamt in €",
    "Mahnung.pauschale": "Verzugspauschale nach § 288 Abs. 5 BGB in € (40 € oder 0)",
    "Mahnung.gebuehr": "Mahngebühr dieses Schreibens in € (vor Verrechnung mit der Pauschale)",
    "Mahnung.gebuehren": "Mahngebühren aller Schreiben in €, nach Verrechnung mit der Pauschale",
    "Mahnung.vorherige": "Frühere Zahlungserinnerungen und Mahnungen zu dieser Rechnung",
    "Mahnung.offen": "Offener Rechnungsbetrag in €",
    "Mahnung.nebenforderungen": "Zinsen, Pauschale und Mahngebühren zusammen in €",
    "Mahnung.gesamt": "Gesamtforderung in €",
    "Mahnung.zinsen_von": "Erster Zinstag",
    "Mahnung.zinsen_bis": "Letzter Zinstag (Datum des Schreibens)",
    "Posten.nummer": "Rechnungsnummer",
    "Posten.datum": "Rechnungsdatum",
    "Posten.faellig": "Fällig am",
    "Posten.betrag": "Rechnungsbetrag (Zahlbetrag) in €",
    "Posten.offen": "Noch offener Betrag in €",
    "Vorherige.titel": "Titel des früheren Schreibens",
    "Vorherige.datum": "Datum des früheren Schreibens",
    "Verzug.beginn": "Erster Tag des Verzugs",
    "Verzug.zinsbeginn": "Erster Tag, für den Verzugszinsen anfallen",
    "Verzug.grund": "Grund des Verzugs mit Paragraph, z. B. § 286 Abs. 3 BGB",
    "Zinsabschnitt.von": "Erster Tag des Zeitraums",
    "Zinsabschnitt.bis": "Letzter Tag des Zeitraums",
    "Zinsabschnitt.tage": "Zinstage",
    "Zinsabschnitt.basiszins": "Basiszinssatz nach § 247 BGB in %",
    "Zinsabschnitt.zinssatz": "Verzugszinssatz in % (Basiszinssatz plus Aufschlag)",
    "Zinsabschnitt.jahrestage": "Tage des Kalenderjahres (365 oder 366)",
    "Zinsabschnitt.exakt": "Zinsen ungerundet in €",
    "Zinsabschnitt.kapital": "In diesem Zeitraum offener und verzinster Betrag in €",
    "Zinsabschnitt.betrag": "Zinsen auf den Cent gerundet in €",
}
