"""The one error hierarchy of vadocs.

Everything a user can cause (a wrong YAML file, a broken template, a missing
LibreOffice) raises a subclass of :class:`VadocsError`. The CLI turns these into
messages and a non-zero exit code; any other exception is a bug in vadocs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from vadocs.i18n import _, ngettext


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding in one input file, located as precisely as we can."""

    file: Path | None
    message: str
    path: str = ""
    line: int | None = None
    column: int | None = None
    hint: str = ""
    severity: Severity = Severity.ERROR
    rule: str = ""

    def location(self) -> str:
        parts = [str(shown(self.file)) if self.file else "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def _own_location(self) -> tuple[str, str] | None:
        """``(location, rest)`` when the message already starts with this problem's file
        (an error text of the file reader, ``kunden/x.yaml:3: …``): the file is named once."""
        if self.file is None or self.line is not None:
            return None
        for name in dict.fromkeys((str(self.file), str(shown(self.file)))):
            found = re.match(re.escape(name) + r"((?::\d+){0,2}): ", self.message)
            if found:
                return str(shown(self.file)) + found[1], self.message[found.end() :]
        return None

    def format(self) -> str:
        """``file:line:col: path: message (hint)`` — one line per problem."""
        head, message = self._own_location() or (self.location(), self.message)
        if self.severity is Severity.WARNING:
            head += ": " + _("warning")
        body = f"{self.path}: {message}" if self.path else message
        text = f"{head}: {body}"
        if self.hint:
            text += "\n    " + _("hint") + f": {self.hint}"
        return text


def shown(path: Path) -> Path:
    """``path`` as the user sees it: relative to the current folder when it lies below it,
    or close above it (``../vadocs.yaml`` seen from ``kunden/``, ``../vorlagen/x.docx``:
    at most two folders up and two down); otherwise as given."""
    if not path.is_absolute():
        return path
    try:
        relative = Path(os.path.relpath(path, Path.cwd()))
    except (OSError, ValueError):  # no current folder, or another drive
        return path
    ups = relative.parts.count("..")
    near = ups == 0 or (ups <= 2 and len(relative.parts) - ups <= 2)
    return relative if near else path


class VadocsError(Exception):
    """Base class of every error a user can cause."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def format(self) -> str:
        return self.message + "\n    " + _("hint") + f": {self.hint}" if self.hint else self.message


class ProblemsError(VadocsError):
    """Validation found one or more problems; all of them are carried, none is lost."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        errors = [p for p in problems if p.severity is Severity.ERROR]
        n = len(errors)
        super().__init__(ngettext("{n} problem found", "{n} problems found", n).format(n=n))
        self.problems = list(problems)

    def format(self) -> str:
        return "\n".join(p.format() for p in self.problems)

    def __str__(self) -> str:
        return self.format()


class InputFileError(VadocsError):
    """A file cannot be read as the input it should be (missing, binary, too large, …)."""


class WorkspaceError(VadocsError):
    """The workspace (business profile, folders) is not where or what it should be."""


class TemplateError(VadocsError):
    """A Word template cannot be loaded or rendered."""


class ConverterError(VadocsError):
    """LibreOffice failed to turn a DOCX into a PDF."""


class ConverterMissingError(ConverterError):
    """No LibreOffice (soffice) was found."""


class OutputError(VadocsError):
    """An output file could not be written."""


class LedgerError(VadocsError):
    """The invoice ledger refuses an operation (e.g. an issued invoice would change)."""


def raise_if_errors(problems: Iterable[Problem]) -> None:
    found = list(problems)
    if any(p.severity is Severity.ERROR for p in found):
        raise ProblemsError(found)


class EInvoiceError(VadocsError):
    """An e-invoice cannot be made or checked, or breaks EN 16931 / XRechnung rules.

    ``rules`` names the broken rules (e.g. ``BR-CO-15``), so a build can refuse
    to issue the invoice and say why; it is empty when the checker itself is
    missing (which never counts as a pass).
    """

    def __init__(self, message: str, *, rules: Sequence[str] = (), hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.rules = tuple(rules)
