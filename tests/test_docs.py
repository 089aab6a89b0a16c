"""The README is the user's door: its CLI reference must match the commands' help."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from vadocs.cli import main
from vadocs.cli_reference import END, START, reference

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_reference_is_current() -> None:
    block = README.split(START, 1)[1].split(END, 1)[0].strip()
    assert block == reference(main).strip(), "run `python tools/update_readme.py`"


def test_the_two_commands_are_make_targets() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for command in ("make example", "make test"):
        assert f"    {command}" in README or f"\n{command}\n" in README
        assert re.search(rf"^{command.split()[1]}:", makefile, re.MULTILINE)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
