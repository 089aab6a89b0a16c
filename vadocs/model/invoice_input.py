"""What the client file says about invoices: kind, period, items, time entries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import Field

from vadocs.model.base import Model
from vadocs.model.time_import import ZeitenCsv
from vadocs.model.types import Dauer, Menge, Monat, PositionsBetrag, Text, Zeile


class Position(Model):
    beschreibung: Text = Field(title="Beschreibung der Leistung")
    menge: Menge = Field(Decimal(1), title="Menge")
    einheit: Zeile = Field("Pauschal", title="Einheit", examples=["Std.", "Pauschal", "Stk."])
    einzelpreis: PositionsBetrag = Field(title="Einzelpreis netto in €")
    abweichung: Text | None = Field(
        None,
        title="Grund für einen abweichenden Preis",
        description="Pflicht, wenn ein Stundenpreis nicht dem vereinbarten Satz entspricht",
        examples=["Wochenendeinsatz, am 12.12. per E-Mail vereinbart"],
    )


class Zeiteintrag(Model):
    datum: date = Field(title="Datum")
    taetigkeit: Text = Field(title="Tätigkeit")
    dauer: Dauer = Field(title="Dauer (h:mm)")


class RechnungEingabe(Model):
    art: Literal["vorauszahlung", "monat", "schluss"] = Field(
        title="Art der Rechnung",
        description="vorauszahlung: im Voraus für den Zeitraum; monat: Monatsabrechnung; "
        "schluss: Schlussrechnung mit Abzug der Vorauszahlungen",
    )
    zeitraum: Monat = Field(title="Leistungszeitraum (Monat)")
    datum: date | None = Field(
        None,
        title="Rechnungsdatum",
        description="leer: der Tag, an dem die Rechnung ausgestellt wird (heute); "
        "nie in der Zukunft",
    )
    ausgesetzt: Zeile | None = Field(
        None,
        title="Monat ausgesetzt (Grund)",
        description="Für diesen Monat wird keine Rechnung dieser Art gestellt, z. B. Urlaub "
        "des Kunden; der Grund erscheint in vadocs invoices due",
        examples=["Kunde im Urlaub, per E-Mail am 02.08. vereinbart"],
    )
    mehrstunden_vereinbart: bool = Field(
        False,
        title="Mehrstunden vereinbart",
        description="true: Stunden über dem Kontingent wurden vorher mit dem Kunden vereinbart "
        "(sonst wird die Rechnung verweigert)",
    )
    positionen: list[Position] = Field(default_factory=list, title="Zusätzliche Positionen")
    zeiten: list[Zeiteintrag] = Field(default_factory=list, title="Zeiteinträge")
    zeiten_csv: Zeile | ZeitenCsv | None = Field(
        None,
        title="Zeiten aus Export (CSV/XLSX)",
        description="Export aus Kimai, Toggl Track, Clockify oder Harvest (Dateiname relativ "
        "zur Kundendatei) oder eine Zuordnung mit datei, spalten, datumsformat, dauerformat; "
        "Einträge außerhalb des Zeitraums werden übergangen und gezählt",
    )
    zeiten_kunde: Zeile | None = Field(
        None,
        title="Kundenname im Export",
        description="Nur Zeilen mit diesem Wert in der Spalte Client/Customer/Kunde übernehmen",
    )
    zeiten_projekt: Zeile | None = Field(
        None,
        title="Projektname im Export",
        description="Nur Zeilen mit diesem Wert in der Spalte Project/Projekt übernehmen",
    )
