"""A check result as a SARIF 2.1.0 log, for GitHub code scanning (returned, never printed).

Format: OASIS "Static Analysis Results Interchange Format (SARIF) Version 2.1.0" (errata 01).
One run whose tool is vadocs; ``tool.driver.rules`` lists every rule that fired, with the
description of :data:`vadocs.checks.rule_index.RULE_INDEX`; each problem is one result with
``ruleId``/``ruleIndex``, ``level`` (``error``/``warning``, §3.27.10) and one location.

A Word template has no text lines: the physical location names the file (relative to the
folder the check ran in, ``uriBaseId`` ``%SRCROOT%``) with ``startLine`` 1 unless a line is
known, and the part of the document (body, header, table cell …) is a logical location
(§3.33), so the viewer shows the file and the message says where in it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vadocs import __version__
from vadocs.checks.reporting import relative_file
from vadocs.checks.rule_index import RULE_INDEX
from vadocs.checks.runner import CheckResult
from vadocs.errors import Problem, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def as_sarif(result: CheckResult, base: Path | None = None) -> str:
    """The whole SARIF log as JSON text (UTF-8, not ASCII-escaped)."""
    rules: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for p in result.problems:
        rule = p.rule or "VADOCS"
        if rule not in rules:
            rules[rule] = len(descriptors)
            descriptors.append(_descriptor(rule))
        results.append(_result(p, rule, rules[rule], base))
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "vadocs",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _descriptor(rule: str) -> dict[str, Any]:
    text = RULE_INDEX.get(rule, "a problem found by vadocs check")
    return {"id": rule, "name": rule, "shortDescription": {"text": text}}


def _result(p: Problem, rule: str, index: int, base: Path | None) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": p.line if p.line and p.line > 0 else 1}
    if p.column is not None and p.column > 0:
        region["startColumn"] = p.column
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {
                "uri": relative_file(p, base).replace("\\", "/"),
                "uriBaseId": "%SRCROOT%",
            },
            "region": region,
        }
    }
    if p.path:
        location["logicalLocations"] = [{"fullyQualifiedName": p.path, "kind": "element"}]
    text = f"{p.path}: {p.message}" if p.path else p.message
    if p.hint:
        text += f" (hint: {p.hint})"
    return {
        "ruleId": rule,
        "ruleIndex": index,
        "level": "warning" if p.severity is Severity.WARNING else "error",
        "message": {"text": text},
        "locations": [location],
    }
