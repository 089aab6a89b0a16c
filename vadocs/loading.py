"""Load → validate → model: from file paths to a checked :class:`Engagement`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vadocs import yaml_source
from vadocs.context import Engagement
from vadocs.errors import Problem, ProblemsError, Severity, VadocsError
from vadocs.model.catalogue import Anbieter, Katalog
from vadocs.model.client import Kundendatei
from vadocs.model.profile import Geschaeftsprofil
from vadocs.rules import client_rules, profile_rules
from vadocs.validation import validate
from vadocs.workspace import Workspace, builtin_catalogue


@dataclass(frozen=True)
class Loaded:
    engagement: Engagement
    warnings: list[Problem]


def load_profile(file: Path) -> tuple[Geschaeftsprofil, list[Problem]]:
    doc = yaml_source.load(file)
    profil = validate(doc, Geschaeftsprofil)
    return profil, _split(list(profile_rules(doc, profil)))


def load_catalogue(ws: Workspace) -> dict[str, Anbieter]:
    """The built-in catalogue, with the workspace's own entries added or replacing."""
    entries = dict(validate(yaml_source.load(builtin_catalogue()), Katalog).root)
    own = ws.catalogue_file
    if own is not None:
        entries.update(validate(yaml_source.load(own), Katalog).root)
    return entries


def load_engagement(
    client_file: Path, ws: Workspace, profil: Geschaeftsprofil, katalog: dict[str, Anbieter],
    today: date | None = None,
) -> Loaded:
    doc = yaml_source.load(client_file)
    datei = validate(doc, Kundendatei)
    warnings = _split(list(client_rules(doc, datei, profil, katalog, today or date.today())))
    return Loaded(Engagement(profil, datei, client_file.stem, katalog), warnings)


def _split(problems: list[Problem]) -> list[Problem]:
    """Raise if any problem is an error; otherwise return the warnings."""
    if any(p.severity is Severity.ERROR for p in problems):
        raise ProblemsError(problems)
    return problems


def validate_files(files: list[Path], ws_for: dict[Path, Workspace]) -> list[Problem]:
    """Validate each file (profile or client); collect every problem of every file."""
    found: list[Problem] = []
    for file in files:
        try:
            ws = ws_for[file]
            profil, warnings = load_profile(ws.profile_file)
            found += warnings
            if file.resolve() != ws.profile_file.resolve():
                found += load_engagement(file, ws, profil, load_catalogue(ws)).warnings
        except ProblemsError as exc:
            found += exc.problems
        except VadocsError as exc:
            found.append(Problem(file, exc.message, hint=exc.hint))
    return found
