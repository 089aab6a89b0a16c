"""PyYAML's syntax errors in plain words, with the line that is indented differently.

PyYAML reports where it gave up, in parser terms ("mapping values are not allowed in
this context"). Most such errors of people writing YAML by hand are a line indented
differently from its siblings, a colon inside a value, or a quote left open; this
module says which, naming the line, and how to write it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from vadocs.data.yaml_hints import left_block, no_space_after_colon, open_quote
from vadocs.errors import Problem
from vadocs.i18n import _

_BLOCK_OPENERS = (":", "|", ">", "|-", ">-", "-")


def syntax_problem(file: Path, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """One located problem for a YAML syntax error, in plain words with a fix."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line if mark else 0
    lines = text.splitlines()
    if "\t" in str(exc.problem) or (line < len(lines) and "\t" in _leading(lines[line])):
        return Problem(
            file,
            _("a tab character is used for indenting"),
            line=line + 1,
            column=mark.column + 1 if mark else None,
            hint=_("indent with spaces, not tabs"),
        )
    early = open_quote(file, lines, line) or no_space_after_colon(file, lines, line)
    if early is not None:
        return early
    odd = misindented(lines, line)
    if odd is not None and odd[0] >= line - 2:
        outer = _outer_level(file, lines, odd) or left_block(file, lines, odd[0], odd[2])
        if outer is not None:
            return outer
        bad, indent, sibling, sibling_indent = odd
        return Problem(
            file,
            _(
                "line {line} is indented by {indent} spaces, its neighbour line {sibling} "
                "by {sibling_indent}: keys of one level must start in the same column"
            ).format(
                line=bad + 1, indent=indent, sibling=sibling + 1, sibling_indent=sibling_indent
            ),
            line=bad + 1,
            column=indent + 1,
            hint=_(
                "indent line {line} like line {sibling} (or two spaces deeper below a key)"
            ).format(line=bad + 1, sibling=sibling + 1),
        )
    message, hint = _explain(str(exc.problem or exc.context or ""))
    return Problem(
        file,
        message,
        line=line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
        hint=hint,
    )


def _outer_level(file: Path, lines: list[str], odd: tuple[int, int, int, int]) -> Problem | None:
    """When the odd line sits between two levels (3 spaces between keys at 2 and at 4), name
    both lines it may belong to; ``None`` when only one level fits."""
    bad, indent, deeper, deeper_indent = odd
    if deeper_indent <= indent:
        return None
    for k in range(deeper - 1, -1, -1):
        body = lines[k].split(" #", 1)[0].rstrip()
        level = len(body) - len(body.lstrip(" "))
        if body.strip() and level < indent:
            break
    else:
        return None
    return Problem(
        file,
        _(
            "line {line} is indented by {indent} spaces, between the keys above it: line "
            "{outer} by {outer_indent} and line {inner} by {inner_indent}; keys of one level "
            "must start in the same column"
        ).format(
            line=bad + 1,
            indent=indent,
            outer=k + 1,
            outer_indent=level,
            inner=deeper + 1,
            inner_indent=deeper_indent,
        ),
        line=bad + 1,
        column=indent + 1,
        hint=_(
            "indent line {line} by {outer_indent} spaces like line {outer} (same level), or by "
            "{inner_indent} like line {inner} (one level deeper)"
        ).format(
            line=bad + 1,
            outer_indent=level,
            outer=k + 1,
            inner_indent=deeper_indent,
            inner=deeper + 1,
        ),
    )


def _leading(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _explain(problem: str) -> tuple[str, str]:
    if "mapping values are not allowed" in problem:
        return _("a colon followed by a space inside a value"), _(
            'put the value in quotes, e.g. notiz: "Termin: Montag"'
        )
    if "could not find expected ':'" in problem:
        return _("a key without its colon"), _("write the key, a colon and a space: ort: Dresden")
    if "end of stream" in problem or "quoted scalar" in problem:
        return _("a quotation mark is opened but not closed"), _(
            'close the quotes on the same line: name: "Müller GmbH"'
        )
    if "alias" in problem or "anchor" in problem:
        return _("an '*' or '&' starts a value"), _('put the value in quotes: "*wichtig*"')
    if "'-'" in problem or "block end" in problem or "expected key" in problem:
        return _("the indentation does not fit here"), _(
            "keys of one level start in the same column; list entries '- ' likewise"
        )
    return _("the YAML cannot be read at this place"), _(
        "check the indentation and the quotes around this place"
    )


def misindented(lines: list[str], upto: int) -> tuple[int, int, int, int] | None:
    """The first line up to ``upto`` indented unlike any open level.

    Returns ``(line, indent, sibling_line, sibling_indent)`` (0-based lines), where the
    sibling is the line above at the level the line presumably belongs to.

    >>> misindented(["a:", "  b: 1", "   c: 2"], 2)
    (2, 3, 1, 2)
    >>> misindented(["a:", "  - x: 1", "    y: 2", "  - z"], 3) is None
    True
    """
    levels: list[tuple[int, int]] = []  # (indent, line) of the open levels
    opens = True
    for k, raw in enumerate(lines[: upto + 1]):
        body = raw.split(" #", 1)[0].rstrip()
        if not body.strip() or body.lstrip().startswith(("#", "---")):
            continue
        indent = len(body) - len(body.lstrip(" "))
        if opens and (not levels or indent > levels[-1][0]):
            levels.append((indent, k))
        elif any(indent == i for i, _line in levels):
            levels = [(i, n) for i, n in levels if i < indent] + [(indent, k)]
        else:
            sibling = max((lv for lv in levels if lv[0] < indent), default=levels[-1])
            nearest = next((lv for lv in reversed(levels) if lv[0] > indent), sibling)
            target = nearest if indent < levels[-1][0] else levels[-1]
            return k, indent, target[1], target[0]
        content = body.lstrip(" ")
        while content.startswith("- "):
            indent += 2 + len(content[2:]) - len(content[2:].lstrip(" "))
            content = content[2:].lstrip(" ")
            levels.append((indent, k))
        opens = body.endswith(_BLOCK_OPENERS)
    return None
