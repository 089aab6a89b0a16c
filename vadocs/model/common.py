"""Parts shared by the business profile and the client file."""

from __future__ import annotations

from pydantic import Field

from vadocs.model.base import Model
from vadocs.model.types import Email, Land, Plz, Zeile


class Anschrift(Model):
    """Postal address, as printed in the address field of a DIN 5008 letter."""

    zusatz: Zeile | None = Field(
        None, title="Adresszusatz", description="z. B. Abteilung oder c/o; optional"
    )
    strasse: Zeile = Field(title="Straße und Hausnummer", examples=["Königsbrücker Straße 12"])
    plz: Plz = Field(
        title="Postleitzahl",
        description="Wird als Text gelesen: 01067 bleibt 01067.",
        examples=["01067"],
    )
    ort: Zeile = Field(title="Ort", examples=["Dresden"])
    land: Land = Field("DE", title="Land", description="ISO-Ländercode, z. B. DE, AT, CH, NO")


class Kontakt(Model):
    email: Email = Field(title="E-Mail-Adresse")
    telefon: Zeile | None = Field(None, title="Telefon")
    website: Zeile | None = Field(None, title="Website")
