"""The sub-processor catalogue: which vendor stands behind a tool, and on what legal basis."""

from __future__ import annotations

from datetime import date

from pydantic import Field, RootModel

from vadocs.model.base import Model
from vadocs.model.types import Text, Zeile


class Anbieter(Model):
    name: Zeile = Field(title="Name des Werkzeugs")
    anbieter: Zeile = Field(title="Anbieter (Unternehmen)")
    anschrift: Zeile = Field(title="Anschrift des Anbieters")
    leistung: Zeile = Field(title="Leistung")
    daten: Text = Field(title="Betroffene Daten")
    ort: Zeile = Field(title="Ort der Verarbeitung")
    drittland: bool = Field(title="Übermittlung in ein Drittland")
    grundlage: Text = Field(title="Rechtsgrundlage der Übermittlung")
    avv_datum: date | None = Field(None, title="Datum des AVV mit dem Anbieter")
    zuletzt_geprueft: date = Field(title="Zuletzt geprüft am")
    ungeprueft: bool = Field(False, title="Angaben noch nicht verifiziert")
    eingestellt: date | None = Field(None, title="Dienst eingestellt am")
    hinweis: Text | None = Field(None, title="Hinweis")


class Katalog(RootModel[dict[str, Anbieter]]):
    """Tool key (``trello``) → vendor facts."""
