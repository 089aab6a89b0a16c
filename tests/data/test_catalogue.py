"""The shipped sub-processor catalogue (R-AVV-01/02/03): enough tools, every row either
verified (date and source) or flagged unverified, and no invented verification or DPA date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from vadocs.data import yaml_source
from vadocs.data.validation import validate
from vadocs.data.workspace import builtin_catalogue
from vadocs.model.catalogue import Anbieter, Katalog

CATALOGUE = validate(yaml_source.load(builtin_catalogue()), Katalog).root
ROW: dict[str, Any] = {
    "name": "Beispiel",
    "anbieter": "Beispiel GmbH",
    "anschrift": "Weg 1, 01067 Dresden",
    "leistung": "Speicher",
    "daten": "Dateien",
    "ort": "Deutschland",
    "drittland": False,
    "grundlage": "keine Übermittlung",
    "dpa": "AVV der Beispiel GmbH",
}


def test_the_catalogue_has_the_tools_a_va_meets() -> None:
    active = {k: a for k, a in CATALOGUE.items() if a.eingestellt is None}
    assert len(active) >= 25
    for must in ("google-workspace", "microsoft-365", "slack", "asana", "notion", "dropbox",
                 "calendly", "canva", "zoom", "trello", "hubspot", "whatsapp-business",
                 "bitwarden", "1password", "lastpass", "ionos", "toggl", "clockify"):  # fmt: skip
        assert must in active, must


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_row_is_verified_with_date_and_source_or_flagged(key: str) -> None:
    row = CATALOGUE[key]
    if row.ungeprueft:
        assert row.zuletzt_geprueft is None, "an unverified row carries no verification date"
    else:
        assert row.zuletzt_geprueft is not None and row.quelle
    assert row.avv_datum is None, "the day a DPA was accepted is the assistant's, never shipped"
    if row.eingestellt is None:
        assert row.quelle, "every active row names where its facts can be checked"


def test_trello_names_its_real_contracting_party_and_teams_is_business_only() -> None:
    assert CATALOGUE["trello"].anbieter == "Trello, Inc."
    assert CATALOGUE["microsoft-teams"].nur_geschaeftskonto
    assert "2022" in (CATALOGUE["lastpass"].hinweis or "")


@pytest.mark.parametrize(
    ("extra", "ok"),
    [
        ({}, True),
        ({"ungeprueft": False}, False),
        ({"ungeprueft": False, "zuletzt_geprueft": date(2026, 11, 1)}, False),
        ({"ungeprueft": False, "zuletzt_geprueft": date(2026, 11, 1), "quelle": "x.example"}, True),
        ({"zuletzt_geprueft": date(2026, 11, 1)}, False),
    ],
)
def test_a_verification_date_only_with_a_verified_row(extra: dict[str, Any], ok: bool) -> None:
    if ok:
        Anbieter.model_validate({**ROW, **extra})
    else:
        with pytest.raises(ValidationError):
            Anbieter.model_validate({**ROW, **extra})


def test_the_dpa_is_named_by_its_accepted_version_or_the_current_one() -> None:
    current = Anbieter.model_validate(ROW)
    assert current.avv_angabe == "AVV der Beispiel GmbH, in der jeweils gültigen Fassung"
    accepted = Anbieter.model_validate(
        {**ROW, "avv_fassung": "2025-09", "avv_datum": date(2026, 3, 2)}
    )
    assert (
        accepted.avv_angabe == "AVV der Beispiel GmbH, Fassung 2025-09, abgeschlossen am 02.03.2026"
    )
