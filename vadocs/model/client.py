"""One client file (``kunden/<kuerzel>.yaml``): the client, the engagement and its invoices."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from vadocs.i18n import _
from vadocs.model.base import Model
from vadocs.model.billing import Rhythmus
from vadocs.model.common import Anschrift
from vadocs.model.invoice_input import RechnungEingabe
from vadocs.model.types import Betrag, Email, Steuersatz, Takt, Text, UstIdNr, Zeile


class Ansprechpartner(Model):
    anrede: Literal["Frau", "Herr", ""] = Field(
        "", title="Anrede", description="Frau, Herr oder leer"
    )
    vorname: Zeile | None = Field(None, title="Vorname")
    name: Zeile = Field(title="Nachname")
    funktion: Zeile | None = Field(None, title="Funktion", examples=["Geschäftsführerin"])
    email: Email | None = Field(None, title="E-Mail")
    telefon: Zeile | None = Field(None, title="Telefon")

    @property
    def voller_name(self) -> str:
        return " ".join(p for p in (self.vorname, self.name) if p)


class Kunde(Model):
    name: Zeile = Field(
        title="Name oder Firma",
        description="Wie auf Verträgen und Rechnungen zu drucken",
        examples=["Müller & Söhne GmbH"],
    )
    art: Literal["unternehmen", "verbraucher"] = Field(
        title="Unternehmen oder Verbraucher",
        description="verbraucher: Privatperson (§ 13 BGB) — Bruttopreise und Widerrufsbelehrung",
    )
    inhaber: Zeile | None = Field(
        None,
        title="Vertragspartner, wenn name eine Geschäftsbezeichnung ist",
        description="Name der Inhaberin oder des Inhabers, z. B. bei Kanzleien und Praxen "
        "ohne Rechtsform; gedruckt wird „Inhaber (Geschäftsbezeichnung)“",
        examples=["Claudia Berger, Steuerberaterin"],
    )
    kundennummer: Zeile | None = Field(
        None, title="Kundennummer", description="leer: keine Kundennummer auf der Rechnung"
    )
    kaufmann: bool = Field(
        False,
        title="Kaufmann im Sinne des HGB",
        description="Nur deutsche Unternehmen; true erlaubt zusammen mit Ihrem Status "
        "(kauffrau in vadocs.yaml) eine Gerichtsstandsvereinbarung (§ 38 Abs. 1 ZPO)",
    )
    anschrift: Anschrift = Field(title="Anschrift")
    ust_idnr: UstIdNr | None = Field(None, title="USt-IdNr. des Kunden")
    ansprechpartner: Ansprechpartner | None = Field(None, title="Ansprechpartner")
    ansprache: Literal["sie", "du"] = Field(
        "sie", title="Sie oder Du", description="Anrede in Auftragsbestätigung und Rechnung"
    )
    berufsgeheimnis: Literal["keins", "rechtsanwalt", "steuerberater", "arzt", "sonstiges"] = Field(
        "keins",
        title="Berufsgeheimnisträger",
        description="Unterliegt der Kunde einer Schweigepflicht nach § 203 StGB? "
        "Dann ist die Verschwiegenheitsvereinbarung Pflicht.",
    )

    @property
    def partei(self) -> str:
        """The party as printed: the legal name, the trade name added (never substituted)."""
        return f"{self.inhaber} ({self.name})" if self.inhaber else self.name


class Werkzeug(Model):
    name: Zeile = Field(
        title="Werkzeug",
        description="Schlüssel aus dem Katalog der Unterauftragsverarbeiter, z. B. trello, zoom",
        examples=["trello"],
    )
    konto: Literal["assistenz", "kunde"] = Field(
        title="Wessen Konto",
        description="assistenz: Ihr eigenes Konto (dann Unterauftragsverarbeiter); kunde: Konto des Kunden",
    )
    zweck: Zeile | None = Field(None, title="Wofür", examples=["Aufgabenübersicht"])
    anzeigename: Zeile | None = Field(
        None,
        title="Anzeigename",
        description="Pflicht für Werkzeuge, die nicht im Katalog stehen: so wird es gedruckt",
    )
    kontotyp: Literal["geschaeftlich", "privat"] = Field(
        "geschaeftlich",
        title="Art des Kontos",
        description="privat: kostenloses oder privates Konto (oft ohne AVV)",
    )


class Anfrage(Model):
    datum: date = Field(title="Datum der Anfrage oder des Kennenlerngesprächs")
    art: Zeile = Field(
        "Kennenlerngespräch", title="Art", examples=["Kennenlerngespräch per Zoom", "E-Mail"]
    )


class Auftrag(Model):
    datum: date = Field(title="Datum der Auftragsbestätigung")
    anfrage: Anfrage = Field(title="Bezug: Anfrage oder Kennenlerngespräch")
    beginn: date = Field(title="Beginn der Zusammenarbeit")
    ende: date | None = Field(None, title="Ende", description="leer: unbefristet")
    gekuendigt_zum: date | None = Field(
        None,
        title="Gekündigt zum",
        description="Letzter Tag nach einer Kündigung: danach keine Rechnungen mehr",
    )
    kuendigungsfrist_wochen: int = Field(
        4, ge=0, le=52, title="Kündigungsfrist in Wochen", description="jeweils zum Monatsende"
    )
    ziele: list[Text] = Field(min_length=1, title="Ziele der Zusammenarbeit")
    aufgaben: list[Text] = Field(min_length=1, title="Aufgaben")
    umfang: Text = Field(title="Umfang", examples=["etwa 20 Stunden im Monat"])
    zeitrahmen: Text = Field(
        title="Servicezeiten (Erreichbarkeit)",
        description="Wann Sie erreichbar sind — keine Anwesenheitspflicht",
        examples=["Mo–Do, 9–13 Uhr"],
    )
    kommunikation: list[Zeile] = Field(
        min_length=1, title="Kommunikationswege", examples=[["E-Mail", "Microsoft Teams"]]
    )
    werkzeuge: list[Werkzeug] = Field(default_factory=list, title="Werkzeuge (Tools)")
    ablaeufe: list[Text] = Field(default_factory=list, title="Abläufe")
    austausch: Text = Field(title="Regelmäßiger Austausch", examples=["wöchentlich per Teams"])
    werkleistungen: list[Text] = Field(
        default_factory=list,
        title="Werkleistungen",
        description="Einzelne Ergebnisse mit Abnahme (§ 631 BGB), z. B. eine Präsentation",
    )
    angenommen_am: date | None = Field(
        None,
        title="Vom Kunden angenommen am",
        description="Tag, an dem der Kunde die Auftragsbestätigung angenommen hat (Unterschrift "
        "oder Textform). Leer: Angebot — Rechnungen nur als Entwurf, Verträge noch änderbar.",
    )
    angenommen_per: Zeile | None = Field(
        None,
        title="Angenommen per",
        description="Weg der Annahme",
        examples=["E-Mail", "Unterschrift", "Brief"],
    )
    vorzeitiger_beginn: bool = Field(
        False,
        title="Beginn vor Ablauf der Widerrufsfrist",
        description="Nur Verbraucher: Die Arbeit soll vor Ablauf der Widerrufsfrist beginnen, "
        "wenn der Kunde das ausdrücklich verlangt.",
    )
    vorzeitiger_beginn_verlangt_am: date | None = Field(
        None,
        title="Tag, an dem der Kunde den früheren Beginn ausdrücklich verlangt hat",
        description="Nur eintragen, wenn die Erklärung vorliegt (z. B. seine E-Mail); "
        "sonst verlangt er ihn in der Bestätigung des Auftrags (§ 356 Abs. 4 BGB)",
    )


class Verguetung(Model):
    art: Literal["stunden", "pauschal"] = Field(title="Stundensatz oder Festpreis")
    stundensatz: Betrag | None = Field(None, title="Stundensatz netto in €")
    taktung_minuten: Takt = Field(
        15,
        title="Abrechnungstakt in Minuten",
        description="Jeder Zeiteintrag wird auf diesen Takt aufgerundet (6 Minuten = 0,1 Std.); "
        "nicht für Verbraucher, die minutengenau abgerechnet werden.",
    )
    kontingent_stunden: Betrag | None = Field(None, title="Stundenkontingent pro Monat")
    mehrstundensatz: Betrag | None = Field(
        None,
        title="Stundensatz für Mehrstunden netto in €",
        description="Für Stunden über dem Kontingent; leer: der Stundensatz",
    )
    pauschale: Betrag | None = Field(None, title="Monatlicher Festpreis netto in €")
    umsatzsteuersatz: Steuersatz | None = Field(None, title="Umsatzsteuersatz in %")
    auslagen: Text | None = Field(
        None,
        title="Auslagen",
        description="Wie Auslagen (z. B. Porto, Software) abgerechnet werden",
    )


class Abrechnung(Rhythmus):
    vorauszahlung: bool = Field(
        True, title="Vorauszahlung", description="Neukunden zahlen den ersten Monat im Voraus"
    )
    zahlungsziel_tage: int | None = Field(None, ge=0, le=90, title="Zahlungsziel in Tagen")
    e_rechnung: Literal["auto", "zugferd", "xrechnung", "keine"] = Field(
        "auto",
        title="E-Rechnung",
        description="auto: ZUGFeRD/Factur-X (EN 16931) für Unternehmen, nicht für Verbraucher "
        "und nicht als Kleinunternehmerin; xrechnung: zusätzlich die XRechnung-XML-Datei",
    )
    kaeuferreferenz: Zeile | None = Field(
        None,
        title="Käuferreferenz / Leitweg-ID",
        description="Pflicht bei XRechnung (BT-10), bei Behörden die Leitweg-ID",
    )
    debitorenkonto: int | None = Field(
        None,
        ge=10000,
        le=999999999,
        title="Debitorenkonto (DATEV)",
        description="leer: vadocs vergibt fest eines ab 10000 (beim ersten DATEV-Export)",
    )
    mahnstopp: bool = Field(
        False,
        title="Mahnstopp",
        description="true: vadocs schlägt für diesen Kunden keine Mahnung vor (Grund angeben)",
    )
    mahnstopp_grund: Zeile | None = Field(
        None, title="Grund des Mahnstopps", examples=["Ratenzahlung vereinbart"]
    )

    @model_validator(mode="after")
    def _stop_has_reason(self) -> Abrechnung:
        if self.mahnstopp and not self.mahnstopp_grund:
            raise ValueError(_("mahnstopp: true braucht einen mahnstopp_grund"))
        return self


class Nda(Model):
    vereinbart: bool = Field(False, title="Verschwiegenheitsvereinbarung gewünscht")
    art: Literal["einseitig", "gegenseitig"] = Field(
        "einseitig", title="Einseitig oder gegenseitig"
    )
    nachwirkung_jahre: int = Field(
        3, ge=1, le=10, title="Dauer nach Ende der Zusammenarbeit (Jahre)"
    )
    vertragsstrafe: Betrag | None = Field(
        None, title="Vertragsstrafe je Verstoß in €", description="leer: keine Vertragsstrafe"
    )


class Weisungsberechtigter(Model):
    name: Zeile = Field(title="Name")
    funktion: Zeile | None = Field(None, title="Funktion")
    email: Email | None = Field(None, title="E-Mail")


class Datenschutz(Model):
    personenbezogene_daten: bool = Field(
        title="Verarbeitung personenbezogener Daten",
        description="true, sobald Sie Daten Dritter sehen (Postfach, Kalender, Kundendaten) — dann ist ein AVV Pflicht",
    )
    begruendung: Text | None = Field(
        None,
        title="Begründung, wenn keine personenbezogenen Daten verarbeitet werden",
        description="Bei Verbrauchern Pflicht zu personenbezogene_daten: false",
    )
    gegenstand: Text | None = Field(None, title="Gegenstand der Verarbeitung")
    verarbeitungen: list[Text] = Field(default_factory=list, title="Art der Verarbeitung")
    zwecke: list[Text] = Field(default_factory=list, title="Zwecke")
    datenarten: list[Text] = Field(default_factory=list, title="Arten personenbezogener Daten")
    besondere_kategorien: list[Text] = Field(
        default_factory=list,
        title="Besondere Kategorien (Art. 9 DSGVO)",
        description="z. B. Gesundheitsdaten; leer, wenn keine",
    )
    betroffene: list[Text] = Field(default_factory=list, title="Kategorien betroffener Personen")
    weisungsberechtigte: list[Weisungsberechtigter] = Field(
        default_factory=list, title="Weisungsberechtigte Personen des Kunden"
    )
    weisungswege: list[Zeile] = Field(
        default_factory=lambda: ["E-Mail"], title="Wege für Weisungen"
    )
    genehmigung: Literal["allgemein", "einzeln"] = Field(
        "allgemein", title="Genehmigung von Unterauftragsverarbeitern"
    )
    einspruchsfrist_tage: int = Field(
        14, ge=7, le=60, title="Einspruchsfrist bei neuen Unterauftragsverarbeitern"
    )
    meldefrist_stunden: int = Field(
        24, ge=1, le=48, title="Frist für Meldung von Datenpannen (Stunden)"
    )


class Kundendatei(Model):
    """A client file: who the client is, what was agreed, and what has been invoiced."""

    kunde: Kunde = Field(title="Kunde")
    auftrag: Auftrag = Field(title="Auftrag")
    verguetung: Verguetung = Field(title="Vergütung")
    abrechnung: Abrechnung = Field(default_factory=Abrechnung, title="Abrechnung")
    nda: Nda = Field(default_factory=Nda, title="Verschwiegenheitsvereinbarung")
    datenschutz: Datenschutz = Field(title="Datenschutz")
    rechnungen: list[RechnungEingabe] = Field(default_factory=list, title="Rechnungen")
