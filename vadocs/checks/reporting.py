"""A check result as text lines, JSON, or GitHub Actions annotations (returned, never printed)."""

from __future__ import annotations

import json
from pathlib import Path

from vadocs.checks.runner import CheckResult
from vadocs.errors import Problem, Severity
from vadocs.i18n import _, ngettext


def relative_file(p: Problem, base: Path | None) -> str:
    """The problem's file relative to ``base`` where it lies below it, else as given."""
    if p.file is None:
        return "<input>"
    if base is not None:
        try:
            return str(p.file.resolve().relative_to(base.resolve()))
        except ValueError:
            pass
    return str(p.file)


def where(p: Problem, base: Path | None = None) -> str:
    """``file:location`` with ``:line:col`` where a line is known."""
    head = relative_file(p, base)
    if p.path:
        head += f":{p.path}"
    if p.line is not None:
        head += f":{p.line}" + (f":{p.column}" if p.column is not None else "")
    return head


def as_text(result: CheckResult, base: Path | None = None) -> list[str]:
    """``file:location: RULE: message`` per problem, the hint on an indented line."""
    lines = []
    for p in result.problems:
        level = _("warning") + ": " if p.severity is Severity.WARNING else ""
        lines.append(f"{where(p, base)}: {p.rule or 'PROBLEM'}: {level}{p.message}")
        if p.hint:
            hint = _("hint")
            lines.append(f"    {hint}: {p.hint}")
    return lines


def summary(result: CheckResult) -> str:
    n = len(result.templates)
    return _("{templates}, {renders} renderings: {errors} error(s), {warnings} warning(s)").format(
        templates=ngettext("{n} template checked", "{n} templates checked", n).format(n=n),
        renders=result.renders,
        errors=len(result.errors),
        warnings=len(result.warnings),
    )


def as_json(result: CheckResult, base: Path | None = None) -> str:
    return json.dumps(
        {
            "templates": [str(t) for t in result.templates],
            "renders": result.renders,
            "failed": result.failed,
            "problems": [
                {
                    "file": relative_file(p, base),
                    "location": p.path,
                    "line": p.line,
                    "column": p.column,
                    "rule": p.rule,
                    "severity": p.severity.value,
                    "message": p.message,
                    "hint": p.hint,
                }
                for p in result.problems
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def as_github(result: CheckResult, base: Path | None = None) -> list[str]:
    """``::error file=…,title=RULE::message`` workflow commands, one per problem."""
    lines = []
    for p in result.problems:
        level = "warning" if p.severity is Severity.WARNING else "error"
        props = f"file={_escape_property(relative_file(p, base))}"
        if p.line is not None:
            props += f",line={p.line}"
        props += f",title={_escape_property(p.rule or 'vadocs')}"
        text = f"{p.path}: {p.message}" if p.path else p.message
        if p.hint:
            hint = _("hint")
            text += f"\n{hint}: {p.hint}"
        lines.append(f"::{level} {props}::{_escape_data(text)}")
    return lines


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
