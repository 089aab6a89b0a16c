"""The one Jinja environment every template is rendered with, by ``build`` and by ``check``.

Sandboxed (data never becomes code), strict about undefined names, autoescaping
(``Müller & Söhne <GmbH>`` is written into the XML exactly), ``None`` printed as
nothing, and only our German formatting filters besides Jinja's harmless built-ins.
"""

from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from vadocs.documents.formatting import FILTERS

# Built-in filters a template may use; anything else (``safe`` above all) is refused.
ALLOWED_BUILTIN_FILTERS = frozenset(
    {"default", "join", "length", "lower", "upper", "first", "last", "replace", "trim",
     "capitalize", "title", "round", "sum", "sort", "list", "selectattr", "rejectattr",
     "map", "select", "reject", "unique", "int", "string", "e", "escape", "count", "abs"}
)  # fmt: skip


def _finalize(value: Any) -> Any:
    return "" if value is None else value


def zeilen(value: str | None) -> Markup:
    """Text with line breaks, each newline a Word line break; the text itself escaped."""
    if not value:
        return Markup("")
    lines = [str(escape(line)) for line in str(value).splitlines()]
    return Markup('</w:t><w:br/><w:t xml:space="preserve">'.join(lines))


def make_environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    kept = {name: f for name, f in env.filters.items() if name in ALLOWED_BUILTIN_FILTERS}
    env.filters.clear()
    env.filters.update(kept)
    env.filters.update(FILTERS)
    env.filters["zeilen"] = zeilen
    return env


def allowed_filters() -> frozenset[str]:
    return frozenset(make_environment().filters)
