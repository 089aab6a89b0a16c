"""The placeholder reference: every name a template can use, its type, meaning and an example.

Derived from the same type tree ``vadocs check`` uses (pydantic models, context
dataclasses), with the German titles and descriptions of the model fields; names
computed in :mod:`vadocs.documents.context` are described in :mod:`vadocs.checks.field_texts`.
``fields_markdown()`` is the page ``docs/felder.md`` (a test keeps it current).
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from types import NoneType
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from vadocs.checks.context_types import DictShape, OneOf, context_shape, is_record, members, unwrap
from vadocs.checks.examples import Example, RenderCase, cases_for, hostile_examples, load_examples
from vadocs.checks.field_texts import FILTER_TEXTS, MEMBER_TEXTS, NAME_TEXTS, TYPE_TEXTS
from vadocs.documents.kinds import AUFTRAGSBESTAETIGUNG, BY_KEY, MAHNUNG, RECHNUNG

_MAX_DEPTH = 6


@dataclass(frozen=True)
class FieldInfo:
    path: str
    type_name: str
    description: str
    example: str
    invoice_only: bool = False
    reminder_only: bool = False


@lru_cache(maxsize=1)
def _sources() -> tuple[DictShape, DictShape, RenderCase, RenderCase]:
    examples, _ = load_examples(None)
    everything = examples + hostile_examples()
    contracts = context_shape(
        c.context for e in everything for c in cases_for(AUFTRAGSBESTAETIGUNG, e)
    )
    invoices = context_shape(c.context for e in everything for c in cases_for(RECHNUNG, e))
    sample = _sample(examples or everything)
    contract_case = cases_for(AUFTRAGSBESTAETIGUNG, sample)[0]
    invoice_case = cases_for(RECHNUNG, sample)[-1]
    return contracts, invoices, contract_case, invoice_case


@lru_cache(maxsize=1)
def _reminder_source() -> tuple[DictShape, RenderCase]:
    examples, _ = load_examples(None)
    everything = examples + hostile_examples()
    shape = context_shape(c.context for e in everything for c in cases_for(MAHNUNG, e))
    return shape, cases_for(MAHNUNG, _sample(examples or everything))[1]


def _sample(examples: list[Example]) -> Example:
    """The mueller-gmbh example (the richest one), else the first there is."""
    return next((e for e in examples if e.name == "mueller-gmbh"), examples[0])


def fields_for(document: str | None = None) -> list[FieldInfo]:
    """Every placeholder for ``document`` (a key like ``rechnung``), or for all documents."""
    contracts, invoices, contract_case, invoice_case = _sources()
    if document == MAHNUNG.key:
        return _reminder_fields(set())
    if document is not None and document != RECHNUNG.key:
        if document not in BY_KEY:
            raise KeyError(document)
        return list(_walk(contracts, contract_case.context, set()))
    contract_names = {k for k, v in contracts.keys.items() if unwrap(v) is not NoneType}
    invoice_fields = list(_walk(invoices, invoice_case.context, contract_names))
    if document is not None:
        return invoice_fields
    seen = {f.path for f in invoice_fields}
    extra = [f for f in _reminder_fields(contract_names) if f.path not in seen]
    return invoice_fields + extra


def _reminder_fields(shared: set[str]) -> list[FieldInfo]:
    """The reminder template's names; with ``shared``, those outside it marked as its own."""
    shape, case = _reminder_source()
    found = _walk(shape, case.context, shared)
    return [dataclasses.replace(f, invoice_only=False, reminder_only=f.invoice_only) for f in found]


def _walk(shape: DictShape, context: dict[str, Any], shared: set[str]) -> Iterator[FieldInfo]:
    for name, tp in shape.keys.items():
        value = context.get(name)
        only = bool(shared) and name not in shared
        yield _info(name, tp, NAME_TEXTS.get(name, ""), value, only)
        yield from _members(name, tp, value, only, 1)


def _members(prefix: str, tp: Any, value: Any, only: bool, depth: int) -> Iterator[FieldInfo]:
    tp = unwrap(tp)
    if depth > _MAX_DEPTH:
        return
    if get_origin(tp) in (list, tuple):
        item = get_args(tp)[0] if get_args(tp) else Any
        first = value[0] if isinstance(value, list | tuple) and value else None
        yield from _members(prefix + "[]", item, first, only, depth + 1)
        return
    if not (isinstance(tp, DictShape) or is_record(tp)):
        return
    for name, member in members(tp).items():
        path = f"{prefix}.{name}"
        sub = _get(value, name)
        yield _info(path, member, _description(tp, name, path), sub, only)
        yield from _members(path, member, sub, only, depth + 1)


def _get(value: Any, name: str) -> Any:
    if isinstance(value, dict):
        return value.get(name)
    return getattr(value, name, None) if value is not None else None


def _description(owner: Any, name: str, path: str) -> str:
    if isinstance(owner, type) and issubclass(owner, BaseModel) and name in owner.model_fields:
        f = owner.model_fields[name]
        return " — ".join(x for x in (f.title, f.description) if x)
    key = f"{owner.__name__}.{name}" if isinstance(owner, type) else path.split("[]")[-1]
    return MEMBER_TEXTS.get(key, NAME_TEXTS.get(path, ""))


def _info(path: str, tp: Any, description: str, value: Any, only: bool) -> FieldInfo:
    kind = TYPE_TEXTS.get(path) or type_name(tp)
    return FieldInfo(path, kind, description, example_text(value), only)


def type_name(tp: Any) -> str:
    """The type in the words of the assistant: ``Text``, ``Datum``, ``Liste von Text`` …"""
    optional = get_origin(tp) is not None and NoneType in get_args(tp)
    if get_origin(tp) is Literal:
        return "Auswahl: " + " | ".join(str(a) or '""' for a in get_args(tp))
    tp = unwrap(tp)
    if isinstance(tp, OneOf):
        return " oder ".join(type_name(o) for o in tp.options)
    name = _simple_name(tp)
    return name + (", optional" if optional else "")


def _simple_name(tp: Any) -> str:
    if get_origin(tp) in (list, tuple):
        args = [a for a in get_args(tp) if a is not Ellipsis]
        return "Liste von " + (type_name(args[0]) if args else "Werten")
    if isinstance(tp, DictShape) or is_record(tp):
        return "Gruppe"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "Auswahl: " + " | ".join(str(m.value) for m in tp)
    names = {
        str: "Text",
        bool: "ja/nein",
        int: "Zahl",
        Decimal: "Zahl (|euro, |zahl, |prozent)",
        date: "Datum (|datum, |datum_lang)",
        NoneType: "leer",
    }
    return names.get(tp, "Wert") if isinstance(tp, type) else "Wert"


def example_text(value: Any) -> str:
    """How the example value looks in a template (before any filter)."""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if value is None or isinstance(value, BaseModel | dict) or is_record(type(value)):
        return ""
    if isinstance(value, list | tuple):
        first = example_text(value[0]) if value else ""
        return first + (" …" if first and len(value) > 1 else "")
    text = " ".join(str(value).split())
    return text if len(text) <= 48 else text[:47] + "…"


def fields_markdown() -> str:
    """The page ``docs/felder.md``: filters, then one table per top-level name."""
    out = [_INTRO, "## Filter", "", "| Filter | Ergebnis |", "|---|---|"]
    out += [f"| `\\|{name}` | {_cell(text)} |" for name, text in FILTER_TEXTS.items()]
    found = fields_for(None)
    parents = {f.path.split(".")[0].split("[")[0] for f in found if "." in f.path or "[" in f.path}
    groups: dict[str, list[FieldInfo]] = {}
    for f in found:
        top = f.path.split(".")[0].split("[")[0]
        groups.setdefault(top if top in parents else "", []).append(f)
    for top, items in sorted(groups.items(), key=lambda kv: kv[0] == ""):
        title = f"`{top}` — {NAME_TEXTS.get(top, '')}" if top else "Weitere Werte"
        out += [
            "",
            f"## {title}",
            "",
            "| Platzhalter | Typ | Bedeutung | Beispiel |",
            "|---|---|---|---|",
        ]
        for f in items:
            mark = " (nur Rechnung)" if f.invoice_only else ""
            mark = " (nur Mahnung)" if f.reminder_only else mark
            out.append(
                f"| `{f.path}` | {_cell(f.type_name)} | {_cell(f.description)}{mark} | "
                f"{_cell(f.example)} |"
            )
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


_INTRO = """# Platzhalter für die Word-Vorlagen

Diese Seite wird aus dem Datenmodell erzeugt (`vadocs fields --markdown`); ein Test hält sie
aktuell. Dieselbe Liste zeigt `vadocs fields` im Terminal, `vadocs fields rechnung` nur die
Namen der Rechnungsvorlage.

In einer Vorlage steht ein Wert als `{{ kunde.name }}`, formatiert mit einem Filter als
`{{ auftrag.beginn|datum_lang }}`. Listen (Typ „Liste von …“) durchläuft eine Schleife,
`[]` steht im Namen für ein Element: `{%p for z in auftrag.ziele %}` … `{{ z }}` …
`{%p endfor %}`. Bedingungen: `{%p if verbraucher %}` … `{%p endif %}`. Ein Tag mit `p`
(`{%p …%}`) muss allein in seinem Absatz stehen, `{%tr …%}` allein in seiner Tabellenzeile.
Die Beispiele stammen aus dem Beispielkunden mueller-gmbh.
"""
