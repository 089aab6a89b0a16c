"""Every command's ``--help`` is German by default and English on request.

Help texts are translated when the commands are defined (at import), so each language gets
a fresh interpreter: it imports the CLI under that language and prints every command's help
(click's CliRunner) as JSON; the English-prose detector of the e2e tests reads it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.e2e import prose

_SCRIPT = """
import json
import click
from click.testing import CliRunner
from vadocs.cli.app import main
from vadocs.i18n import use_for_click

use_for_click()

def walk(command, path):
    yield path
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from walk(sub, [*path, name])

runner = CliRunner()
print(json.dumps({
    " ".join(path): [result.exit_code, result.output]
    for path in walk(main, [])
    for result in [runner.invoke(main, [*path, "--help"], prog_name="vadocs")]
}))
"""


def _helps(language: str) -> dict[str, tuple[int, str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env["VADOCS_LANG"] = language
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return {k: (v[0], v[1]) for k, v in json.loads(done.stdout).items()}


@pytest.fixture(scope="module")
def german() -> dict[str, tuple[int, str]]:
    return _helps("de")


@pytest.fixture(scope="module")
def english() -> dict[str, tuple[int, str]]:
    return _helps("en")


def test_every_command_has_german_help(german: dict[str, tuple[int, str]]) -> None:
    assert len(german) > 20, sorted(german)
    for command, (code, text) in german.items():
        assert code == 0, (command, text)
        assert text.startswith("Aufruf: vadocs"), (command, text[:200])
        assert "[OPTIONEN]" in text, (command, text[:200])
        lines = prose.english_lines(text)
        assert not lines, f"vadocs {command} --help holds English prose:\n" + "\n".join(lines)


def test_every_command_has_english_help_on_request(english: dict[str, tuple[int, str]]) -> None:
    for command, (code, text) in english.items():
        assert code == 0, (command, text)
        assert text.startswith("Usage: vadocs"), (command, text[:200])
        assert "Show this message and exit." in text, command
        found = prose.german_words(text)
        assert not found, f"vadocs {command} --help holds German words {found}:\n{text}"


def test_both_languages_list_the_same_commands(
    german: dict[str, tuple[int, str]], english: dict[str, tuple[int, str]]
) -> None:
    assert sorted(german) == sorted(english)
