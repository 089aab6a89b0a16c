"""The published JSON Schema files are generated from the model and never drift from it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import EXAMPLES, ROOT
from vadocs.data.schema_export import SCHEMAS, check_schemas, generate
from vadocs.data.yaml_source import load


def test_committed_schemas_are_current() -> None:
    assert check_schemas(ROOT / "schemas") == [], "run `vadocs schema --write`"


def test_every_field_has_a_german_title() -> None:
    def walk(node: object, path: str) -> list[str]:
        missing: list[str] = []
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                # pydantic drops a field title equal to its model's title; the $def has it
                if "title" not in prop and "$ref" not in prop:
                    missing.append(f"{path}.{name}")
            for key, value in node.items():
                missing += walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, item in enumerate(node):
                missing += walk(item, f"{path}[{i}]")
        return missing

    for name in SCHEMAS:
        assert walk(generate(name), name) == []


def test_unknown_keys_are_forbidden_everywhere() -> None:
    def objects(node: object) -> list[dict[str, object]]:
        found: list[dict[str, object]] = []
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                found.append(node)
            for value in node.values():
                found += objects(value)
        elif isinstance(node, list):
            for item in node:
                found += objects(item)
        return found

    for name in SCHEMAS:
        for obj in objects(generate(name)):
            assert obj.get("additionalProperties") is False, (name, obj.get("title"))


def _as_editor_sees_it(value: object) -> object:
    """Editors type YAML scalars themselves; mimic that for numbers and booleans."""
    if isinstance(value, dict):
        return {k: _as_editor_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees_it(v) for v in value]
    if value in ("true", "false"):
        return value == "true"
    if isinstance(value, str) and value.replace(".", "", 1).isdigit() and not value.startswith("0"):
        return int(value) if value.isdigit() else float(value)
    return value


@pytest.mark.parametrize("file", sorted(EXAMPLES.glob("*/kunden/*.yaml")), ids=lambda p: p.stem)
def test_examples_validate_against_the_published_schema(file: Path) -> None:
    schema = json.loads((ROOT / "schemas" / "kunde.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(_as_editor_sees_it(load(file).data), schema)
