"""The fresh tester's findings on validation: the profile's address follows the same rules as a
client's, and the catalogue file gets the same "did you mean" as every other file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vadocs.cli import main
from vadocs.data.scaffold import create_workspace


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    create_workspace(tmp_path / "ws")
    monkeypatch.chdir(tmp_path / "ws")
    return tmp_path / "ws"


@pytest.mark.parametrize("plz", ["1097", "010977", "00123"])
def test_the_profiles_postal_code_is_checked(ws: Path, plz: str) -> None:
    profile = ws / "vadocs.yaml"
    text = profile.read_text("utf-8")
    assert "  plz: 01097" in text
    profile.write_text(text.replace("  plz: 01097", f'  plz: "{plz}"'), "utf-8")
    done = CliRunner().invoke(main, ["validate", "vadocs.yaml"])
    assert done.exit_code == 1
    assert (
        "vadocs.yaml:" in done.output
        and "anschrift.plz" in done.output
        and "postal code" in done.output
    )


def test_a_misspelt_key_in_the_catalogue_gets_did_you_mean(ws: Path) -> None:
    (ws / "unterauftragsverarbeiter.yaml").write_text(
        "trello:\n  anbieter: Trello, Inc.\n  quele: https://example.com\n", "utf-8"
    )
    done = CliRunner().invoke(main, ["validate", "unterauftragsverarbeiter.yaml"])
    assert done.exit_code == 1
    assert "unknown key „quele“" in done.output and "did you mean „quelle“?" in done.output


def test_a_time_entry_outside_its_month_is_reported_with_a_broken_beginn(ws: Path) -> None:
    client = ws / "kunden" / "beispiel-gmbh.yaml"
    text = client.read_text("utf-8")
    assert "  beginn: 2026-12-01" in text and "datum: 2026-12-03" in text
    text = text.replace("  beginn: 2026-12-01", "  beginn: 1.12.2026")
    client.write_text(text.replace("datum: 2026-12-03", "datum: 2027-01-03", 1), "utf-8")
    done = CliRunner().invoke(main, ["validate", "kunden/beispiel-gmbh.yaml"])
    assert done.exit_code == 1
    assert "1.12.2026" in done.output and "this time entry is outside 2026-12" in done.output


def test_a_missing_engagement_export_is_reported_before_any_month_is_due(ws: Path) -> None:
    client = ws / "kunden" / "beispiel-gmbh.yaml"
    text = client.read_text("utf-8")
    assert "abrechnung:\n" in text
    client.write_text(
        text.replace("abrechnung:\n", "abrechnung:\n  zeiten_csv: zeiten/fehlt.csv\n", 1), "utf-8"
    )
    runner = CliRunner(env={"VADOCS_TODAY": "2026-11-29"})  # no month of it is due yet
    done = runner.invoke(main, ["validate", "kunden/beispiel-gmbh.yaml"])
    assert done.exit_code == 1, done.output
    assert "abrechnung.zeiten_csv" in done.output and "zeiten/fehlt.csv" in done.output
    assert done.output.count("fehlt.csv") == 1
