"""Values not read as they were written: a text cut at ``#``, a list item folded into its neighbour.

YAML reads `` #`` after an unquoted value as the start of a comment, so
``name: Müller #1 GmbH`` is the name „Müller“; and a ``- item`` indented one space deeper
than the item above continues that item's text instead of starting a new one. Both give
valid YAML and a wrong document, so both are errors with the line and the fix (YAML 1.2
§ 6.6 comments, § 7.3.3 plain scalars spanning lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from vadocs.data.yaml_source import Document, PathKey, format_path
from vadocs.errors import Problem
from vadocs.i18n import _

_CUT = re.compile(r"[ \t]+#(?=[^\s#])")
"""After a value: blanks, ``#`` and text right after it (``#1``, ``#2``) — not ``# note``."""


def misread(doc: Document) -> Iterator[Problem]:
    """An error for each unquoted value cut at a ``#`` or holding a folded ``- `` list item."""
    for path, (line, _start_col, end_line, end_col) in doc.plain_spans.items():
        if end_line >= len(doc.lines):
            continue
        value = _at(doc.data, path)
        rest = doc.lines[end_line][end_col:]
        if _CUT.match(rest):
            cut = rest.strip()
            whole = f"{value} {cut}"
            key = f"{path[-1]}:" if isinstance(path[-1], str) else "-"
            yield doc.problem(
                path,
                _(
                    "the text after '#' is read as a comment and dropped: "
                    "found „{value}“, written „{whole}“"
                ).format(value=value, whole=whole),
                _(
                    'put the whole text in quotes: {key} "{whole}" (a comment needs a space '
                    "after '#')"
                ).format(key=key, whole=whole),
            )
        for k in range(line + 1, end_line + 1):
            text = doc.lines[k].lstrip(" ")
            if text.startswith("- "):
                yield Problem(
                    doc.file,
                    _(
                        "line {line} starts with '- ' but is read as the continuation of the "
                        "value above (line {start}): the entry is indented deeper than that one"
                    ).format(line=k + 1, start=line + 1),
                    path=format_path(path),
                    line=k + 1,
                    column=len(doc.lines[k]) - len(text) + 1,
                    hint=_(
                        "indent the '- ' of line {line} exactly like the entry above it (line {start})"
                    ).format(line=k + 1, start=line + 1),
                )
                break


def _at(data: Any, path: PathKey) -> Any:
    for step in path:
        data = data[step]
    return data
