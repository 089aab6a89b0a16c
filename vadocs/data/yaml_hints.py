"""Where a YAML syntax error really starts: an open quote, a colon without a space, a key
that left its block.

PyYAML notices these mistakes only lines later (an open quote at the end of the file, a key
that left its block at the next line of that block). These checks look at the lines up to
where the parser gave up and name the line that must change.
"""

from __future__ import annotations

import re
from pathlib import Path

from vadocs.errors import Problem
from vadocs.i18n import _

_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#"'{\[][^:#]*:\s+)?(["'])(.*)$""")
_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):([^\s/:][^:]*)$")


def content(raw: str) -> str:
    """The line without a trailing comment; empty for a comment or blank line."""
    body = raw.split(" #", 1)[0].rstrip()
    return "" if body.lstrip().startswith("#") else body


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def open_quote(file: Path, lines: list[str], upto: int) -> Problem | None:
    """The first line up to ``upto`` whose value opens a quotation mark it does not close."""
    for k, raw in enumerate(lines[: upto + 1]):
        m = _OPEN_QUOTE.match(raw.rstrip()) if content(raw) else None
        if not m:
            continue
        quote, rest = m.groups()
        closed = rest.replace("''", "") if quote == "'" else rest.replace('\\"', "")
        if quote not in closed:
            return Problem(
                file,
                _("line {line}: a quotation mark is opened but not closed").format(line=k + 1),
                line=k + 1,
                column=raw.index(quote) + 1,
                hint=_('close the quotes on the same line: name: "Müller GmbH"'),
            )
    return None


def no_space_after_colon(file: Path, lines: list[str], upto: int) -> Problem | None:
    """The last line up to ``upto`` written ``key:value`` (no space after the colon)."""
    for k in range(min(upto, len(lines) - 1), -1, -1):
        m = _NO_SPACE.match(content(lines[k]))
        if m:
            key, value = m.groups()
            return Problem(
                file,
                _("line {line}: no space after the colon in „{text}“").format(
                    line=k + 1, text=f"{key}:{value}"
                ),
                line=k + 1,
                column=lines[k].index(key) + len(key) + 2,
                hint=_("write a space after the colon: {key}: {value}").format(
                    key=key, value=value
                ),
            )
    return None


def left_block(file: Path, lines: list[str], bad: int, sibling: int) -> Problem | None:
    """When ``sibling`` (the line blamed as the model) is itself the line that moved out of
    its block — the lines before and after it are indented alike, deeper — that line."""
    above = next((k for k in range(sibling - 1, -1, -1) if content(lines[k]).strip()), None)
    if above is None or bad <= sibling:
        return None
    level, moved = indent_of(lines[bad]), indent_of(lines[sibling])
    if indent_of(lines[above]) != level or moved >= level or content(lines[sibling]).endswith(":"):
        return None
    key = content(lines[sibling]).strip().split(":", 1)[0]
    return Problem(
        file,
        _(
            "line {line} („{key}“) is indented by {moved} spaces, the lines around it "
            "({above} and {below}) by {level}: it has left its block"
        ).format(
            line=sibling + 1, key=key, moved=moved, above=above + 1, below=bad + 1, level=level
        ),
        line=sibling + 1,
        column=moved + 1,
        hint=_("indent line {line} by {level} spaces like line {above}").format(
            line=sibling + 1, level=level, above=above + 1
        ),
    )
