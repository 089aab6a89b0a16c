"""The assistant's business profile (``vadocs.yaml`` at the top of her workspace)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from vadocs.model.base import Model
from vadocs.model.common import Anschrift, Kontakt
from vadocs.model.datev import DatevEinstellungen
from vadocs.model.mahnwesen import Mahnwesen
from vadocs.model.types import (
    Betrag,
    Bic,
    EigeneUstIdNr,
    Iban,
    Steuernummer,
    Steuersatz,
    Zeile,
)


class Bankverbindung(Model):
    kontoinhaberin: Zeile | None = Field(
        None, title="Kontoinhaberin", description="Leer lassen, wenn es Ihr Name ist."
    )
    iban: Iban = Field(title="IBAN", description="Wird mit Prüfsumme geprüft.")
    bic: Bic | None = Field(None, title="BIC")
    bank: Zeile = Field(title="Name der Bank")


class EigenerDienst(Model):
    """A service the assistant runs on her own account for every client (AVV Anlage 4)."""

    name: Zeile = Field(
        title="Dienst",
        description="Schlüssel aus dem Katalog der Unterauftragsverarbeiter, z. B. ionos",
        examples=["ionos"],
    )
    zweck: Zeile = Field(
        title="Wofür", examples=["E-Mail-Postfach", "Cloud-Speicher", "Datensicherung"]
    )
    kontotyp: Literal["geschaeftlich", "privat"] = Field(
        "geschaeftlich",
        title="Art des Kontos",
        description="privat: kostenloses oder privates Konto (oft ohne AVV)",
    )


class Tom(Model):
    """The security measures the assistant confirms she takes (AVV Anlage 3, Art. 32 DSGVO).

    Only what is true here is printed; nothing is promised by default."""

    geraeteverschluesselung: bool = Field(False, title="Geräte vollständig verschlüsselt")
    tresor_je_kunde: bool = Field(
        False, title="Passwort-Manager mit eigenem Tresor je Kunde (Ende-zu-Ende-verschlüsselt)"
    )
    mehr_faktor: bool = Field(False, title="Mehr-Faktor-Anmeldung für alle Konten mit Kundendaten")
    bildschirmsperre: bool = Field(
        False, title="Automatische Bildschirmsperre, Arbeit ohne Administratorrechte"
    )
    browserprofile: bool = Field(False, title="Eigenes Browserprofil je Kunde")
    abschliessbarer_raum: bool = Field(False, title="Abschließbares Arbeitszimmer")
    aktenvernichter_p4: bool = Field(False, title="Aktenvernichter Sicherheitsstufe P-4")
    sicherheitsupdates: bool = Field(
        False, title="Automatische Sicherheitsupdates, Virenschutz und Firewall"
    )
    wlan_verschluesselt: bool = Field(
        False, title="Router mit aktueller Firmware, WLAN mit WPA2/WPA3"
    )
    gastnetz: bool = Field(False, title="Getrenntes Gastnetz für private und smarte Geräte")
    datensicherung_taeglich: bool = Field(
        False, title="Tägliche verschlüsselte Datensicherung auf ein getrenntes Laufwerk"
    )
    wiederherstellung_getestet: bool = Field(
        False, title="Wiederherstellung mindestens halbjährlich getestet"
    )
    ersatzgeraet: bool = Field(False, title="Ersatzgerät und mobiler Internetzugang")


class Geschaeftsprofil(Model):
    """Everything about the assistant's own business that appears on her documents."""

    beispiel: bool = Field(
        False,
        title="Beispieldaten",
        description="true: ein Beispiel (wie nach vadocs init) — Rechnungen nur als Entwurf, "
        "keine Nummer wird vergeben. Löschen, sobald Ihre echten Angaben eingetragen sind.",
    )
    name: Zeile = Field(title="Ihr Name", description="Vor- und Nachname der Inhaberin")
    firma: Zeile | None = Field(
        None, title="Geschäftsbezeichnung", examples=["Virtuelle Assistenz Anna Schmidt"]
    )
    berufsbezeichnung: Zeile = Field("Virtuelle Assistentin", title="Berufsbezeichnung")
    anschrift: Anschrift = Field(title="Geschäftsanschrift")
    kontakt: Kontakt = Field(title="Kontakt")
    steuernummer: Steuernummer | None = Field(None, title="Steuernummer")
    ust_idnr: EigeneUstIdNr | None = Field(None, title="USt-IdNr.")
    kleinunternehmer: bool = Field(
        False,
        title="Kleinunternehmerin nach § 19 UStG",
        description="true: Rechnungen ohne Umsatzsteuer mit dem Hinweis nach § 19 UStG.",
    )
    bank: Bankverbindung = Field(title="Bankverbindung")
    logo: Zeile | None = Field(
        None,
        title="Logo",
        description="Pfad zu einer PNG- oder JPEG-Datei, relativ zu dieser Datei",
    )
    stundensatz: Betrag | None = Field(
        None,
        title="Standard-Stundensatz (netto, €)",
        description="Gilt, wenn der Kunde keinen hat.",
    )
    umsatzsteuersatz: Steuersatz = Field(19, title="Standard-Umsatzsteuersatz in %")
    zahlungsziel_tage: int = Field(14, ge=0, le=90, title="Standard-Zahlungsziel in Tagen")
    rechnungsnummer: Zeile = Field(
        "{year}-{seq:04d}",
        title="Muster der Rechnungsnummer",
        description="{year} ist das Jahr des Rechnungsdatums, {seq} die laufende Nummer.",
    )
    ort: Zeile | None = Field(
        None,
        title="Ort für Datum und Unterschrift",
        description="Standard: der Ort Ihrer Anschrift",
    )
    kauffrau: bool = Field(
        False,
        title="Kauffrau im Sinne des HGB",
        description="true nur, wenn Ihr Unternehmen ein Handelsgewerbe ist oder im "
        "Handelsregister steht (§§ 1, 2 HGB); freiberuflich tätige Assistentinnen meist nicht",
    )
    gerichtsstand: Zeile | None = Field(
        None,
        title="Gerichtsstand",
        description="Wird nur vereinbart, wenn beide Seiten Kaufleute sind (§ 38 Abs. 1 ZPO) "
        "oder der Kunde ein Unternehmen in Österreich oder der Schweiz ist.",
    )
    eigene_dienste: list[EigenerDienst] = Field(
        default_factory=list,
        title="Ihre eigenen Dienste",
        description="E-Mail-Postfach, Cloud-Speicher, Datensicherung, Telefon/Mailbox: "
        "Unterauftragsverarbeiter in jedem AVV",
    )
    tom: Tom | None = Field(
        None,
        title="Technische und organisatorische Maßnahmen",
        description="Bestätigen Sie, was Sie tatsächlich tun; Anlage 3 des AVV druckt nur das.",
    )
    haftpflichtversicherung: Zeile | None = Field(
        None, title="Berufshaftpflichtversicherung", description="Versicherer, falls vorhanden"
    )
    datev: DatevEinstellungen | None = Field(
        None,
        title="DATEV-Export",
        description="Angaben für den Buchungsstapel an die Steuerberaterin "
        "(vadocs invoices export --format datev).",
    )
    mahnwesen: Mahnwesen = Field(
        default_factory=Mahnwesen,
        title="Mahnwesen",
        description="Fristen und Gebühren für Zahlungserinnerungen und Mahnungen",
    )

    @property
    def anzeigename(self) -> str:
        return self.firma or self.name

    @property
    def unterschriftsort(self) -> str:
        return self.ort or self.anschrift.ort

    @property
    def ust_satz(self) -> Decimal:
        return Decimal(self.umsatzsteuersatz)
