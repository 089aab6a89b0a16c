"""Names pasted from Word: typographic quotes around a whole name are a warning.

A company name copied from a letter often arrives as „Müller GmbH“ or “Müller GmbH”; the
quotes would then be printed on every contract and invoice as part of the name. They are
not an error (a name may contain quotes), so the files still validate, with a warning that
says how to write the name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from vadocs.data.yaml_source import Document, PathKey
from vadocs.errors import Problem, Severity
from vadocs.i18n import _

NAME_KEYS = frozenset({"name", "vorname", "firma", "inhaber"})
"""Keys that hold the name of a company or a person (profile and client file)."""

OPENING = '„“”‚‘’»«›‹"'
CLOSING = '“”‘’«»‹›"'
"""German („…“, ‚…‘), English (“…”, ‘…’), French and Swiss (»…«, «…», ›…‹) quotes."""


def quoted_names(doc: Document) -> Iterator[Problem]:
    """A warning for each name in ``doc`` enclosed as a whole in quotation marks."""
    for path, value in _names(doc.data, ()):
        inner = value[1:-1].strip()
        whole = len(value) > 2 and value[0] in OPENING and value[-1] in CLOSING
        if whole and inner and not any(c in OPENING + CLOSING for c in inner):
            problem = doc.problem(
                path,
                _(
                    "the name is enclosed in quotation marks ({value}): every document would print them"
                ).format(value=value),
                _("write the name without quotation marks: {key}: {inner}").format(
                    key=path[-1], inner=inner
                ),
            )
            yield replace(problem, severity=Severity.WARNING)


def _names(node: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in NAME_KEYS and isinstance(value, str):
                yield (*path, key), value.strip()
            else:
                yield from _names(value, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _names(item, (*path, i))
