"""The profile's optional ``datev:`` block: what the tax advisor's DATEV needs in the header."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from vadocs.model.base import Model


class DatevEinstellungen(Model):
    berater_nummer: int = Field(
        ge=1001,
        le=9999999,
        title="Beraternummer",
        description="Die DATEV-Beraternummer Ihrer Steuerberaterin (4 bis 7 Ziffern).",
    )
    mandanten_nummer: int = Field(
        ge=1,
        le=99999,
        title="Mandantennummer",
        description="Ihre Mandantennummer bei der Steuerberaterin (bis 5 Ziffern).",
    )
    wirtschaftsjahr_beginn: int = Field(
        1,
        ge=1,
        le=12,
        title="Beginn des Wirtschaftsjahres (Monat)",
        description="1 = Januar (Wirtschaftsjahr gleich Kalenderjahr, der Regelfall).",
    )
    sachkontenlaenge: int = Field(
        4,
        ge=4,
        le=8,
        title="Sachkontenlänge",
        description="Stellen der Sachkonten in der DATEV-Buchhaltung; meist 4.",
    )
    kontenrahmen: Literal["SKR03", "SKR04"] = Field(
        "SKR03", title="Kontenrahmen", description="SKR03 oder SKR04, wie Ihre Steuerberaterin."
    )
    bankkonto: int | None = Field(
        None,
        ge=1,
        title="Sachkonto der Bank",
        description="Leer: 1200 (SKR03) bzw. 1800 (SKR04).",
    )
