"""Legal coverage: each template still says what docs/recht.md requires for its document.

``vadocs/resources/coverage/<template-stem>.yaml`` lists, per checklist ID, indicator
phrases (regular expressions, case-insensitive) that must all appear in the
rendered text, and optionally ``absent`` phrases that must not, optionally only ``when`` a
Jinja expression holds for the client. Review IDs (R-…) point to ``docs/recht.md``.
A missing MUSS point is an error naming the ID and the law; a missing SOLL point
a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from vadocs.checks.dry_render import Rendered
from vadocs.documents.environment import make_environment
from vadocs.errors import Problem, Severity
from vadocs.i18n import _

LEVELS = {"MUSS": Severity.ERROR, "SOLL": Severity.WARNING}


@dataclass(frozen=True)
class Requirement:
    id: str
    level: str
    law: str
    element: str
    phrases: tuple[re.Pattern[str], ...]
    when: Callable[..., Any] | None = None
    """The compiled ``when`` expression, if any."""
    absent: tuple[re.Pattern[str], ...] = ()
    """Phrases that must NOT occur (a wording the checklist rules out)."""

    def applies(self, context: dict[str, Any]) -> bool:
        if self.when is None:
            return True
        try:
            return bool(self.when(**context))
        except JinjaTemplateError:
            return False  # a condition on a value this document does not have


def default_coverage_dir() -> Path:
    return Path(str(resources.files("vadocs") / "resources" / "coverage"))


def load_requirements(file: Path) -> tuple[list[Requirement], list[Problem]]:
    """The checklist in ``file``; entries that cannot be used become problems."""
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [], [
            Problem(
                file,
                _("cannot read the coverage list: {exc}").format(exc=exc),
                rule="COVERAGE-DATA",
            )
        ]
    if not isinstance(data, list):
        return [], [Problem(file, _("the coverage list must be a YAML list"), rule="COVERAGE-DATA")]
    env = make_environment()
    found: list[Requirement] = []
    problems: list[Problem] = []
    for i, entry in enumerate(data):
        try:
            found.append(_requirement(env, entry))
        except (KeyError, TypeError, ValueError, re.error, JinjaTemplateError) as exc:
            message = f"entry {i + 1}: unusable ({type(exc).__name__}: {exc})"
            problems.append(Problem(file, message, path=f"[{i}]", rule="COVERAGE-DATA"))
    return found, problems


def _requirement(env: ImmutableSandboxedEnvironment, entry: Any) -> Requirement:
    if entry["level"] not in ("MUSS", "SOLL", "KANN"):
        raise ValueError(
            _("level must be MUSS, SOLL or KANN, not {entry_level!r}").format(
                entry_level=entry["level"]
            )
        )
    phrases = tuple(re.compile(str(p), re.IGNORECASE) for p in entry["phrases"])
    if not phrases:
        raise ValueError(_("no phrases"))
    when = entry.get("when")
    condition = None if when is None else env.compile_expression(str(when))
    fields = (str(entry["id"]), entry["level"], str(entry["law"]), str(entry.get("element", "")))
    absent = tuple(re.compile(str(p), re.IGNORECASE) for p in entry.get("absent", ()))
    return Requirement(*fields, phrases, condition, absent)


def check_coverage(
    template: Path, requirements: list[Requirement], rendered: list[Rendered]
) -> list[Problem]:
    problems = []
    for req in requirements:
        if req.level not in LEVELS:
            continue
        missing: dict[str, list[str]] = {}
        for item in rendered:
            if item.case.example.hostile or not req.applies(item.case.context):
                continue
            for phrase in req.phrases:
                if not phrase.search(item.text):
                    missing.setdefault(phrase.pattern, []).append(item.case.label)
            for phrase in req.absent:
                if phrase.search(item.text):
                    missing.setdefault("not " + phrase.pattern, []).append(item.case.label)
        if missing:
            pattern, labels = next(iter(missing.items()))
            more = " …" if len(labels) > 3 else ""
            problems.append(Problem(
                template,
                _("{id} ({law}) is missing: {element} — no text matches /{pattern}/ (for {join_labels_3}{more})").format(id=req.id, law=req.law, element=req.element, pattern=pattern, join_labels_3=', '.join(labels[:3]), more=more),
                path="legal coverage", severity=LEVELS[req.level], rule="LEGAL-COVERAGE",
                hint=_("restore the clause ({level} point {id} in docs/recht.md); `git diff` with `vadocs text` shows what changed").format(level=req.level, id=req.id),
            ))  # fmt: skip
    return problems
