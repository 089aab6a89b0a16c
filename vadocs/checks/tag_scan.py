"""Find the Jinja tags in a paragraph's text, and the braces that do not form a tag.

Word's typing habits are undone first without changing any offset: ``{ {`` and
``{{{`` are read as ``{{`` so that one mistake is reported once, by its own rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SPACED_OPEN = re.compile(r"(?<!\{)\{[ \t\xa0]+([{%])")
SPACED_CLOSE = re.compile(r"([}%])[ \t\xa0]+\}(?!\})")
TRIPLE = re.compile(r"\{\{\{|\}\}\}")
_OPENER = re.compile(r"\{\{|\{%|\{#")
_CLOSER = re.compile(r"\}\}|%\}|#\}")
CLOSE_FOR = {"{{": "}}", "{%": "%}", "{#": "#}"}


@dataclass
class Scan:
    """The tags of one paragraph, and the braces that are not part of one."""

    tags: list[tuple[int, int]] = field(default_factory=list)
    """``(start, end)`` of each complete tag."""
    stray_closers: list[int] = field(default_factory=list)
    dangling: tuple[int, str] | None = None
    """Offset and kind (``{{``) of an opener whose closer is not in this paragraph."""
    continued: int | None = None
    """End offset of a tag begun in an earlier paragraph and closed in this one."""


def normalized(text: str) -> str:
    """``text`` with ``{ {``, ``} }`` and ``{{{`` read as intended; same length."""
    text = SPACED_OPEN.sub(lambda m: "{" + m.group(1) + " " * (len(m.group(0)) - 2), text)
    text = SPACED_CLOSE.sub(lambda m: " " * (len(m.group(0)) - 2) + m.group(1) + "}", text)
    text = text.replace("{{{", "{{ ").replace("}}}", " }}")
    return text


def scan(text: str, carry: str | None = None) -> Scan:
    """Tags of ``text`` (already :func:`normalized`); ``carry`` is an opener still open."""
    result = Scan()
    pos = 0
    if carry is not None:
        close = text.find(CLOSE_FOR[carry])
        first_open = _OPENER.search(text)
        if close >= 0 and (first_open is None or first_open.start() > close):
            result.continued = close + 2
            pos = close + 2
    while True:
        m = _OPENER.search(text, pos)
        stop = m.start() if m else len(text)
        result.stray_closers += [pos + c.start() for c in _CLOSER.finditer(text[pos:stop])]
        if m is None:
            return result
        close = text.find(CLOSE_FOR[m.group()], m.end())
        if close < 0:
            result.dangling = (m.start(), m.group())
            return result
        result.tags.append((m.start(), close + 2))
        pos = close + 2


def is_paragraph_tag(tag: str, kind: str) -> bool:
    """Whether ``tag`` is docxtpl's ``{%p …%}`` / ``{{p …}}`` form for ``kind`` (p, tr, tc, r)."""
    return re.match(r"(\{%|\{\{)" + kind + " ", tag) is not None
