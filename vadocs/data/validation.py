"""Turn a loaded YAML document into a typed model, reporting every problem with its position.

Messages come from :mod:`vadocs.data.plain_errors` (the field's title, the value found, a
fix). A value YAML would read as "no value" (``Null``, ``NULL``, ``~``) stays the text that
was written wherever the model expects text: the name ``Null`` is a name.
"""

from __future__ import annotations

import copy
import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from vadocs.data.plain_errors import describe, example_of, found_text, title_of
from vadocs.data.yaml_source import Document, PathKey
from vadocs.errors import Problem, ProblemsError
from vadocs.i18n import _

M = TypeVar("M", bound=BaseModel)


def validate(doc: Document, model: type[M]) -> M:
    """Validate ``doc`` against ``model``; raise :class:`ProblemsError` with all problems."""
    return model.model_validate(checked_data(doc, model))


def checked_data(doc: Document, model: type[BaseModel]) -> Any:
    """``doc.data`` with null words as text where text fits; raise ProblemsError otherwise."""
    data = _with_words(doc.data, doc.null_words)
    try:
        model.model_validate(data)
        return data
    except ValidationError as exc:
        errors = exc.errors()
    yes_no = german_yes_no(errors)
    if yes_no:
        data = _with_words(data, yes_no)
        try:
            model.model_validate(data)
            return data
        except ValidationError as exc:
            errors = exc.errors()
    # A word where no text fits (``ende: null``): back to "no value", then ask again.
    back = {p for p in doc.null_words if any(_clean_path(e["loc"])[: len(p)] == p for e in errors)}
    if back:
        kept = {p: w for p, w in doc.null_words.items() if p not in back}
        data = _with_words(_with_words(doc.data, kept), yes_no)
        try:
            model.model_validate(data)
            return data
        except ValidationError as exc:
            errors = exc.errors()
    raise SchemaErrors(problems(doc, model, errors), data, [_clean_path(e["loc"]) for e in errors])


class SchemaErrors(ProblemsError):
    """The schema problems of a file, with the data as validated and each error's location.

    The loader builds the valid part of the file from these (:mod:`vadocs.data.partial`) to
    run the cross-field rules in the same pass.
    """

    def __init__(self, problems: list[Problem], data: Any, locations: list[PathKey]) -> None:
        super().__init__(problems)
        self.data = data
        self.locations = locations


GERMAN_YES_NO = {"ja": True, "nein": False, "wahr": True, "falsch": False}
"""German words for yes and no, read where the schema expects true or false (any case)."""


def german_yes_no(errors: list[ErrorDetails]) -> dict[PathKey, Any]:
    """Where a yes/no field holds ``ja``/``nein``/``wahr``/``falsch``: the path and the bool."""
    return {
        _clean_path(e["loc"]): GERMAN_YES_NO[str(e.get("input")).strip().lower()]
        for e in errors
        if e["type"] == "bool_parsing" and str(e.get("input")).strip().lower() in GERMAN_YES_NO
    }


def _with_words(data: Any, words: dict[PathKey, Any]) -> Any:
    if not words:
        return data
    out = copy.deepcopy(data)
    for path, word in words.items():
        node = out
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = word
    return out


def problems(doc: Document, model: type[BaseModel], errors: list[ErrorDetails]) -> list[Problem]:
    """One located problem per pydantic error (duplicates and typo echoes dropped)."""
    out: list[tuple[PathKey, str, Problem]] = []
    seen: set[tuple[PathKey, str]] = set()
    typos: set[PathKey] = set()
    for err in errors:
        path = _clean_path(err["loc"])
        kind = err["type"]
        if (path, kind) in seen:
            continue
        seen.add((path, kind))
        if kind == "extra_forbidden":
            message = _("unknown key „{key}“").format(key=path[-1])
            hint, meant = _suggest(model, path)
            typos.add((*path[:-1], *meant.split(".")))
        else:
            message, hint = describe(err, title_of(model, path), example_of(model, path))
            found = found_text(err.get("input")) if kind != "missing" else ""
            message += f" ({found})" if found else ""
        at_key = kind in ("extra_forbidden", "missing")
        out.append((path, kind, doc.problem(path, message, hint, at_key=at_key)))
    # A missing key next to an unknown key that is its misspelling is one mistake, not two.
    kept = [p for path, kind, p in out if not (kind == "missing" and path in typos)]
    return sorted(kept, key=lambda p: (p.line or 0, p.column or 0))


def _clean_path(loc: tuple[int | str, ...]) -> PathKey:
    # Pydantic adds pseudo-steps for tagged unions and function validators; drop them.
    return tuple(p for p in loc if isinstance(p, int) or not str(p).startswith(("function-", "[")))


def _suggest(model: type[BaseModel], path: PathKey) -> tuple[str, str]:
    """Hint for an unknown key, and the key it is a misspelling of (or "")."""
    key = str(path[-1])
    fields = _fields_at(model, path[:-1])
    if not fields:
        return _("remove this key"), ""
    for name in fields:
        if key in _fields_at(model, (*path[:-1], name)):
            hint = _("„{key}“ belongs inside „{parent}:“; indent it below that key")
            return hint.format(key=key, parent=name), f"{name}.{key}"
    close = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    if close and not _anywhere_else(model, key):
        return _("did you mean „{name}“?").format(name=close[0]), close[0]
    return _("allowed here: {names}").format(names=", ".join(sorted(fields))), ""


def _anywhere_else(model: type[BaseModel], key: str, depth: int = 0) -> bool:
    """Is ``key`` a field somewhere in ``model`` (then it is misplaced, not misspelt)?"""
    if depth > 6:
        return False
    for name, info in model.model_fields.items():
        inner = _inner_model(info.annotation)
        if name == key or (inner is not None and _anywhere_else(inner, key, depth + 1)):
            return True
    return False


def _fields_at(model: type[BaseModel], path: PathKey) -> list[str]:
    current: Any = model
    for step in path:
        if isinstance(step, int):
            continue
        if _is_model(current) and set(current.model_fields) == {"root"}:
            current = _inner_model(current.model_fields["root"].annotation)  # a keyed mapping
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
