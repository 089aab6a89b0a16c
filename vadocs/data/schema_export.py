"""The JSON Schema files for editors, generated from the model — one source of truth."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from vadocs.model.catalogue import Katalog
from vadocs.model.client import Kundendatei
from vadocs.model.profile import Geschaeftsprofil

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "vadocs.schema.json": (Geschaeftsprofil, "vadocs – Geschäftsprofil (vadocs.yaml)"),
    "kunde.schema.json": (Kundendatei, "vadocs – Kundendatei"),
    "unterauftragsverarbeiter.schema.json": (
        Katalog,
        "vadocs – Katalog der Unterauftragsverarbeiter",
    ),
}
BASE_URI = "https://vadocs.invalid/schemas/"


def generate(name: str) -> dict[str, Any]:
    model, title = SCHEMAS[name]
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE_URI + name,
        **schema,
        "title": title,
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
