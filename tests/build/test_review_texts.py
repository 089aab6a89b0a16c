"""Built example PDFs read as the legal review requires (R-AB-08 and layout points)."""

from __future__ import annotations

from tests.build.test_build import engagement, normalise
from tests.conftest import BuiltClient


def test_contracts_name_the_legal_party_and_the_signature_once(
    built: dict[str, BuiltClient],
) -> None:
    for client in built.values():
        e = engagement(client)
        ab = normalise(client.text("Auftragsbestaetigung"))
        assert f"Auftraggeber: {normalise(e.datei.kunde.partei)}" in ab, client.kuerzel
        if e.profil.firma is None:
            # her name once, then what she is — not "Marie Wagner / Marie Wagner"
            assert f"{e.profil.name} {e.profil.name}" not in ab, client.kuerzel


def test_avv_does_not_repeat_her_name_as_trade_name(built: dict[str, BuiltClient]) -> None:
    avv = normalise(built["praxis-berger"].text("Auftragsverarbeitungsvertrag"))
    assert "Geschäftsbezeichnung Marie Wagner" not in avv
    assert "Claudia Berger, Steuerberaterin" in avv and "(Steuerberatung Berger)" in avv
