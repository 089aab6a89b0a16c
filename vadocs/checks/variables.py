"""Every placeholder path a template uses must exist: ``kunde.anschrift.ort``, not ``…stadt``.

The syntax tree of each part is walked with a scope: loop variables take the
element type of what they loop over (``z in auftrag.ziele`` → text, ``w in
auftrag.werkzeuge`` → Werkzeug), ``{% set %}`` names the type of their value.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from jinja2 import nodes

from vadocs.checks.context_types import (
    ANY,
    MISSING,
    DictShape,
    attribute_type,
    element_type,
    members,
    unwrap,
)
from vadocs.checks.jinja_parts import ParsedPart
from vadocs.errors import Problem
from vadocs.i18n import _

_JINJA_GLOBALS = {
    "range",
    "dict",
    "lipsum",
    "cycler",
    "joiner",
    "namespace",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
}
_LOOP = DictShape(
    {
        k: ANY
        for k in (
            "index",
            "index0",
            "revindex",
            "revindex0",
            "first",
            "last",
            "length",
            "depth",
            "depth0",
            "previtem",
            "nextitem",
            "cycle",
            "changed",
        )
    }
)
# Words the assistant may reach for instead of the field names (difflib cannot see these).
_SYNONYMS = {
    "stadt": "ort",
    "city": "ort",
    "wohnort": "ort",
    "street": "strasse",
    "straße": "strasse",
    "postleitzahl": "plz",
    "zip": "plz",
    "country": "land",
    "firma": "name",
    "mail": "email",
    "e_mail": "email",
    "telefonnummer": "telefon",
    "phone": "telefon",
    "vorname": "vorname",
    "nachname": "name",
    "start": "beginn",
    "anfang": "beginn",
    "end": "ende",
    "preis": "stundensatz",
    "iban_nummer": "iban",
}
_ATTRIBUTE_FILTERS = {
    "map",
    "sort",
    "unique",
    "groupby",
    "sum",
    "min",
    "max",
    "selectattr",
    "rejectattr",
}
_KEEPS_ELEMENTS = {
    "sort",
    "unique",
    "selectattr",
    "rejectattr",
    "reject",
    "select",
    "list",
    "reverse",
}


class _Walker:
    def __init__(self, part: ParsedPart, shape: DictShape, template: Path) -> None:
        self.part = part
        self.shape = shape
        self.template = template
        self.scopes: list[dict[str, tuple[Any, str]]] = [{}]
        self.problems: dict[tuple[str, str], Problem] = {}

    # -- statements -----------------------------------------------------------------------
    def visit(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.For):
            self._for(node)
        elif isinstance(node, nodes.Assign):
            value = self.type_of(node.node)
            self._bind(node.target, value, _path(node.node) or "")
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            self._callable(node)
        elif isinstance(node, nodes.Expr):
            self.type_of(node)
        else:
            for child in node.iter_child_nodes():
                self.visit(child)

    def _for(self, node: nodes.For) -> None:
        items = self.type_of(node.iter)
        self.scopes.append({"loop": (_LOOP, "loop")})
        self._bind(node.target, element_type(items), f"{_path(node.iter) or '…'}[]")
        if node.test is not None:
            self.type_of(node.test)
        for child in node.body:
            self.visit(child)
        self.scopes.pop()
        for child in node.else_:
            self.visit(child)

    def _callable(self, node: nodes.Macro | nodes.CallBlock) -> None:
        if isinstance(node, nodes.CallBlock):
            self.type_of(node.call)
        self.scopes.append({"caller": (ANY, "caller"), "varargs": (ANY, ""), "kwargs": (ANY, "")})
        for arg in node.args:
            self._bind(arg, ANY, arg.name)
        for child in [*node.defaults, *node.body]:
            self.visit(child)
        self.scopes.pop()
        if isinstance(node, nodes.Macro):
            self.scopes[-1][node.name] = (ANY, node.name)

    def _bind(self, target: nodes.Node, tp: Any, origin: str) -> None:
        if isinstance(target, nodes.Name):
            self.scopes[-1][target.name] = (tp, origin)
        else:
            for name in target.find_all(nodes.Name):
                self.scopes[-1][name.name] = (ANY, "")

    # -- expressions ------------------------------------------------------------------------
    def type_of(self, node: nodes.Node) -> Any:
        if isinstance(node, nodes.Name):
            return self._name(node)
        if isinstance(node, nodes.Getattr):
            return self._attribute(node, self.type_of(node.node), node.attr)
        if isinstance(node, nodes.Getitem):
            base = self.type_of(node.node)
            key = node.arg
            if isinstance(key, nodes.Const) and isinstance(key.value, str):
                return self._attribute(node, base, key.value)
            self.type_of(key)
            return element_type(base)
        if isinstance(node, nodes.Filter):
            return self._filter(node)
        for child in node.iter_child_nodes():
            self.type_of(child) if isinstance(child, nodes.Expr) else self.visit(child)
        return ANY

    def _name(self, node: nodes.Name) -> Any:
        for scope in reversed(self.scopes):
            if node.name in scope:
                return scope[node.name][0]
        if node.name in self.shape.keys:
            return self.shape.keys[node.name]
        if node.name not in _JINJA_GLOBALS:
            self._report(node, node.name, "", sorted(self.shape.keys))
        return ANY

    def _attribute(self, node: nodes.Node, base: Any, name: str) -> Any:
        found = attribute_type(base, name)
        if found is MISSING:
            self._report(node, _path(node) or name, _type_name(base), sorted(members(base)))
            return ANY
        return found

    def _filter(self, node: nodes.Filter) -> Any:
        base = self.type_of(node.node) if node.node is not None else ANY
        for child in [*node.args, *(k.value for k in node.kwargs)]:
            self.type_of(child)
        if node.name in _ATTRIBUTE_FILTERS:
            self._filter_attribute(node, element_type(base))
        if node.name in ("first", "last", "random"):
            return element_type(base)
        if node.name in _KEEPS_ELEMENTS or node.name == "default":
            return base
        return ANY

    def _filter_attribute(self, node: nodes.Filter, item: Any) -> None:
        named = [k.value for k in node.kwargs if k.key == "attribute"]
        if node.name in ("selectattr", "rejectattr") and node.args:
            named.append(node.args[0])
        for value in named:
            if isinstance(value, nodes.Const) and isinstance(value.value, str):
                tp = item
                for part in value.value.split("."):
                    tp = attribute_type(tp, part)
                    if tp is MISSING:
                        self._report(
                            node,
                            f"{_node_path(node.node)}[].{value.value}",
                            _type_name(item),
                            sorted(members(item)),
                        )
                        break

    def _report(self, node: nodes.Node, path: str, owner: str, known: list[str]) -> None:
        last = path.rsplit(".", 1)[-1].rstrip("]").rstrip("[")
        where = self.part.locate(node.lineno, last)
        if (path, where) in self.problems:
            return
        synonym = _SYNONYMS.get(last.lower())
        close = [synonym] if synonym in known else difflib.get_close_matches(last, known, n=1)
        guess = (
            _("did you mean {name}? ").format(
                name=(path.rsplit(".", 1)[0] + "." if "." in path else "") + close[0]
            )
            if close
            else ""
        )
        what = (
            _("{owner} has no field {last!r}").format(owner=owner, last=last)
            if owner
            else _("no such name in the template context")
        )
        self.problems[(path, where)] = Problem(
            self.template,
            _("unknown placeholder {path}: {what}").format(path=path, what=what),
            path=where,
            hint=guess + _("`vadocs fields` lists every placeholder"),
            rule="VAR-UNKNOWN",
        )


def _node_path(node: nodes.Node | None) -> str:
    return (_path(node) if node is not None else None) or "…"


def _path(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        inner = _path(node.node)
        return f"{inner}.{node.attr}" if inner else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        inner = _path(node.node)
        return f"{inner}.{node.arg.value}" if inner else None
    return None


def _type_name(tp: Any) -> str:
    tp = unwrap(tp)
    if isinstance(tp, DictShape):
        return _("this group")
    return getattr(tp, "__name__", None) or str(tp)


def check_variables(parts: list[ParsedPart], shape: DictShape, template: Path) -> list[Problem]:
    found: list[Problem] = []
    for part in parts:
        walker = _Walker(part, shape, template)
        walker.visit(part.tree)
        found += walker.problems.values()
    return found
