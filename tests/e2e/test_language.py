"""The installed vadocs speaks German by default and English on request; typical mistakes
each give one plain German message with its place, the value found and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.conftest import Installed, tree

GERMAN = {"VADOCS_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "de_DE.UTF-8"}
ENGLISH = {"VADOCS_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}
ENGLISH_PROSE = re.compile(
    r"\b(the|and|is|not|with|should|found|hint|warning|written|wrote|created|valid|"
    r"missing|unknown|please|write|file|files|Usage|Options|Show|Example)\b"
)
CLIENT = "kunden/beispiel-gmbh.yaml"

# The six typical mistakes of issue 15: (line in the example client, written instead, value shown)
MISTAKES = {
    "postal code with four digits": ("    plz: 01067", '    plz: "0106"', "0106"),
    "rate with a comma and €": ("  stundensatz: 55.00", "  stundensatz: 55,00 €", "55,00 €"),
    "German date": ("  beginn: 2026-12-01", "  beginn: 1.12.2026", "1.12.2026"),
    "misspelt key": ("    strasse: Hauptstraße 5", "    strase: Hauptstraße 5", "strase"),
    "e-mail without domain": (
        "    email: s.mueller@mueller-haustechnik.example",
        "    email: s.mueller",
        "s.mueller",
    ),
    "period as 12/2026": ("    zeitraum: 2026-12\n", "    zeitraum: 12/2026\n", "12/2026"),
}


@pytest.fixture
def workspace(installed: Installed, outside: Path) -> Path:
    done = installed.run(["init", "ws"], cwd=outside, env=GERMAN)
    assert done.returncode == 0, done.stderr
    assert "angelegt" in done.stdout and not ENGLISH_PROSE.search(done.stdout), done.stdout
    return outside / "ws"


def _german(text: str) -> None:
    assert not ENGLISH_PROSE.search(text), text


@pytest.mark.parametrize(("old", "new", "value"), MISTAKES.values(), ids=MISTAKES.keys())
def test_a_typical_mistake_gives_one_german_message(
    installed: Installed, workspace: Path, old: str, new: str, value: str
) -> None:
    client = workspace / CLIENT
    text = client.read_text("utf-8")
    assert old in text
    client.write_text(text.replace(old, new, 1), "utf-8")
    before = tree(workspace)
    done = installed.run(["validate", CLIENT], cwd=workspace, env=GERMAN)
    assert done.returncode == 1, done.stderr
    located = [
        line
        for line in done.stderr.splitlines()
        if re.match(r"^\S+:\d+:\d+: ", line) and ": Warnung: " not in line
    ]
    assert len(located) == 1, done.stderr
    assert located[0].startswith(CLIENT + ":"), located
    assert value in located[0]
    assert "Tipp: " in done.stderr and re.search(r"z\. B\.|Meinten Sie", done.stderr), done.stderr
    _german(done.stdout + done.stderr)
    assert tree(workspace) == before


def test_english_when_the_locale_asks_for_it(installed: Installed, workspace: Path) -> None:
    client = workspace / CLIENT
    client.write_text(client.read_text("utf-8").replace("2026-12-01", "1.12.2026", 1), "utf-8")
    english = installed.run(["validate", CLIENT], cwd=workspace, env=ENGLISH)
    german = installed.run(["validate", CLIENT], cwd=workspace, env=GERMAN)
    assert english.returncode == german.returncode == 1
    assert "hint: write the date as YYYY-MM-DD, e.g. 2026-12-01" in english.stderr
    assert "Tipp: Datum bitte als JJJJ-MM-TT schreiben, z. B. 2026-12-01" in german.stderr
    by_variable = installed.run(
        ["validate", CLIENT], cwd=workspace, env={**GERMAN, "VADOCS_LANG": "en"}
    )
    assert by_variable.stderr == english.stderr


@pytest.mark.parametrize(
    "args", [["--help"], ["build", "--help"], ["invoices", "--help"], ["validate", "--nope"]]
)
def test_help_and_usage_errors_are_german(
    installed: Installed, outside: Path, args: list[str]
) -> None:
    done = installed.run(args, cwd=outside, env=GERMAN)
    _german(done.stdout + done.stderr)
    assert "Aufruf: vadocs" in done.stdout + done.stderr
    english = installed.run(args, cwd=outside, env=ENGLISH)
    assert "Usage: vadocs" in english.stdout + english.stderr


def test_a_contact_named_null_is_a_name(installed: Installed, workspace: Path) -> None:
    client = workspace / CLIENT
    client.write_text(
        client.read_text("utf-8").replace("    name: Müller\n", "    name: Null\n"), "utf-8"
    )
    done = installed.run(["validate"], cwd=workspace, env=GERMAN)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"\d+ Dateien in Ordnung(, \d+ Warnungen)?\n", done.stdout), done.stdout


def test_every_problem_once_and_all_at_once(installed: Installed, workspace: Path) -> None:
    """A schema error and a rule error of one file together; the profile's problem once."""
    client = workspace / CLIENT
    odd = workspace / "kunden" / "Bäckerei Schulz.yaml"
    odd.write_text(client.read_text("utf-8").replace("2026-12-01", "1.12.2026", 1), "utf-8")
    profile = workspace / "vadocs.yaml"
    profile.write_text(profile.read_text("utf-8").replace("  iban: DE", "  iban: XX", 1), "utf-8")
    done = installed.run(
        ["validate", "vadocs.yaml", "kunden/Bäckerei Schulz.yaml", CLIENT],
        cwd=workspace,
        env=GERMAN,
    )
    assert done.returncode == 1
    located = [line for line in done.stderr.splitlines() if re.match(r"^\S.*:\d+:\d+: ", line)]
    assert len(located) == len(set(located)), done.stderr  # each once
    errors = [line for line in located if ": Warnung: " not in line]  # rules run despite errors
    assert len(errors) == 3, done.stderr
    assert sum(line.startswith("vadocs.yaml:") for line in located) == 1
    assert "baeckerei-schulz.yaml" in done.stderr
    assert any("Beginn der Zusammenarbeit" in line for line in located)
    _german(done.stderr)


def test_the_catalogue_is_validated_as_a_catalogue(installed: Installed, workspace: Path) -> None:
    catalogue = installed.run(["validate", "--help"], cwd=workspace, env=GERMAN)
    assert catalogue.returncode == 0
    own = workspace / "unterauftragsverarbeiter.yaml"
    own.write_text(
        "eigenes-tool:\n  name: Eigenes Tool\n  anbieter: Beispiel GmbH\n"
        "  anschrift: Weg 1, 01067 Dresden\n  leistung: Ablage\n  daten: Dokumente\n"
        "  ort: Deutschland\n  drittland: false\n  grundlage: entfällt\n"
        "  dpa: AVV des Anbieters\n  ungeprueft: true\n",
        "utf-8",
    )
    done = installed.run(["validate", own.name], cwd=workspace, env=GERMAN)
    assert done.returncode == 0, done.stderr
    assert "kunde" not in done.stderr


def test_shell_completion_works_as_the_readme_says(installed: Installed, outside: Path) -> None:
    script = installed.run([], cwd=outside, env={"_VADOCS_COMPLETE": "bash_source"})
    assert script.returncode == 0 and "_vadocs_completion()" in script.stdout
    words = installed.run(
        [],
        cwd=outside,
        env={"_VADOCS_COMPLETE": "bash_complete", "COMP_WORDS": "vadocs inv", "COMP_CWORD": "1"},
    )
    assert "invoices" in words.stdout
