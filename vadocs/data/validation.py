"""Turn a loaded YAML document into a typed model, reporting every problem with its position."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from vadocs.data.yaml_source import Document, PathKey
from vadocs.errors import Problem, ProblemsError

M = TypeVar("M", bound=BaseModel)

_HINTS = {
    "missing": "add this key",
    "string_type": "write text here",
    "bool_parsing": "write true or false",
    "int_parsing": "write a whole number",
    "decimal_parsing": "write an amount like 55.00 (a dot for decimals, no € sign)",
    "date_from_datetime_parsing": "write a date as YYYY-MM-DD, e.g. 2026-12-01",
    "date_parsing": "write a date as YYYY-MM-DD, e.g. 2026-12-01",
    "list_type": "write a list: one '- item' per line",
    "model_type": "write a block of keys here",
    "dict_type": "write a block of keys here",
    "too_short": "add at least one entry",
    "decimal_max_places": "use at most two decimal places (cents)",
}


def validate(doc: Document, model: type[M]) -> M:
    """Validate ``doc`` against ``model``; raise :class:`ProblemsError` with all problems."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise ProblemsError(_problems(doc, model, exc.errors())) from None


def _problems(doc: Document, model: type[BaseModel], errors: list[ErrorDetails]) -> list[Problem]:
    out: list[Problem] = []
    seen: set[tuple[PathKey, str]] = set()
    for err in errors:
        path = _clean_path(err["loc"])
        kind = err["type"]
        if (path, kind) in seen:
            continue
        seen.add((path, kind))
        if kind == "extra_forbidden":
            message = f"unknown key '{path[-1]}'"
            hint = _suggest(model, path)
        else:
            message = _message(err)
            hint = _HINTS.get(kind, "")
        out.append(doc.problem(path, message, hint, at_key=kind == "extra_forbidden"))
    out = [p for p in out if not _explained_by_typo(p, out)]
    out.sort(key=lambda p: (p.line or 0, p.column or 0))
    return out


def _explained_by_typo(problem: Problem, problems: list[Problem]) -> bool:
    """A missing key next to an unknown key that is its misspelling is one mistake, not two."""
    if problem.message != "required key is missing":
        return False
    parent, _, name = problem.path.rpartition(".")
    return any(
        other.hint == f"did you mean '{name}'?" and other.path.rpartition(".")[0] == parent
        for other in problems
    )


def _clean_path(loc: tuple[int | str, ...]) -> PathKey:
    # Pydantic adds pseudo-steps for tagged unions and function validators; drop them.
    return tuple(p for p in loc if isinstance(p, int) or not str(p).startswith(("function-", "[")))


def _message(err: ErrorDetails) -> str:
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg.removeprefix("Value error, ")
    if err["type"] == "missing":
        return "required key is missing"
    value = err.get("input")
    if err["type"] not in ("missing",) and isinstance(value, str) and len(value) < 60:
        return f"{msg} (found '{value}')"
    return msg


def _suggest(model: type[BaseModel], path: PathKey) -> str:
    fields = _fields_at(model, path[:-1])
    if not fields:
        return "remove this key"
    close = difflib.get_close_matches(str(path[-1]), fields, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "allowed here: " + ", ".join(sorted(fields))


def _fields_at(model: type[BaseModel], path: PathKey) -> list[str]:
    current: Any = model
    for step in path:
        if isinstance(step, int):
            continue
        field = current.model_fields.get(step) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return list(current.model_fields) if _is_model(current) else []


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if _is_model(annotation):
        return annotation  # type: ignore[no-any-return]
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
