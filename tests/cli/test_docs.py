"""The README is the user's door: its CLI reference must match the commands' help."""

from __future__ import annotations

import re

import click

from tests.conftest import ROOT
from vadocs.cli import main
from vadocs.cli.reference import END, START

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^### `([^`]+)`$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _commands(cmd: click.Command, path: str) -> list[tuple[str, click.Command]]:
    found = [(path, cmd)]
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            found += _commands(sub, f"{path} {name}")
    return found


def test_cli_reference_is_current() -> None:
    """Same commands, options and summaries as --help (click versions differ in layout only)."""
    hint = "run `python tools/update_readme.py`"
    readme = _sections(README.split(START, 1)[1].split(END, 1)[0])
    commands = dict(_commands(main, "vadocs"))
    assert sorted(readme) == sorted(commands), hint
    for name, cmd in commands.items():
        section = " ".join(readme[name].split())
        for param in cmd.params:
            for flag in getattr(param, "opts", []):
                if flag.startswith("-"):
                    assert flag in section, (name, flag, hint)
        summary = " ".join((cmd.help or "").split("\n\n")[0].split())
        assert summary in section, (name, hint)


def test_the_two_commands_are_make_targets() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for command in ("make example", "make test"):
        assert f"    {command}" in README or f"\n{command}\n" in README
        assert re.search(rf"^{command.split()[1]}:", makefile, re.MULTILINE)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
