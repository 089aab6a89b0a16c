"""``check_templates``: every check on every template, all problems collected in one result."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vadocs.checks.context_types import DictShape, context_shape
from vadocs.checks.coverage import check_coverage, default_coverage_dir, load_requirements
from vadocs.checks.dry_render import dry_render
from vadocs.checks.examples import (
    Example,
    RenderCase,
    cases_for,
    hostile_examples,
    load_examples,
)
from vadocs.checks.filters import check_filters
from vadocs.checks.jinja_parts import ParsedPart, parse_parts
from vadocs.checks.package import check_package, open_template
from vadocs.checks.revisions import check_revisions
from vadocs.checks.tags import check_tags
from vadocs.checks.variables import check_variables
from vadocs.data.workspace import builtin_templates
from vadocs.documents.kinds import ALL, AUFTRAGSBESTAETIGUNG, DocumentKind
from vadocs.errors import Problem, Severity

log = logging.getLogger(__name__)


@dataclass
class CheckResult:
    templates: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    renders: int = 0
    strict: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def failed(self) -> bool:
        """Errors, or with ``strict`` any warning."""
        return bool(self.errors or (self.strict and self.warnings))


def template_files(folder: Path) -> list[Path]:
    """The .docx files in ``folder``, without Word's ``~$`` lock files."""
    return sorted(p for p in folder.glob("*.docx") if not p.name.startswith(("~$", ".")))


def kind_of(template: Path) -> DocumentKind:
    """The document a template is for, by its file name (contracts for unknown names)."""
    return next((k for k in ALL if k.template == template.name), AUFTRAGSBESTAETIGUNG)


def check_templates(
    templates_dir: Path | None,
    examples_dir: Path | None,
    strict: bool,
    *,
    files: Sequence[Path] | None = None,
    coverage_dir: Path | None = None,
) -> CheckResult:
    """Check ``files`` (default: every .docx in ``templates_dir``, default the built-in ones)."""
    templates = list(files) if files else template_files(templates_dir or builtin_templates())
    examples, problems = load_examples(examples_dir)
    examples += hostile_examples()
    result = _Run(examples, coverage_dir or default_coverage_dir())
    checked = CheckResult(templates=templates, problems=problems, strict=strict)
    for template in templates:
        checked.problems += result.check(template)
    checked.renders = result.renders
    return checked


class _Run:
    def __init__(self, examples: list[Example], coverage_dir: Path) -> None:
        self.examples = examples
        self.coverage_dir = coverage_dir
        self.shapes: dict[str, DictShape] = {}
        self.cases: dict[str, list[RenderCase]] = {}
        self.renders = 0

    def cases_for(self, kind: DocumentKind) -> list[RenderCase]:
        if kind.key not in self.cases:
            self.cases[kind.key] = [c for e in self.examples for c in cases_for(kind, e)]
        return self.cases[kind.key]

    def shape(self, kind: DocumentKind) -> DictShape:
        if kind.key not in self.shapes:
            self.shapes[kind.key] = context_shape(c.context for c in self.cases_for(kind))
        return self.shapes[kind.key]

    def check(self, template: Path) -> list[Problem]:
        log.debug("checking %s", template)
        pkg, problems = open_template(template)
        if pkg is None:
            return problems
        problems += check_package(pkg)
        problems += check_revisions(pkg)
        broken = check_tags(pkg)
        problems += [p for found in broken.values() for p in found]
        blocked = [label for label, found in broken.items() if _has_error(found)]
        parts, syntax = parse_parts(pkg, skip=blocked)
        static = syntax + check_variables(parts, self.shape(kind_of(template)), template)
        static += check_filters(parts, template)
        problems += static
        if blocked or _has_error(static):
            return problems
        return problems + self._rendered(template, parts)

    def _rendered(self, template: Path, parts: list[ParsedPart]) -> list[Problem]:
        cases = self.cases_for(kind_of(template))
        rendered, problems = dry_render(template, cases, parts)
        self.renders += len(cases)
        coverage_file = self.coverage_dir / f"{template.stem}.yaml"
        if coverage_file.is_file() and not problems:
            requirements, bad = load_requirements(coverage_file)
            problems += bad + check_coverage(template, requirements, rendered)
        return problems


def _has_error(problems: Iterable[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
