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
    # Since 1 January 2025 the invoice must say that the small-business exemption applies
    # (§ 34a UStDV); § 19 Abs. 1 UStG now exempts the turnover.
    Steuerfall.KLEINUNTERNEHMER: (
        "Steuerfreie Leistung nach § 19 Abs. 1 UStG (Kleinunternehmerregelung); "
        "es wird keine Umsatzsteuer berechnet."
    ),
    # Place of supply where the business recipient is established (§ 3a Abs. 2 UStG,
    # Art. 44 MwStSystRL); the recipient owes the tax (Art. 196 MwStSystRL); the literal
    # wording of § 14a Abs. 5 UStG. § 13b UStG is the domestic reverse charge: not cited.
    Steuerfall.REVERSE_CHARGE: (
        "Steuerschuldnerschaft des Leistungsempfängers: Der Ort der sonstigen Leistung liegt "
        "nach § 3a Abs. 2 UStG im Mitgliedstaat des Leistungsempfängers; die Umsatzsteuer "
        "schuldet der Leistungsempfänger (Art. 196 MwStSystRL)."
    ),
    Steuerfall.NICHT_STEUERBAR: (
        "Nicht im Inland steuerbare Leistung (Ort der sonstigen Leistung nach § 3a Abs. 2 UStG "
        "beim Leistungsempfänger); es wird keine deutsche Umsatzsteuer berechnet."
    ),
}

REMINDERS = {
    Steuerfall.REVERSE_CHARGE: (
        "Melden Sie diese Leistung in der Zusammenfassenden Meldung (§ 18a UStG) und in der "
        "Umsatzsteuer-Voranmeldung."
    ),
}
"""What the assistant must do besides the invoice, per case (shown by vadocs, not printed)."""


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
    """Decide the VAT case from where and who the client is and the assistant's status.

    Sources: § 3a Abs. 2, § 19 Abs. 1, § 14a Abs. 1 and 5 UStG; Art. 196 MwStSystRL."""
    kunde = datei.kunde
    rate = Decimal(datei.verguetung.umsatzsteuersatz or profil.umsatzsteuersatz)
    # A business client abroad comes first: the supply is not taxable in Germany
    # (§ 3a Abs. 2 UStG), so § 19 UStG, which exempts domestic turnover, does not apply.
    if kunde.art == "unternehmen" and kunde.anschrift.land != "DE":
        if kunde.anschrift.land in EU_LAENDER:
            return Steuer(Steuerfall.REVERSE_CHARGE, Decimal(0))
        return Steuer(Steuerfall.NICHT_STEUERBAR, Decimal(0))
    if profil.kleinunternehmer:
        return Steuer(Steuerfall.KLEINUNTERNEHMER, Decimal(0))
    return Steuer(Steuerfall.STANDARD, rate)
