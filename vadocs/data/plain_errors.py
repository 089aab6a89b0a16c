"""Pydantic's error types in plain words: what is wrong, what was found, how to write it.

Each error of :mod:`pydantic` is turned into one sentence naming the field by its
schema title (the German words of the JSON Schema and docs/felder.md), the value
found, and a hint with an example. No pattern, class name or library wording reaches
the user: an error type without its own sentence gets a general one.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from vadocs.i18n import N_, _

_DATE = N_("write the date as YYYY-MM-DD, e.g. {example}")
_AMOUNT = N_("write the amount with a dot and without €, e.g. {example}")

# The constrained texts of vadocs.model.types, by their pattern: what is expected, an example.
_PATTERNS = {
    r"^\d{4}-(0[1-9]|1[0-2])$": (N_("a month as YYYY-MM"), "2026-12"),
    r"^\d{1,3}:[0-5]\d$": (N_("a duration as hours:minutes"), "1:30"),
    r"^[A-Z]{2}$": (N_("a country code of two capital letters"), "DE"),
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": (
        N_("an e-mail address with a domain"),
        "kontakt@beispiel.de",
    ),
    r"^[a-z0-9][a-z0-9-]{0,62}$": (
        N_("lower case letters, digits and hyphens"),
        "mueller-gmbh",
    ),
    r"^[A-Za-z0-9 -]+$": (N_("letters, digits and spaces only"), "01067"),
    r"^[^\n]*$": (N_("a single line"), "Müller GmbH"),
}

_SIMPLE = {
    "string_type": (N_("{field}: text expected"), N_("write text here")),
    "bool_parsing": (N_("{field}: yes or no expected"), N_("write ja or nein (or true or false)")),
    "bool_type": (N_("{field}: yes or no expected"), N_("write ja or nein (or true or false)")),
    "int_parsing": (N_("{field}: a whole number expected"), N_("write a whole number, e.g. 14")),
    "int_type": (N_("{field}: a whole number expected"), N_("write a whole number, e.g. 14")),
    "int_from_float": (N_("{field}: a whole number expected"), N_("write a whole number, e.g. 14")),
    "list_type": (N_("{field}: a list expected"), N_("write one '- entry' per line")),
    "model_type": (N_("{field}: a block of keys expected"), N_("indent the keys below it")),
    "model_attributes_type": (
        N_("{field}: a block of keys expected"),
        N_("indent the keys below it"),
    ),
    "dict_type": (N_("{field}: a block of keys expected"), N_("indent the keys below it")),
    "too_short": (N_("{field}: at least one entry is needed"), N_("add an entry: '- …'")),
    "string_too_short": (N_("{field}: must not be empty"), N_("write the text after the colon")),
    "string_too_long": (N_("{field}: the text is too long"), N_("shorten it")),
    "too_long": (N_("{field}: too many entries"), N_("remove some entries")),
}


def title_of(model: type[BaseModel], path: tuple[str | int, ...]) -> str:
    """The schema title of the field at ``path``, e.g. ``Beginn der Zusammenarbeit``."""
    current: Any = model
    title = ""
    for step in path:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", None) if isinstance(current, type) else None
        if not fields or step not in fields:
            root = fields.get("root") if fields else None
            if root is None:
                return title or str(step)
            current = _inner(root.annotation)
            fields = getattr(current, "model_fields", None)
            if not fields or step not in fields:
                continue
        info = fields[step]
        title = info.title or str(step)
        current = _inner(info.annotation)
    return title


def example_of(model: type[BaseModel], path: tuple[str | int, ...]) -> str:
    """The first schema example of the field at ``path`` (``Field(examples=…)``), or ""."""
    current: Any = model
    info = None
    for step in path:
        fields = getattr(current, "model_fields", None) if isinstance(current, type) else None
        if isinstance(step, int) or not fields:
            continue
        if step not in fields:
            return ""
        info = fields[step]
        current = _inner(info.annotation)
    if info is None:
        return ""
    examples = info.examples or _annotated_examples(info.annotation)
    return str(examples[0]) if examples else ""


def _annotated_examples(annotation: Any) -> list[Any]:
    """Examples of an ``Annotated[..., Field(examples=…)]`` inside an optional or a union."""
    for meta in getattr(annotation, "__metadata__", ()):
        if getattr(meta, "examples", None):
            return list(meta.examples)
    for arg in getattr(annotation, "__args__", ()):
        found = _annotated_examples(arg)
        if found:
            return found
    return []


def _inner(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner(arg)
        if found is not None:
            return found
    return None


def found_text(value: Any) -> str:
    """How the value appears in the message: quoted text, or nothing for no value."""
    if value is None or isinstance(value, dict | list):
        return ""
    text = str(value)
    return _("found „{value}“").format(value=text if len(text) <= 60 else text[:57] + "…")


def describe(err: ErrorDetails, title: str, example: str = "") -> tuple[str, str]:
    """``(message, hint)`` for one pydantic error about the field titled ``title``
    (``example``: a well-formed value of the field, from the schema, for the hint)."""
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "missing":
        return _("{field}: this key is missing").format(field=title), _(
            "add it; docs/felder.md lists every key"
        )
    if kind.startswith("date") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        return _("{field}: this day does not exist").format(field=title), _last_day(str(value))
    if kind.startswith("date"):
        return _("{field}: not a date").format(field=title), _(_DATE).format(
            example=_iso_date(value)
        )
    if kind.startswith("decimal") or kind in ("greater_than", "greater_than_equal"):
        return _amount(kind, title, ctx, value)
    if kind in ("less_than", "less_than_equal"):
        limit = ctx.get("le", ctx.get("lt"))
        return _("{field}: at most {limit}").format(field=title, limit=limit), _(
            "write a smaller number"
        )
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        shown = ", ".join(c for c in choices if c) or "…"
        return _("{field}: not one of the allowed values").format(field=title), _(
            "write one of: {choices}"
        ).format(choices=shown)
    if kind == "string_pattern_mismatch":
        what, example = _PATTERNS.get(str(ctx.get("pattern")), (N_("another form"), ""))
        hint = _("write {what}, e.g. {example}").format(
            what=_(what), example=_suggest(value, example)
        )
        return _("{field}: not in the expected form").format(field=title), hint
    if kind in ("value_error", "assertion_error"):
        text = str(ctx.get("error", err["msg"]))
        if example:
            return f"{title}: {text}", _("write it like this, e.g. {example}").format(
                example=example
            )
        return f"{title}: {text}", _("docs/felder.md shows an example of this field")
    message, hint = _SIMPLE.get(
        kind, (N_("{field}: this value does not fit here"), N_("see docs/felder.md"))
    )
    return _(message).format(field=title), _(hint)


def _amount(kind: str, title: str, ctx: dict[str, Any], value: Any) -> tuple[str, str]:
    if kind in ("greater_than", "greater_than_equal"):
        return _("{field}: must be greater than {limit}").format(
            field=title, limit=ctx.get("gt", ctx.get("ge"))
        ), _("write a positive amount")
    if kind in ("decimal_max_places", "decimal_max_digits", "decimal_whole_digits"):
        return _("{field}: too many digits").format(field=title), _(
            "use at most two decimal places (cents), e.g. 55.00"
        )
    return _("{field}: not an amount").format(field=title), _(_AMOUNT).format(
        example=_decimal_example(value)
    )


def _iso_date(value: Any) -> str:
    """``1.12.2026`` → ``2026-12-01``; anything else → the example ``2026-12-01``."""
    m = re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*", str(value or ""))
    if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[1]) <= 31:
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    return "2026-12-01"


def _decimal_example(value: Any) -> str:
    """``55,00 €`` → ``55.00``; anything else → ``55.00``."""
    text = re.sub(r"[€\s]|EUR", "", str(value or ""))
    m = re.fullmatch(r"(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{1,2}))?", text)
    if m:
        return f"{m[1].replace('.', '')}.{(m[2] or '0').ljust(2, '0')}"
    return "55.00"


def _suggest(value: Any, example: str) -> str:
    """A month written ``12/2026`` or ``12.2026`` → ``2026-12``; else the example."""
    m = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{4})\s*", str(value or ""))
    if example == "2026-12" and m and 1 <= int(m[1]) <= 12:
        return f"{m[2]}-{int(m[1]):02d}"
    return example


def _last_day(value: str) -> str:
    """``2026-11-31`` → the hint that month 11 of 2026 ends on the 30th."""
    year, month = int(value[:4]), int(value[5:7])
    if not 1 <= month <= 12:
        return _("the month is the middle part, 01 to 12: YYYY-MM-DD")
    last = calendar.monthrange(year, month)[1]
    return _("check day and month: this month ends on {date}").format(
        date=f"{year:04d}-{month:02d}-{last:02d}"
    )
