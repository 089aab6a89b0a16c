"""What of a file did validate: a model whose broken parts refuse to be read.

When a file has schema errors, the cross-field rules still run on everything that is valid
(issue 15: every problem at once). :func:`partial_model` builds the model from the valid
sub-trees; each field that failed (or is missing) holds :data:`BROKEN`, which raises
:class:`Unavailable` on any use. :func:`guarded` runs one rule and stops it quietly at the
first broken input, so a rule whose inputs are valid reports and one whose inputs failed
says nothing — never a crash or a follow-up error caused by a field that is already reported.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pydantic import BaseModel, ValidationError, create_model

from vadocs.errors import Problem

Path = tuple[int | str, ...]


class Unavailable(Exception):
    """A rule read a field that did not validate."""


class _Broken:
    """The value of a field that did not validate: every use raises :class:`Unavailable`."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # Python's and pydantic's own probing
            raise AttributeError(name)
        raise Unavailable(name)

    def __repr__(self) -> str:
        return "<broken>"

    def _refuse(self, *args: object) -> Any:
        raise Unavailable()


_DUNDERS = (
    "bool len iter contains getitem eq ne lt le gt ge hash str format int float index "
    "add radd sub rsub mul rmul truediv rtruediv floordiv rfloordiv mod rmod neg pos abs round"
)
for _name in _DUNDERS.split():
    setattr(_Broken, f"__{_name}__", _Broken._refuse)

BROKEN: Any = _Broken()


def guarded(rule: Callable[..., Iterable[Problem]], *args: Any) -> Iterator[Problem]:
    """The problems of ``rule(*args)`` found before it reads a broken field (then it stops)."""
    try:
        yield from rule(*args)
    except Unavailable:
        return
    except TypeError as exc:  # a library function refused the broken value itself
        if _Broken.__name__ not in str(exc):
            raise


def partial_model(model: type[BaseModel], data: Any, errors: Iterable[Path]) -> Any:
    """An instance of ``model`` (or a subclass of it) built from the valid parts of ``data``.

    ``errors`` are the cleaned locations of the validation errors of ``data``; keys that are
    not fields (unknown keys) are dropped. Returns :data:`BROKEN` when nothing usable is left.
    """
    return _build(model, data, {tuple(p) for p in errors})


def _build(model: type[BaseModel], data: Any, paths: set[Path]) -> Any:
    if () in paths or not isinstance(data, dict):
        return BROKEN
    known = {info.alias or name: name for name, info in model.model_fields.items()}
    values = {k: v for k, v in data.items() if k in known}
    overrides: dict[str, Any] = {}
    for key, name in known.items():
        below = {p[1:] for p in paths if p and p[0] == key}
        if not below:
            continue
        if key not in values or () in below:
            overrides[name] = BROKEN
        else:
            overrides[name] = _field(model.model_fields[name].annotation, values[key], below)
        values.pop(key, None)
    if not overrides:
        return _validated(model, values)
    fields: dict[str, Any] = {name: (Any, value) for name, value in overrides.items()}
    cls = create_model(model.__name__, __base__=model, **fields)
    return _validated(cls, values)


def _validated(model: type[BaseModel], values: dict[str, Any]) -> Any:
    try:
        return model.model_validate(values)
    except (ValidationError, Unavailable):
        return BROKEN


def _field(annotation: Any, value: Any, paths: set[Path]) -> Any:
    """A field whose errors lie deeper: rebuild model values, lists and dicts of models."""
    inner = _optional(annotation)
    origin = typing.get_origin(inner)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return _build(inner, value, paths)
    if origin is list and isinstance(value, list):
        (item,) = typing.get_args(inner)
        return [_item(item, v, {p[1:] for p in paths if p[0] == i}) for i, v in enumerate(value)]
    if origin is dict and isinstance(value, dict):
        item = typing.get_args(inner)[1]
        return {k: _item(item, v, {p[1:] for p in paths if p[0] == k}) for k, v in value.items()}
    return BROKEN


def _item(annotation: Any, value: Any, paths: set[Path]) -> Any:
    if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return BROKEN if paths else value
    return _build(annotation, value, paths) if paths else _validated(annotation, value)


def _optional(annotation: Any) -> Any:
    """``X | None`` → ``X``; anything else unchanged."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation
