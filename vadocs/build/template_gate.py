"""No issue from a template with errors: ``check``'s error rules, run before issuing.

An issued invoice cannot be changed, and a sent contract should not carry struck-through
text or a lost salutation. So before a build renders anything to issue, every template it
uses is checked with the rules of ``vadocs check`` that are errors (tag breakage, tracked
changes and comments, unknown fields, lost legal clauses …). A template is checked once
per content: the result is cached by the file's SHA-256, in memory and in
``.vadocs/template-checks.json``.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from vadocs.data.workspace import builtin_templates
from vadocs.errors import Problem, Severity, TemplateError, shown
from vadocs.i18n import _, language
from vadocs.invoicing.ledger import sha256
from vadocs.output import private_dir, write_atomic

CACHE_NAME = "template-checks.json"
_checked: dict[str, list[dict[str, object]]] = {}
"""In-process cache: template hash → its error problems (as stored on disk)."""


def template_errors(template: Path, state_dir: Path) -> list[Problem]:
    """The errors ``vadocs check`` reports for ``template`` (empty: fit to issue from).

    A built-in template of the installed package has none: it was checked before release
    (``tests/checks/test_checks.py::test_builtin_templates_pass_check_strict``), so only the
    user's own templates (``vorlagen/``) are checked here — a cold build saves ~2 s.
    """
    from vadocs.checks.runner import check_templates

    if template.resolve().parent == builtin_templates().resolve():
        return []

    # the messages are stored in words: a new version or language checks again
    key = f"{sha256(template.read_bytes())}:{language()}:{version('vadocs')}"
    cache_file = state_dir / CACHE_NAME
    stored = _read(cache_file)
    if key not in _checked and key in stored:
        _checked[key] = stored[key]
    if key not in _checked:
        checked = check_templates(None, None, False, files=[template])
        found = [p for p in checked.errors if p.file == template]  # not the sample data's
        _checked[key] = [
            {"message": p.message, "path": p.path, "line": p.line, "hint": p.hint, "rule": p.rule}
            for p in found
        ]
    if stored.get(key) != _checked[key] and state_dir.is_dir():
        stored[key] = _checked[key]
        private_dir(state_dir)
        write_atomic(cache_file, json.dumps(stored, sort_keys=True, indent=1).encode())
    return [_problem(template, item) for item in _checked[key]]


def _problem(template: Path, item: dict[str, object]) -> Problem:
    line = item.get("line")
    return Problem(
        template,
        str(item["message"]),
        path=str(item.get("path") or ""),
        line=line if isinstance(line, int) else None,
        hint=str(item.get("hint") or ""),
        rule=str(item.get("rule") or ""),
    )


def _read(cache_file: Path) -> dict[str, list[dict[str, object]]]:
    try:
        loaded = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged cache only costs a check
    return loaded if isinstance(loaded, dict) else {}


class TemplateRefusal(TemplateError):
    """Issuing refused because a template has errors; ``problems`` are the template's
    errors (one per problem, so a report can show each once however many clients use it)."""

    def __init__(self, what: str, problems: list[Problem]) -> None:
        super().__init__(
            _(
                "{what} are not issued: the template has errors that `vadocs check` reports "
                "(rule: no issue from a template with errors)"
            ).format(what=what),
            hint=_(
                "fix the template (accept or reject tracked changes, repair the tags), check it "
                "with `vadocs check`, and build again; --draft previews the documents meanwhile"
            ),
        )
        self.problems = list(problems)

    def format(self) -> str:
        return "\n".join([*(p.format() for p in self.problems), super().format()])


class BrokenTemplate(TemplateError):
    """A template that failed to render, with the errors ``check`` located in it."""

    def __init__(self, template: Path, problems: list[Problem]) -> None:
        super().__init__(
            _("the template {template} has errors").format(template=shown(template)),
            hint=_("fix them in Word and check the template with `vadocs check`"),
        )
        self.problems = list(problems)

    def format(self) -> str:
        return "\n".join(p.format() for p in self.problems)


def refusal(what: str, problems: list[Problem]) -> TemplateRefusal:
    """The error that stops issuing ``what`` (e.g. "invoices for mueller-gmbh")."""
    return TemplateRefusal(what, problems)


def as_warnings(problems: list[Problem]) -> list[Problem]:
    """The same problems as warnings, for drafts (which may render with a visible warning)."""
    return [
        Problem(
            p.file,
            _("draft built from a template with errors: {message}").format(message=p.message),
            path=p.path,
            line=p.line,
            hint=p.hint,
            severity=Severity.WARNING,
            rule=p.rule,
        )
        for p in problems
    ]
