"""The sub-processor catalogue: which vendor stands behind a tool, and on what legal basis.

A row is either *verified* — ``zuletzt_geprueft`` (the day someone checked the vendor's
terms) and ``quelle`` (where) — or flagged ``ungeprueft: true`` and printed as unverified
(Art. 28 Abs. 1, 4 and Art. 5 Abs. 2 DSGVO: the assistant must be able to show what she
checked). A row never carries a verification date it is not verified by.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, RootModel, model_validator

from vadocs.model.base import Model
from vadocs.model.types import Text, Zeile


class Anbieter(Model):
    name: Zeile = Field(title="Name des Werkzeugs")
    anbieter: Zeile = Field(title="Anbieter (Vertragspartner, Unternehmen)")
    anschrift: Zeile = Field(title="Anschrift des Anbieters")
    leistung: Zeile = Field(title="Leistung")
    daten: Text = Field(title="Betroffene Daten")
    ort: Zeile = Field(title="Ort der Verarbeitung")
    drittland: bool = Field(title="Übermittlung in ein Drittland")
    grundlage: Text = Field(title="Rechtsgrundlage der Übermittlung")
    dpf: Literal["gelistet", "nicht gelistet", "entfällt"] | None = Field(
        None,
        title="EU-US Data Privacy Framework",
        description="Listung des US-Unternehmens auf dataprivacyframework.gov; leer: unbekannt",
    )
    dpa: Zeile = Field(
        title="AVV des Anbieters",
        description="Name oder Adresse der Auftragsverarbeitungsbedingungen des Anbieters",
    )
    avv_fassung: Zeile | None = Field(
        None,
        title="Fassung des AVV, die Sie abgeschlossen haben",
        description="Version oder Stand laut Anbieter; leer: „in der jeweils gültigen Fassung“",
    )
    avv_datum: date | None = Field(
        None,
        title="Tag, an dem Sie den AVV des Anbieters abgeschlossen haben",
        description="Nur eintragen, wenn Sie es wissen (z. B. Datum der Annahme im Konto)",
    )
    nur_geschaeftskonto: bool = Field(
        False,
        title="AVV nur für Geschäftskonten",
        description="true: der Anbieter bietet einen AVV nur für Geschäftskonten, "
        "nicht für kostenlose oder private Konten",
    )
    quelle: Zeile | None = Field(None, title="Quelle der Angaben (Adresse)")
    zuletzt_geprueft: date | None = Field(
        None, title="Zuletzt geprüft am", description="Nur bei geprüften Einträgen"
    )
    ungeprueft: bool = Field(
        True,
        title="Angaben nicht verifiziert",
        description="false erst, wenn Sie die Angaben anhand der Quelle geprüft haben",
    )
    eingestellt: date | None = Field(None, title="Dienst eingestellt am")
    hinweis: Text | None = Field(None, title="Hinweis")

    @model_validator(mode="after")
    def _verified_or_flagged(self) -> Anbieter:
        if self.ungeprueft and self.zuletzt_geprueft is not None:
            raise ValueError(
                "ungeprueft: true und zuletzt_geprueft schließen sich aus — "
                "ein Prüfdatum nur für geprüfte Einträge"
            )
        if not self.ungeprueft and (self.zuletzt_geprueft is None or not self.quelle):
            raise ValueError(
                "ein geprüfter Eintrag (ungeprueft: false) braucht zuletzt_geprueft und quelle"
            )
        return self

    @property
    def avv_angabe(self) -> str:
        """How the vendor DPA is named in Anlage 4: the accepted version, or the current one."""
        parts = [self.dpa]
        if self.avv_fassung:
            parts.append(f"Fassung {self.avv_fassung}")
        if self.avv_datum:
            parts.append(f"abgeschlossen am {self.avv_datum:%d.%m.%Y}")
        if not (self.avv_fassung or self.avv_datum):
            parts.append("in der jeweils gültigen Fassung")
        return ", ".join(parts)


class Katalog(RootModel[dict[str, Anbieter]]):
    """Tool key (``trello``) → vendor facts."""
