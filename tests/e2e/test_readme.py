"""The README tells the truth: its tour is executed, its exit-status table is the code's."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

from tests.e2e.conftest import ROOT, Installed
from vadocs.cli import EXIT_STATUS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _tour() -> list[tuple[str, list[str]]]:
    """(command, shown output lines) for each ``$ `` line of the tour's console block."""
    block = README.split("## A short tour", 1)[1].split("```console\n", 1)[1].split("```", 1)[0]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


def _matches(shown: list[str], actual: list[str]) -> bool:
    """``…`` alone on a line: any number of lines; ``…`` inside a line: any text."""
    if not shown:
        return not actual
    head, rest = shown[0], shown[1:]
    if head == "…":
        return any(_matches(rest, actual[i:]) for i in range(len(actual) + 1))
    if not actual:
        return False
    pattern = ".*".join(re.escape(part) for part in head.split("…"))
    line = actual[0].replace("\xa0", " ").rstrip()  # babel: no-break space before €
    return re.fullmatch(pattern, line) is not None and _matches(rest, actual[1:])


def test_the_tour_prints_what_the_readme_shows(installed: Installed, outside: Path) -> None:
    cwd = outside
    steps = _tour()
    assert len(steps) >= 8
    for command, shown in steps:
        words = shlex.split(command)
        if words[0] == "cd":
            cwd = cwd / words[1]
            continue
        if words[0] == "vadocs":
            english = {"PYTHONUNBUFFERED": "1", "VADOCS_LANG": "en"}  # the README is English
            done = installed.run(words[1:], cwd=cwd, env=english)
            output = done.stdout + done.stderr
        else:
            done = subprocess.run(
                [*words, "-1"], cwd=cwd, capture_output=True, text=True, check=False
            )
            output = done.stdout
        assert done.returncode == 0, (command, output)
        assert _matches(shown, output.splitlines()), (command, shown, output)


def test_the_exit_status_table_is_the_contract(installed: Installed, outside: Path) -> None:
    table = README.split("<!-- exit-status:start -->", 1)[1].split("<!-- exit-status:end -->")[0]
    rows = dict(re.findall(r"^\| (\d+) \| (.+) \|$", table, re.MULTILINE))
    assert {int(k): v for k, v in rows.items()} == EXIT_STATUS
    helped = installed.run(["--help"], cwd=outside, env={"VADOCS_LANG": "en"}).stdout
    for code, text in EXIT_STATUS.items():
        assert " ".join(text.split()[:4]) in " ".join(helped.split()), code
