"""R-RE-09: the Verfahrensdokumentation is generated from the profile, with retention periods."""

from __future__ import annotations

from datetime import date

from tests.conftest import EXAMPLES
from vadocs.data.loading import load_catalogue, load_profile
from vadocs.data.workspace import find_workspace
from vadocs.invoicing.verfahren import MISSING, verfahrensdokumentation


def _text(workspace: str) -> str:
    ws = find_workspace(EXAMPLES / workspace / "vadocs.yaml")
    profil, _ = load_profile(ws.profile_file)
    return verfahrensdokumentation(profil, load_catalogue(ws), date(2026, 11, 29))


def test_numbering_retention_and_backup_come_from_the_profile() -> None:
    text = _text("umsatzsteuer")
    assert "Stand: 29.11.2026" in text and "Anna Schmidt" in text
    assert "`{year}-{seq:04d}` (Beispiel: 2026-0001)" in text
    assert "| 8 Jahre |" in text and "| 6 Jahre |" in text and "BEG IV" in text
    assert "Dropbox (Cloud-Speicher und Datensicherung)" in text
    assert MISSING not in text


def test_what_the_profile_does_not_say_is_marked_to_complete() -> None:
    text = _text("kleinunternehmerin")
    assert "§ 19 UStG" in text
    assert MISSING in text  # no backup service named, no restore tests confirmed
