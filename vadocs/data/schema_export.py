"""The JSON Schema files for editors, generated from the model — one source of truth."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from vadocs.model.catalogue import Katalog
from vadocs.model.client import Kundendatei
from vadocs.model.profile import Geschaeftsprofil

SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "vadocs.schema.json": (
        Geschaeftsprofil,
        "vadocs – Geschäftsprofil (vadocs.yaml)",
        "Ihr Geschäftsprofil: wer Sie sind, wie Sie Rechnungen stellen, Ihre Standardpreise.",
    ),
    "kunde.schema.json": (
        Kundendatei,
        "vadocs – Kundendatei",
        "Eine Kundendatei: wer der Kunde ist, was vereinbart wurde, und Ausnahmen bei Rechnungen.",
    ),
    "unterauftragsverarbeiter.schema.json": (
        Katalog,
        "vadocs – Katalog der Unterauftragsverarbeiter",
        "Ihre Ergänzungen zum Katalog der Werkzeuge und Dienste (Unterauftragsverarbeiter).",
    ),
}
BASE_URI = "https://vadocs.invalid/schemas/"


def generate(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) ``name`` for editors: German titles and descriptions
    only — the models' English docstrings (written for developers) are left out; the fields'
    German titles and descriptions stay."""
    model, title, description = SCHEMAS[name]
    schema = model.model_json_schema(mode="validation")
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE_URI + name,
        **schema,
        "title": title,
        "description": description,
    }


def render(name: str) -> str:
    return json.dumps(generate(name), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = folder / name
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written


def check_schemas(folder: Path) -> list[Path]:
    """Files in ``folder`` that differ from what the model generates."""
    stale = []
    for name in SCHEMAS:
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != render(name):
            stale.append(path)
    return stale
