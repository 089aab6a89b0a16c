"""Dunning settings of the business profile (``mahnwesen:`` in ``vadocs.yaml``)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from vadocs.model.base import Model
from vadocs.model.types import Betrag


class Mahnwesen(Model):
    """When reminders are due and what they claim; every field has a default."""

    erinnerung_nach_tagen: int = Field(
        7,
        ge=1,
        le=90,
        title="Zahlungserinnerung nach … Tagen",
        description="So viele Tage nach Fälligkeit ist die Zahlungserinnerung fällig.",
    )
    mahnung_abstand_tagen: int = Field(
        14,
        ge=1,
        le=90,
        title="Abstand der Mahnungen in Tagen",
        description="So viele Tage nach der Zahlungserinnerung folgt die 1. Mahnung, "
        "nach der 1. die 2. Mahnung.",
    )
    zahlungsfrist_tage: int = Field(
        10, ge=1, le=60, title="Zahlungsfrist in der Mahnung (Tage ab Datum des Schreibens)"
    )
    zugang_tage: int = Field(
        3,
        ge=0,
        le=14,
        title="Tage bis zum Zugang",
        description="Nach so vielen Tagen gilt eine Mahnung als zugegangen (Post: 3, E-Mail: "
        "0); erst mit dem Zugang beginnt der Verzug (§ 286 Abs. 1 BGB).",
    )
    mahngebuehr: Betrag = Field(
        Decimal("0.00"),
        title="Mahngebühr je Mahnung in €",
        description="Nur für die 1. und 2. Mahnung und nur, wenn der Kunde schon in Verzug "
        "ist; bei Unternehmen mit der Verzugspauschale von 40 € verrechnet "
        "(§ 288 Abs. 5 Satz 3 BGB). Nie eine Rechnung mit eigener Nummer.",
    )
