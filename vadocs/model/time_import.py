"""``zeiten_csv:`` as a mapping: which file, which columns, which date and duration format.

The accepted formats are those of :mod:`vadocs.timesheets.values` (a test keeps them equal).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from vadocs.model.base import Model
from vadocs.model.types import Zeile

Datumsformat = Literal[
    "JJJJ-MM-TT",
    "JJJJ/MM/TT",
    "TT.MM.JJJJ",
    "TT.MM.JJ",
    "TT/MM/JJJJ",
    "MM/TT/JJJJ",
    "TT-MM-JJJJ",
    "MM-TT-JJJJ",
]
Dauerformat = Literal["h:mm", "h:mm:ss", "stunden", "minuten", "sekunden"]


class Spalten(Model):
    """Column names exactly as in the export's header line (upper/lower case does not matter)."""

    datum: Zeile = Field(title="Spalte Datum", examples=["Tag"])
    dauer: Zeile = Field(title="Spalte Dauer", examples=["Zeit"])
    taetigkeit: Zeile | None = Field(None, title="Spalte Tätigkeit", examples=["Notiz"])
    kunde: Zeile | None = Field(None, title="Spalte Kunde")
    projekt: Zeile | None = Field(None, title="Spalte Projekt")
    abrechenbar: Zeile | None = Field(
        None, title="Spalte abrechenbar", description="Werte ja/nein, yes/no, 1/0"
    )
    beginn: Zeile | None = Field(
        None, title="Spalte Beginn (Uhrzeit)", description="zur Kontrolle der Dauer"
    )
    ende: Zeile | None = Field(None, title="Spalte Ende (Uhrzeit)")


class ZeitenCsv(Model):
    datei: Zeile = Field(
        title="Datei",
        description="CSV- oder XLSX-Export, relativ zur Kundendatei",
        examples=["zeiten/toggl-dezember.csv"],
    )
    spalten: Spalten | None = Field(
        None,
        title="Spalten",
        description="Nur für andere Programme als Kimai, Toggl Track, Clockify, Harvest",
    )
    datumsformat: Datumsformat | None = Field(
        None,
        title="Datumsformat",
        description="Nötig, wenn Schrägstrich-Daten mehrdeutig sind (kein Tag über 12)",
    )
    dauerformat: Dauerformat | None = Field(
        None, title="Dauerformat", description="leer: aus Kopfzeile und Werten erkannt"
    )
    nicht_abrechenbare: bool = Field(
        False,
        title="Auch nicht abrechenbare Zeilen",
        description="true: Zeilen, die das Programm als nicht abrechenbar markiert, mit berechnen",
    )
