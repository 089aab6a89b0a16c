"""The names a template sees, as a tree of types: derived, not listed by hand.

Top-level names and their value types come from real contexts (``base_context`` /
``invoice_context`` of the examples); everything below them from the pydantic
models' fields and the dataclasses' fields and properties. A template's
``kunde.anschrift.plz`` is checked against this tree.
"""

from __future__ import annotations

import dataclasses
import enum
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import NoneType, UnionType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel


@dataclass(frozen=True)
class DictShape:
    """A ``dict`` in the context with known keys (``dokument``, ``a``)."""

    keys: Mapping[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.keys)))


@dataclass(frozen=True)
class OneOf:
    """A value that has one of several types (e.g. ``None`` in contracts, an invoice in invoices)."""

    options: tuple[Any, ...]


ANY: Any = Any
MISSING: Any = object()


def unwrap(tp: Any) -> Any:
    """Strip ``Annotated`` and ``None``; Literals become their value type; unions a :class:`OneOf`."""
    origin = get_origin(tp)
    if origin is typing.Annotated:
        return unwrap(get_args(tp)[0])
    if origin is Literal:
        return type(get_args(tp)[0])
    options = get_args(tp) if origin in (Union, UnionType) else None
    if isinstance(tp, OneOf):
        options = tp.options
    if options is None:
        return tp
    kept = [unwrap(a) for a in options if a is not NoneType]
    if not kept:
        return NoneType
    return kept[0] if len(set(map(repr, kept))) == 1 else OneOf(tuple(kept))


def is_record(tp: Any) -> bool:
    """A pydantic model or a dataclass: something with named fields."""
    return isinstance(tp, type) and (issubclass(tp, BaseModel) or dataclasses.is_dataclass(tp))


def members(tp: Any) -> dict[str, Any]:
    """Attribute name → type, for a model, dataclass or dict shape (empty for anything else)."""
    tp = unwrap(tp)
    if isinstance(tp, DictShape):
        return dict(tp.keys)
    if not is_record(tp):
        return {}
    found: dict[str, Any] = {}
    if issubclass(tp, BaseModel):
        found.update({name: f.annotation for name, f in tp.model_fields.items()})
    else:
        hints = typing.get_type_hints(tp, include_extras=True)
        found.update({f.name: hints.get(f.name, ANY) for f in dataclasses.fields(tp)})
    found.update(_properties(tp))
    return found


def _properties(tp: type) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for klass in reversed(tp.__mro__):
        if klass.__module__.startswith(("pydantic", "builtins")):
            continue
        for name, attr in vars(klass).items():
            if isinstance(attr, property) and not name.startswith("_") and attr.fget:
                found[name] = typing.get_type_hints(attr.fget).get("return", ANY)
    return found


def attribute_type(tp: Any, name: str) -> Any:
    """The type of ``value.name`` for a value of type ``tp``, or :data:`MISSING`."""
    tp = unwrap(tp)
    if tp is ANY:
        return ANY
    if isinstance(tp, OneOf):
        known = [t for t in (attribute_type(a, name) for a in tp.options) if t is not MISSING]
        return known[0] if known else MISSING
    if isinstance(tp, DictShape) or is_record(tp):
        return members(tp).get(name, MISSING)
    origin = get_origin(tp)
    if origin is dict:
        return get_args(tp)[1] if get_args(tp) else ANY
    base = origin or tp
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return ANY if any(hasattr(m, name) for m in base) else MISSING
    if isinstance(base, type):
        return ANY if hasattr(base, name) else MISSING
    return ANY


def element_type(tp: Any) -> Any:
    """The type of one item when iterating over a value of type ``tp``."""
    tp = unwrap(tp)
    origin = get_origin(tp)
    args = get_args(tp)
    if origin in (list, set, frozenset) and args:
        return args[0]
    if origin is tuple and args:
        return args[0] if len(args) == 2 and args[1] is Ellipsis else OneOf(args)
    if isinstance(tp, DictShape) or origin is dict:
        return str
    return ANY


def type_of_value(value: Any) -> Any:
    """The static type of a context value, looking into lists and dicts."""
    if isinstance(value, BaseModel) or dataclasses.is_dataclass(value):
        return type(value)
    if isinstance(value, Mapping):
        return DictShape({str(k): type_of_value(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return list[_merge_all(type_of_value(v) for v in value)]  # type: ignore[misc]
    return type(value)


def _merge_all(types: Iterable[Any]) -> Any:
    result: Any = MISSING
    for tp in types:
        result = tp if result is MISSING else merge(result, tp)
    return ANY if result is MISSING else result


def merge(a: Any, b: Any) -> Any:
    """One type for a name whose values differ between contexts (``None`` or an invoice)."""
    if a == b or b is ANY:
        return a
    if a is ANY:
        return b
    if isinstance(a, DictShape) and isinstance(b, DictShape):
        keys = dict(a.keys)
        for k, v in b.keys.items():
            keys[k] = merge(keys[k], v) if k in keys else v
        return DictShape(keys)
    if get_origin(a) is list and get_origin(b) is list:
        return list[merge(get_args(a)[0], get_args(b)[0])]  # type: ignore[misc]
    left = a.options if isinstance(a, OneOf) else (a,)
    right = b.options if isinstance(b, OneOf) else (b,)
    return OneOf(left + tuple(x for x in right if x not in left))


def context_shape(contexts: Iterable[Mapping[str, Any]]) -> DictShape:
    """The shape of the context every template of one kind sees, merged over examples."""
    return typing.cast(DictShape, _merge_all(type_of_value(dict(c)) for c in contexts))
