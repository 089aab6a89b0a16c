"""The billing rhythm of a client file (``abrechnung:``): partial months and where the hours are.

With these settings the invoices follow from the engagement (:mod:`vadocs.invoicing.schedule`):
``rechnungen:`` is needed only for exceptions.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from vadocs.model.base import Model
from vadocs.model.invoice_input import Zeiteintrag
from vadocs.model.time_import import ZeitenCsv
from vadocs.model.types import Zeile


class Rhythmus(Model):
    """Fields of ``abrechnung:`` that drive the derived monthly invoices."""

    anteilig: Literal["voller_monat", "tage"] = Field(
        "voller_monat",
        title="Angefangene Monate beim Festpreis",
        description="Beginnt oder endet die Zusammenarbeit im Laufe eines Monats: voller_monat "
        "(Standard): der volle Monatspreis; tage: anteilig nach Kalendertagen (auch die "
        "Vorauszahlung und das Stundenkontingent des ersten Monats). Steht in der "
        "Auftragsbestätigung.",
    )
    zeiten: list[Zeiteintrag] = Field(
        default_factory=list,
        title="Zeiteinträge aller Monate",
        description="Jede Monatsrechnung übernimmt die Einträge ihres Monats (nur Stundensatz "
        "und Kontingent); eine Rechnung mit eigenen zeiten: oder zeiten_csv: nutzt nur diese",
    )
    zeiten_csv: Zeile | ZeitenCsv | None = Field(
        None,
        title="Zeiten aus Export für alle Monate (CSV/XLSX)",
        description="Ein Export (z. B. des ganzen Jahres) aus Kimai, Toggl Track, Clockify, "
        "Harvest oder mit Zuordnung wie bei rechnungen[].zeiten_csv; jede Monatsrechnung "
        "übernimmt die Zeilen ihres Monats",
        examples=["zeiten/kimai-2027.csv"],
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
