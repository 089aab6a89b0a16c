"""The README is the user's door: its CLI reference must match the commands' help."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from vadocs.cli import main
from vadocs.cli_reference import END, START, reference

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _words(text: str) -> list[str]:
    # click versions differ in column padding only; the words must be the same
    return text.split()


def test_cli_reference_is_current() -> None:
    block = README.split(START, 1)[1].split(END, 1)[0]
    assert _words(block) == _words(reference(main)), "run `python tools/update_readme.py`"


def test_the_two_commands_are_make_targets() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for command in ("make example", "make test"):
        assert f"    {command}" in README or f"\n{command}\n" in README
        assert re.search(rf"^{command.split()[1]}:", makefile, re.MULTILINE)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
