"""Only vadocs' own filters; nothing that switches escaping off.

``|safe`` or ``{% autoescape false %}`` would let a client name like
``Müller & Söhne <GmbH>`` into the XML unescaped: the document breaks, or worse,
the data becomes markup.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from jinja2 import nodes

from vadocs.checks.jinja_parts import ParsedPart
from vadocs.documents.environment import allowed_filters
from vadocs.errors import Problem
from vadocs.i18n import _

_UNSAFE = {
    "safe",
    "forceescape",
    "xmlattr",
    "urlize",
    "tojson",
    "pprint",
    "indent",
    "wordwrap",
    "format",
    "striptags",
}


def check_filters(parts: list[ParsedPart], template: Path) -> list[Problem]:
    allowed = allowed_filters()
    found: list[Problem] = []
    for part in parts:
        for node in part.tree.find_all(
            (nodes.Filter, nodes.ScopedEvalContextModifier, nodes.EvalContextModifier)
        ):
            if isinstance(node, nodes.Filter):
                if node.name not in allowed:
                    found.append(_unknown(part, node, template, sorted(allowed)))
            elif _disables_escaping(node):
                found.append(
                    Problem(
                        template,
                        _("{% autoescape false %} switches off escaping"),
                        path=part.locate(node.lineno, "autoescape"),
                        rule="FILTER-SAFE",
                        hint=_("remove the autoescape block; vadocs escapes every value for Word"),
                    )
                )
    return found


def _unknown(part: ParsedPart, node: nodes.Filter, template: Path, allowed: list[str]) -> Problem:
    where = part.locate(node.lineno, node.name)
    if node.name == "safe":
        return Problem(
            template,
            _("|safe switches off escaping: a value with & or < breaks the document"),
            path=where,
            rule="FILTER-SAFE",
            hint=_("remove |safe; for line breaks use |zeilen"),
        )
    close = difflib.get_close_matches(node.name, allowed, n=1)
    guess = _("did you mean |{name}? ").format(name=close[0]) if close else ""
    why = _("not allowed in vadocs templates") if node.name in _UNSAFE else _("no such filter")
    return Problem(
        template,
        f"|{node.name}: {why}",
        path=where,
        rule="FILTER-UNKNOWN",
        hint=guess + _("allowed: {names}").format(names=", ".join(allowed)),
    )


def _disables_escaping(node: nodes.Node) -> bool:
    for keyword in getattr(node, "options", []):
        if keyword.key == "autoescape" and not (
            isinstance(keyword.value, nodes.Const) and keyword.value.value
        ):
            return True
    return False
