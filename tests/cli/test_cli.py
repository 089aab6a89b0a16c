"""The command line, through click's CliRunner: messages, exit codes, nothing half-written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT, copy_workspace
from vadocs import __version__
from vadocs.cli import main

CASES = ROOT / "tests" / "cases"


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def _commands(group: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    import click

    assert isinstance(group, click.Group)
    out: list[tuple[str, ...]] = []
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            out += _commands(cmd, (*prefix, name))
        else:
            out.append((*prefix, name))
    return out


@pytest.mark.parametrize("command", _commands(main), ids=" ".join)
def test_every_command_has_help_with_an_example(
    runner: CliRunner, command: tuple[str, ...]
) -> None:
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "vadocs " + command[0] in result.output


def test_five_mistakes_five_messages_nothing_written(tmp_path: Path, runner: CliRunner) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(CASES / "five-mistakes", ws)
    expected = (ws / "expected.txt").read_text(encoding="utf-8").splitlines()
    result = runner.invoke(main, ["build", str(ws / "kunden" / "fehlerhaft.yaml")])
    assert result.exit_code == 1
    messages = [line for line in result.output.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]
    assert [m.replace(str(ws) + "/", "") for m in messages] == expected
    assert "Traceback" not in result.output
    assert sorted(p.name for p in ws.iterdir()) == ["expected.txt", "kunden", "vadocs.yaml"]


def test_validate_reports_the_same_problems(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(CASES / "five-mistakes" / "kunden")])
    assert result.exit_code == 1
    assert result.output.count("fehlerhaft.yaml:") == 5
    assert "hint: did you mean „strasse“?" in result.output


def test_validate_examples_are_valid(runner: CliRunner) -> None:
    for ws in ("umsatzsteuer", "kleinunternehmerin"):
        result = runner.invoke(main, ["validate", str(ROOT / "examples" / ws / "kunden")])
        assert result.exit_code == 0, result.output


def test_missing_file_is_a_message_not_a_traceback(tmp_path: Path, runner: CliRunner) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    result = runner.invoke(main, ["build", str(ws / "kunden" / "gibt-es-nicht.yaml")])
    assert result.exit_code == 1
    assert "no such file" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_no_profile_found(tmp_path: Path, runner: CliRunner) -> None:
    client = tmp_path / "kunde.yaml"
    client.write_text("kunde: {}\n", encoding="utf-8")
    result = runner.invoke(main, ["build", str(client)])
    assert result.exit_code == 1
    assert "no vadocs.yaml found" in result.output
    assert "vadocs init" in result.output


def test_unknown_only_type(tmp_path: Path, runner: CliRunner) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    result = runner.invoke(main, ["build", str(ws / "kunden"), "--only", "vertrag"])
    assert result.exit_code == 2
    assert "unknown document type" in result.output


def test_init_creates_a_buildable_workspace(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "neu"
    result = runner.invoke(main, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert (target / "vadocs.yaml").is_file()
    assert (target / "schemas" / "kunde.schema.json").is_file()
    result = runner.invoke(main, ["build", "--no-pdf", str(target / "kunden")])
    assert result.exit_code == 0, result.output
    assert list((target / "out" / "beispiel-gmbh").glob("*_Auftragsbestaetigung_*.docx"))
    again = runner.invoke(main, ["init", str(target)])
    assert again.exit_code == 1
    assert "never overwrites" in again.output
