"""The assistant's business profile (``vadocs.yaml`` at the top of her workspace)."""

from __future__ import annotations

from decimal import Decimal

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
    gerichtsstand: Zeile | None = Field(
        None, title="Gerichtsstand", description="Nur gegenüber Kaufleuten wirksam (§ 38 ZPO)."
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
