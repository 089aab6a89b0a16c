"""The values a template prints whatever the client: its unconditional ``{{ … }}`` outputs.

Each must turn up in the finished document. A value that is missing was swallowed
on the way — by a paragraph docxtpl removed, by a tracked deletion, by broken XML.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import ChainableUndefined, Template, TemplateSyntaxError, nodes
from markupsafe import Markup

from vadocs.checks.jinja_parts import ParsedPart
from vadocs.documents.environment import make_environment


@dataclass(frozen=True)
class Expected:
    source: str
    """The expression as Jinja source, e.g. ``kunde.name`` or ``auftrag.datum|datum_lang``."""
    location: str


def unconditional_outputs(parts: list[ParsedPart]) -> list[Expected]:
    """Outputs at the top level of the body, headers and footers (not inside if/for)."""
    found: list[Expected] = []
    for part in parts:
        if part.label.startswith("document property"):
            continue
        for output in part.tree.body:
            if not isinstance(output, nodes.Output):
                continue
            for node in output.nodes:
                source = to_source(node)
                if source is not None and not isinstance(node, nodes.Const):
                    needle = source.split("|")[0].split(".")[-1]
                    found.append(Expected(source, part.locate(node.lineno, needle)))
    return found


def to_source(node: nodes.Node) -> str | None:
    """Jinja source for a plain value path with filters; ``None`` for anything else."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Const) and isinstance(node.value, str | int):
        return repr(node.value)
    if isinstance(node, nodes.Getattr):
        inner = to_source(node.node)
        return None if inner is None else f"{inner}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        inner, key = to_source(node.node), to_source(node.arg)
        return None if inner is None or key is None else f"{inner}[{key}]"
    if isinstance(node, nodes.Filter) and node.node is not None:
        return _filter_source(node)
    return None


def _filter_source(node: nodes.Filter) -> str | None:
    inner = to_source(node.node) if node.node is not None else None
    args = [to_source(a) for a in node.args]
    kwargs = [(k.key, to_source(k.value)) for k in node.kwargs]
    if (
        inner is None
        or None in args
        or any(v is None for _, v in kwargs)
        or node.dyn_args
        or node.dyn_kwargs
    ):
        return None
    params = [str(a) for a in args] + [f"{k}={v}" for k, v in kwargs]
    return f"{inner}|{node.name}" + (f"({', '.join(params)})" if params else "")


_SEPARATOR = "\x1e"


class ExpectedValues:
    """Evaluates the expected outputs for one client after another.

    All outputs are compiled into one template with a lenient environment (same
    filters and escaping, undefined values print nothing): an output that fails for a
    client is not expected — the dry render itself reports why it fails.
    """

    def __init__(self, items: list[Expected]) -> None:
        self.items = items
        self.env = make_environment()
        self.env.undefined = ChainableUndefined
        sources = [f"{{{{ {item.source} }}}}" for item in items]
        self.template: Template | None = None
        try:
            self.template = self.env.from_string(_SEPARATOR.join(sources))
        except TemplateSyntaxError:
            self.template = None

    def for_context(self, context: Mapping[str, Any]) -> Iterator[tuple[Expected, str]]:
        """Each expected output with its plain text for ``context`` (empty: nothing to find)."""
        if self.template is None or not self.items:
            return
        try:
            values = self.template.render(**context).split(_SEPARATOR)
        except Exception:
            values = [self._one(item, context) for item in self.items]
        for item, value in zip(self.items, values, strict=True):
            if "<w:" not in value and value.strip():  # Word markup (|zeilen): not plain text
                yield item, Markup(value).unescape()

    def _one(self, item: Expected, context: Mapping[str, Any]) -> str:
        try:
            return self.env.from_string(f"{{{{ {item.source} }}}}").render(**context)
        except Exception:
            return ""
