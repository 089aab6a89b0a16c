"""Colour on a terminal: errors red, warnings yellow, hints dim — never in a pipe or a file.

Whether to colour follows the common conventions, in this order:

1. ``NO_COLOR`` set to any non-empty value: never colour (https://no-color.org). It wins
   over ``FORCE_COLOR``: a user who asks for no colour gets none, whatever a CI sets.
2. ``FORCE_COLOR`` set to any non-empty value: colour even into a pipe
   (https://force-color.org; the same rule as :mod:`rich`).
3. Otherwise colour only when the stream is a terminal and ``TERM`` is not ``dumb``.

Colour only wraps the text in ANSI escape sequences; the characters of a message stay
the same, so ``file:line:col:`` lines read by editors and CI stay parseable when piped.
:mod:`rich` renders the styles; it is imported only when colour is actually wanted, so
a plain run does not pay for it.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO

import click

from vadocs.errors import Problem, Severity, VadocsError

STYLES = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
}
HINT_STYLE = "cyan"


def wants_colour(stream: TextIO) -> bool:
    """Whether text written to ``stream`` is coloured (rules in the module docstring)."""
    if os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("FORCE_COLOR", ""):
        return True
    return is_terminal(stream) and os.environ.get("TERM", "").lower() not in ("dumb", "unknown")


def is_terminal(stream: TextIO) -> bool:
    """``stream.isatty()``, False for streams without one or already closed."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def paint(text: str, severity: Severity) -> str:
    """``text`` with ANSI colour: its first line in the severity's style, hint lines
    (indented ``hint:``/``Hinweis:`` lines) in the hint style, other lines unchanged."""
    from rich.console import Console
    from rich.text import Text

    styled = Text()
    for i, line in enumerate(text.split("\n")):
        if i:
            styled.append("\n")
        if i == 0:
            styled.append(line, style=STYLES[severity])
        elif line.startswith("    "):
            styled.append(line, style=HINT_STYLE)
        else:
            styled.append(line)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=True,
        color_system="standard",
        no_color=False,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
        width=10_000,
    )
    console.print(styled, end="")
    return buffer.getvalue()


def echo_message(text: str, severity: Severity = Severity.ERROR, *, err: bool = True) -> None:
    """Print one message (with its hint lines), coloured where :func:`wants_colour` says."""
    stream = sys.stderr if err else sys.stdout
    if wants_colour(stream):
        click.echo(paint(text, severity), err=err, color=True)
    else:
        click.echo(text, err=err)


def echo_problem(problem: Problem) -> None:
    """``file:line:col: …`` of one problem on stderr, coloured by its severity."""
    echo_message(problem.format(), problem.severity)


def echo_error(error: VadocsError) -> None:
    """An error on stderr; a :class:`~vadocs.errors.ProblemsError` problem by problem, so
    its warnings are shown as warnings."""
    problems: list[Problem] | None = getattr(error, "problems", None)
    if problems:
        for problem in problems:
            echo_problem(problem)
    else:
        echo_message(error.format())


def echo_check_text(lines: list[str], severities: list[Severity]) -> None:
    """The text report of ``vadocs check`` on stdout: each problem (a line, then its indented
    hint lines) coloured by its severity; plain when the groups do not match ``severities``."""
    groups: list[list[str]] = []
    for line in lines:
        if line.startswith(" ") and groups:
            groups[-1].append(line)
        else:
            groups.append([line])
    if len(groups) != len(severities):
        for line in lines:
            click.echo(line)
        return
    for group, severity in zip(groups, severities, strict=True):
        echo_message("\n".join(group), severity, err=False)
