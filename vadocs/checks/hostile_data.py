"""Two clients and a business profile that try to break a template, valid by the schema.

Every text carries ``& < > „ “ € ß`` (escaping, quotes, non-ASCII), long texts carry
line breaks, and the second client leaves every optional list empty and every
optional value unset — the ``{%p if %}`` branches a real client rarely reaches.
"""

from __future__ import annotations

from typing import Any

NASTY = "& <b> „x“ € ß"

HOSTILE_PROFILE: dict[str, Any] = {
    "name": "Jördis Weiß-Groß",
    "firma": "Büro „Weiß & Groß“ <Assistenz> €",
    "berufsbezeichnung": "Virtuelle Assistentin & Büroservice <extern>",
    "anschrift": {
        "zusatz": "Hinterhaus „Süd“ & Co.",
        "strasse": "Große Straße 1 & 2",
        "plz": "01067",
        "ort": "Weißenfels",
    },
    "kontakt": {"email": "buero+test@weiss-gross.example", "telefon": "+49 351 <123> & 4"},
    "steuernummer": "201/123/45678",
    "ust_idnr": "DE136695976",
    "bank": {
        "kontoinhaberin": "Jördis Weiß-Groß & Co.",
        "iban": "DE02120300000000202051",
        "bic": "BYLADEM1001",
        "bank": "Spar- & Darlehenskasse <Süd> €",
    },
    "stundensatz": "52.50",
    "gerichtsstand": "Weißenfels & Umgebung",
    "haftpflichtversicherung": "Versicherung „Groß & Klein“ <AG>",
    "kauffrau": True,
    "eigene_dienste": [{"name": "ionos", "zweck": f"Postfach {NASTY}"}],
    "tom": {"tresor_je_kunde": True, "gastnetz": True},
}


def _text(label: str) -> str:
    return f"{label} {NASTY}\nzweite Zeile: 100 % „geprüft“"


HOSTILE_FULL: dict[str, Any] = {
    "kunde": {
        "name": "Jürgen „Jü“ Groß & Söhne <privat>",
        "art": "verbraucher",
        "anschrift": {
            "zusatz": "c/o Weiß & Co. <Hinterhaus>",
            "strasse": "Straße des 17. Juni 1",
            "plz": "10623",
            "ort": "Berlin",
        },
        "ansprechpartner": {
            "anrede": "Herr",
            "vorname": "Jürgen",
            "name": "Groß & Söhne",
            "funktion": "Inhaber <privat>",
            "email": "j@gross.example",
        },
        "ansprache": "du",
        "berufsgeheimnis": "rechtsanwalt",
    },
    "auftrag": {
        "datum": "2026-11-20",
        "anfrage": {"datum": "2026-11-12", "art": "Kennenlerngespräch per „Zoom“ & Telefon"},
        "beginn": "2026-12-01",
        "ende": "2027-05-31",
        "kuendigungsfrist_wochen": 2,
        "ziele": [_text("Ziel"), "Ordnung <sofort> & Überblick"],
        "aufgaben": [_text("Aufgabe"), "Post & Ablage „digital“"],
        "umfang": _text("Umfang"),
        "zeitrahmen": _text("Zeitrahmen"),
        "kommunikation": ["E-Mail & Telefon", "Signal <privat>"],
        "werkzeuge": [
            {"name": "trello", "konto": "assistenz", "zweck": "Aufgaben & Termine <Board>"},
            {"name": "1password", "konto": "assistenz"},
            {"name": "zoom", "konto": "kunde", "zweck": "Gespräche „face to face“"},
            {"name": "skype", "konto": "kunde"},
        ],
        "ablaeufe": [_text("Ablauf")],
        "austausch": _text("Austausch"),
        "werkleistungen": ["Präsentation „Jahresplan“ & Handout <A4>"],
        "vorzeitiger_beginn": True,
    },
    "verguetung": {
        "art": "stunden",
        "stundensatz": "48.50",
        "taktung_minuten": 15,
        "kontingent_stunden": "10",
        "auslagen": _text("Auslagen"),
    },
    "abrechnung": {"vorauszahlung": True, "zahlungsziel_tage": 7},
    "nda": {
        "vereinbart": True,
        "art": "gegenseitig",
        "nachwirkung_jahre": 1,
        "vertragsstrafe": "1000.00",
    },
    "datenschutz": {
        "personenbezogene_daten": True,
        "gegenstand": _text("Gegenstand"),
        "verarbeitungen": [_text("Verarbeitung")],
        "zwecke": [_text("Zweck")],
        "datenarten": [_text("Datenart")],
        "besondere_kategorien": ["Gesundheitsdaten & Diagnosen <Art. 9>"],
        "betroffene": ["Mandanten & Gegner <Akte>"],
        "weisungsberechtigte": [
            {
                "name": "Jürgen Groß & Söhne",
                "funktion": "Inhaber <privat>",
                "email": "j@gross.example",
            }
        ],
        "weisungswege": ["E-Mail & Trello-Karte <Board>"],
        "genehmigung": "einzeln",
        "einspruchsfrist_tage": 30,
        "meldefrist_stunden": 12,
    },
    "rechnungen": [
        {"art": "vorauszahlung", "zeitraum": "2026-12"},
        {
            "art": "schluss",
            "zeitraum": "2026-12",
            "positionen": [
                {
                    "beschreibung": _text("Porto"),
                    "menge": "2",
                    "einheit": "Stk. & Co.",
                    "einzelpreis": "12.34",
                },
                {"beschreibung": "Rabatt <Treue> & „Dank“", "einzelpreis": "-5.00"},
            ],
            "zeiten": [
                {"datum": "2026-12-02", "taetigkeit": _text("Tätigkeit"), "dauer": "1:07"},
                {"datum": "2026-12-09", "taetigkeit": "Ablage & Post <Eingang>", "dauer": "0:20"},
            ],
        },
    ],
}

HOSTILE_EMPTY: dict[str, Any] = {
    "kunde": {
        "name": "A & B <AG> „Zürich“",
        "art": "unternehmen",
        "anschrift": {"strasse": "Bahnhofstrasse 1", "plz": "8001", "ort": "Zürich", "land": "CH"},
    },
    "auftrag": {
        "datum": "2026-11-20",
        "anfrage": {"datum": "2026-11-12"},
        "beginn": "2026-12-01",
        "ziele": ["Entlastung & Ordnung <Büro>"],
        "aufgaben": ["Post & Termine „alles“"],
        "umfang": "nach Bedarf & Absprache",
        "zeitrahmen": "werktags <flexibel>",
        "kommunikation": ["E-Mail"],
        "austausch": "monatlich & nach Bedarf",
    },
    "verguetung": {"art": "pauschal", "pauschale": "800.00"},
    "abrechnung": {"vorauszahlung": False},
    "datenschutz": {"personenbezogene_daten": False, "weisungswege": []},
    "rechnungen": [{"art": "monat", "zeitraum": "2026-12"}],
}

HOSTILE_CLIENTS = {"feindlich-voll": HOSTILE_FULL, "feindlich-leer": HOSTILE_EMPTY}
