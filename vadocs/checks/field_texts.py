"""German descriptions of the template names that are not model fields.

Model fields describe themselves (their pydantic ``title`` and ``description``);
the names :mod:`vadocs.documents.context` computes, and the fields of the invoice and tax
dataclasses, are described here. A test fails when a name has no description.
"""

from __future__ import annotations

from vadocs.dunning import field_texts as _reminders

NAME_TEXTS = {
    "profil": "Ihr Geschäftsprofil (vadocs.yaml)",
    "kunde": "Der Kunde aus der Kundendatei",
    "auftrag": "Der Auftrag: Ziele, Aufgaben, Zeitrahmen, Werkzeuge",
    "verguetung": "Die Vergütung: Stundensatz oder Festpreis",
    "abrechnung": "Die Abrechnung: Vorauszahlung und Zahlungsziel",
    "nda": "Die Verschwiegenheitsvereinbarung",
    "datenschutz": "Datenschutz: Angaben für den Auftragsverarbeitungsvertrag",
    "du": "Wird der Kunde geduzt? (kunde.ansprache ist du)",
    "a": "Anredewörter in der richtigen Form: {{ a.sie }} ergibt Sie oder Du, {{ a.ihr }} Ihr "
    "oder Dein …",
    "verbraucher": "Ist der Kunde Verbraucher (§ 13 BGB)?",
    "kaufmann": "Ist der Kunde ein deutsches Unternehmen mit kaufmann: true?",
    "gerichtsstand": "Vereinbarter Gerichtsstand oder leer: ort, grundlage (§ 38 ZPO, "
    "Art. 25 Brüssel Ia, Art. 23 LugÜ), art (hgb, eu, ch)",
    "vertragsdokumente": "Die Dokumente, die eine Annahme umfasst, als Satzteil "
    "(„die Auftragsbestätigung und den Auftragsverarbeitungsvertrag“)",
    "eigene_dienste": "Namen Ihrer eigenen Dienste (E-Mail-Postfach, Speicher, Telefonie)",
    "steuer": "Der Umsatzsteuerfall dieses Kunden",
    "kleinunternehmer": "Sind Sie Kleinunternehmerin nach § 19 UStG?",
    "stundensatz": "Stundensatz netto in € (aus der Kundendatei, sonst aus dem Profil)",
    "stundensatz_brutto": "Stundensatz brutto in € (netto plus Umsatzsteuer)",
    "pauschale_brutto": "Monatlicher Festpreis brutto in € (leer bei Stundensatz)",
    "zahlungsziel_tage": "Zahlungsziel in Tagen (aus der Kundendatei, sonst aus dem Profil)",
    "unterauftragsverarbeiter": "Werkzeuge auf Ihrem eigenen Konto: Ihre Unterauftragsverarbeiter",
    "kundenwerkzeuge": "Werkzeuge, die auf dem Konto des Kunden laufen",
    "eingestellte_werkzeuge": "Genannte Werkzeuge, deren Dienst eingestellt ist (z. B. Skype)",
    "werkzeugnamen": "Die Namen aller Werkzeuge des Auftrags, wie im Katalog geschrieben",
    "dokument": "Das Dokument selbst: Titel, Datum, Ort, Kürzel",
    "dokument.titel": "Titel des Dokuments, z. B. Auftragsbestätigung",
    "dokument.datum": "Datum des Dokuments",
    "dokument.ort": "Ort für Datum und Unterschrift",
    "dokument.kuerzel": "Kürzel des Kunden (Name der Kundendatei)",
    "absender": "Absenderzeile über dem Anschriftfeld (Name · Straße · PLZ Ort)",
    "absender_zeilen": "Ihre Anschrift Zeile für Zeile",
    "empfaenger": "Anschrift des Kunden Zeile für Zeile (für das Anschriftfeld)",
    "briefanrede": "Briefanrede, z. B. Sehr geehrte Frau Müller,",
    "land_name": "Land des Kunden auf Deutsch, z. B. Österreich",
    "logo": "Ihr Logo als Bild (leer ohne Logo)",
    "rechnung": "Die Rechnung (nur in der Rechnungsvorlage)",
    "vorauszahlung": "Die abgezogene Vorauszahlung einer Schlussrechnung (Zahlungsstand)",
    "vorauszahlung.bezahlt": "Ist die Vorauszahlungsrechnung bezahlt (laut Zahlungseingängen)?",
    "vorauszahlung.nummer": "Nummer der Vorauszahlungsrechnung",
    "vorauszahlung.datum": "Datum der Vorauszahlungsrechnung",
    "verbleibend": "Beträge nach Abzug der Vorauszahlungen, wie in der E-Rechnung (Schlussrechnung)",
    "girocode": "GiroCode (QR-Code für die Überweisung) als Bild",
    "entwurf": "Ist die Rechnung ein Entwurf (vadocs build --draft)?",
    "a.sie": "Sie oder Du",
    "a.ihnen": "Ihnen oder Dir",
    "a.ihr": "Ihr oder Dein",
    "a.ihre": "Ihre oder Deine",
    "a.ihren": "Ihren oder Deinen",
    "a.ihrem": "Ihrem oder Deinem",
    "a.ihrer": "Ihrer oder Deiner",
    "a.ihres": "Ihres oder Deines",
}

TYPE_TEXTS = {"logo": "Bild", "girocode": "Bild"}
"""Names whose values are images at render time (text in the plain context)."""

MEMBER_TEXTS = {
    "Geschaeftsprofil.anzeigename": "Geschäftsbezeichnung, sonst Ihr Name",
    "Geschaeftsprofil.unterschriftsort": "Ort für Datum und Unterschrift (sonst Ihr Ort)",
    "Geschaeftsprofil.ust_satz": "Standard-Umsatzsteuersatz als Zahl",
    "Ansprechpartner.voller_name": "Vor- und Nachname",
    "Steuer.fall": "Steuerfall: standard, kleinunternehmer, reverse_charge oder nicht_steuerbar",
    "Steuer.satz": "Berechneter Umsatzsteuersatz in % (0 außer im Standardfall)",
    "Steuer.hinweis": "Pflichthinweis zur Umsatzsteuer (z. B. § 19 UStG), sonst leer",
    "Steuer.ausgewiesen": "Wird deutsche Umsatzsteuer ausgewiesen?",
    "Unterauftrag.schluessel": "Schlüssel des Werkzeugs im Katalog, z. B. trello",
    "Unterauftrag.zweck": "Wofür das Werkzeug genutzt wird",
    "Unterauftrag.anbieter": "Der Anbieter aus dem Katalog der Unterauftragsverarbeiter",
    "Rechnung.art": "Art: vorauszahlung, monat, schluss oder storno",
    "Rechnung.zeitraum": "Leistungszeitraum als JJJJ-MM",
    "Rechnung.datum": "Rechnungsdatum",
    "Rechnung.leistung_von": "Erster Tag des Leistungszeitraums",
    "Rechnung.leistung_bis": "Letzter Tag des Leistungszeitraums",
    "Rechnung.faellig": "Fällig am",
    "Rechnung.steuer": "Der Umsatzsteuerfall der Rechnung",
    "Rechnung.zeilen": "Die Rechnungspositionen",
    "Rechnung.zeiten": "Der Tätigkeitsnachweis (Zeiteinträge)",
    "Rechnung.abzuege": "Abgezogene Vorauszahlungen (Schlussrechnung)",
    "Rechnung.nummer": "Rechnungsnummer",
    "Rechnung.bezug_nummer": "Nummer der stornierten Rechnung (Stornorechnung)",
    "Rechnung.bezug_datum": "Datum der stornierten Rechnung (Stornorechnung)",
    "Rechnung.hinweise": "Weitere Hinweise, z. B. der Grund einer Stornierung",
    "Rechnung.titel": "Titel: Rechnung, Vorauszahlungsrechnung, Rechnung mit Anrechnung der Vorauszahlung, Stornorechnung",
    "Rechnung.zeitraum_text": "Leistungszeitraum als Text, z. B. Dezember 2026",
    "Rechnung.netto": "Summe netto in €",
    "Rechnung.steuergruppen": "Netto und Umsatzsteuer je Steuersatz",
    "Rechnung.ust": "Umsatzsteuer gesamt in €",
    "Rechnung.brutto": "Summe brutto in €",
    "Rechnung.abzug_brutto": "Abgezogene Vorauszahlungen brutto in €",
    "Rechnung.zahlbetrag": "Zu zahlender Betrag in €",
    "Rechnung.stunden": "Abgerechnete Stunden gesamt",
    "Zeile.pos": "Positionsnummer",
    "Zeile.beschreibung": "Beschreibung der Leistung",
    "Zeile.menge": "Menge",
    "Zeile.einheit": "Einheit, z. B. Std.",
    "Zeile.einzelpreis": "Einzelpreis netto in €",
    "Zeile.netto": "Gesamtpreis netto in €",
    "Zeitzeile.datum": "Datum",
    "Zeitzeile.taetigkeit": "Tätigkeit",
    "Zeitzeile.minuten": "Gearbeitete Minuten",
    "Zeitzeile.abgerechnet_minuten": "Abgerechnete Minuten (auf den Takt aufgerundet)",
    "Zeitzeile.stunden": "Abgerechnete Stunden",
    "Abzug.bezeichnung": "Bezeichnung, z. B. Vorauszahlung Dezember 2026, Rechnung 2026-0001",
    "Abzug.netto": "Abgezogener Betrag netto in €",
    "Abzug.ust": "Abgezogene Umsatzsteuer in €",
    "Abzug.brutto": "Abgezogener Betrag brutto in €",
    "Remaining.groups": "Netto und Umsatzsteuer je Steuersatz nach Abzug der Vorauszahlungen",
    "Remaining.netto": "Verbleibender Betrag netto in € (nach Abzug der Vorauszahlungen)",
    "Remaining.ust": "Verbleibende Umsatzsteuer in € (nach Abzug der Vorauszahlungen)",
    "Remaining.brutto": "Verbleibender Betrag brutto in € (gleich dem Zahlbetrag)",
    "Steuergruppe.satz": "Steuersatz in %",
    "Steuergruppe.netto": "Netto zu diesem Steuersatz in €",
    "Steuergruppe.ust": "Umsatzsteuer zu diesem Steuersatz in €",
}

NAME_TEXTS |= _reminders.NAME_TEXTS
MEMBER_TEXTS |= _reminders.MEMBER_TEXTS

FILTER_TEXTS = {
    "datum": "Datum für Tabellen: 26.11.2026",
    "datum_lang": "Datum im Fließtext: 26. November 2026",
    "euro": "Geldbetrag: 1.234,50 €",
    "prozent": "Steuersatz: 19 %",
    "stunden": "Stunden: 12,5 Std.",
    "zahl": "Zahl mit Dezimalkomma: 1.234,5",
    "dauer": "Minuten als Stunden:Minuten: 1:35",
    "zeilen": "Text mit Zeilenumbrüchen, jeder Umbruch wird ein Zeilenumbruch in Word",
}
