"""Anlage 4 of every built AVV prints only what the catalogue holds (R-AVV-01, R-AVV-02):
a date there is a verification or acceptance date of a printed row, and every unverified row
is printed as unverified."""

from __future__ import annotations

import re

from tests.build.test_build import engagement, normalise
from tests.conftest import BuiltClient
from vadocs.documents.kinds import AVV, contracts_for
from vadocs.documents.text import docx_text


def _annex_4(text: str) -> str:
    return normalise(text.split("Anlage 4: Unterauftragsverarbeiter")[-1])


def test_avv_prints_no_date_the_catalogue_does_not_hold(built: dict[str, BuiltClient]) -> None:
    checked = 0
    for client in built.values():
        e = engagement(client)
        if AVV not in contracts_for(e.datei):
            continue
        (docx,) = client.files(f"*_{AVV.file_label}_*.docx")  # the built AVV, as sent
        annex = _annex_4(docx_text(docx.read_bytes()))
        held = {
            f"{d:%d.%m.%Y}"
            for u in e.unterauftraege
            for d in (u.anbieter.zuletzt_geprueft, u.anbieter.avv_datum)
            if d is not None
        }
        printed = set(re.findall(r"\b\d\d\.\d\d\.\d{4}\b", annex))
        assert printed <= held, f"{client.kuerzel}: dates not in the catalogue: {printed - held}"
        unverified = [u for u in e.unterauftraege if u.anbieter.ungeprueft]
        assert annex.count("Angaben nicht verifiziert") == len(unverified), client.kuerzel
        assert e.unterauftraege, f"{client.kuerzel}: her own services are missing (R-AVV-04)"
        assert "01.01.2025" not in annex
        checked += 1
    assert checked >= 3
    verified = [
        u for c in built.values() for u in engagement(c).unterauftraege if not u.anbieter.ungeprueft
    ]
    assert verified, "the examples show a verified row too"
