"""Which VAT case applies to an invoice, and the legal note it must carry."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from vadocs.model.client import Kundendatei
from vadocs.model.profile import Geschaeftsprofil
from vadocs.model.types import EU_LAENDER


class Steuerfall(StrEnum):
    STANDARD = "standard"
    KLEINUNTERNEHMER = "kleinunternehmer"
    REVERSE_CHARGE = "reverse_charge"
    NICHT_STEUERBAR = "nicht_steuerbar"


NOTES = {
    Steuerfall.STANDARD: "",
    Steuerfall.KLEINUNTERNEHMER: "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
    Steuerfall.REVERSE_CHARGE: (
        "Steuerschuldnerschaft des Leistungsempfängers: Die Leistung ist in Deutschland nicht "
        "steuerbar; die Umsatzsteuer schuldet der Leistungsempfänger (Art. 196 MwStSystRL, "
        "§ 13b UStG)."
    ),
    Steuerfall.NICHT_STEUERBAR: (
        "Nicht im Inland steuerbare Leistung (Ort der sonstigen Leistung nach § 3a Abs. 2 UStG "
        "beim Leistungsempfänger); es wird keine deutsche Umsatzsteuer berechnet."
    ),
}


@dataclass(frozen=True)
class Steuer:
    fall: Steuerfall
    satz: Decimal
    """The VAT rate in percent that is charged (0 unless the standard case)."""

    @property
    def hinweis(self) -> str:
        return NOTES[self.fall]

    @property
    def ausgewiesen(self) -> bool:
        """Whether the invoice shows German VAT."""
        return self.fall is Steuerfall.STANDARD


def steuerfall(profil: Geschaeftsprofil, datei: Kundendatei) -> Steuer:
    """Decide the VAT case from the assistant's status and where and who the client is."""
    kunde = datei.kunde
    rate = Decimal(datei.verguetung.umsatzsteuersatz or profil.umsatzsteuersatz)
    if profil.kleinunternehmer:
        return Steuer(Steuerfall.KLEINUNTERNEHMER, Decimal(0))
    if kunde.art == "unternehmen" and kunde.anschrift.land != "DE":
        if kunde.anschrift.land in EU_LAENDER:
            return Steuer(Steuerfall.REVERSE_CHARGE, Decimal(0))
        return Steuer(Steuerfall.NICHT_STEUERBAR, Decimal(0))
    return Steuer(Steuerfall.STANDARD, rate)
