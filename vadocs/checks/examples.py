"""The clients every template is rendered for: the example workspaces and two hostile ones."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from vadocs import clock
from vadocs.checks.hostile_data import HOSTILE_CLIENTS, HOSTILE_PROFILE
from vadocs.data import yaml_source
from vadocs.data.loading import load_catalogue, load_engagement, load_profile
from vadocs.data.validation import validate
from vadocs.data.workspace import PROFILE_NAME, Workspace, builtin_catalogue
from vadocs.documents.context import Engagement, base_context, invoice_context
from vadocs.documents.kinds import MAHNUNG, RECHNUNG, DocumentKind
from vadocs.errors import Problem, ProblemsError, VadocsError
from vadocs.i18n import _
from vadocs.invoicing.girocode import girocode_png
from vadocs.invoicing.invoice import KIND_ORDER, Rechnung, compute
from vadocs.invoicing.snapshots import mirrored
from vadocs.model.catalogue import Katalog
from vadocs.model.client import Kundendatei
from vadocs.model.profile import Geschaeftsprofil


@dataclass(frozen=True)
class Example:
    name: str
    engagement: Engagement
    workspace: Workspace
    hostile: bool = False


@dataclass(frozen=True)
class RenderCase:
    """One rendering of a template: an example, its context and the images bound to it."""

    example: Example
    label: str
    context: dict[str, Any]
    images: dict[str, bytes]


def default_examples_dir() -> Path:
    """``examples/`` of a source checkout, else the sample workspace ``vadocs init`` writes."""
    checkout = Path(__file__).resolve().parents[2] / "examples"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("vadocs") / "resources" / "init"))


def workspaces_in(folder: Path) -> list[Path]:
    """``folder`` itself if it is a workspace, else the workspaces directly inside it."""
    if (folder / PROFILE_NAME).is_file():
        return [folder]
    return (
        sorted(p for p in folder.iterdir() if (p / PROFILE_NAME).is_file())
        if folder.is_dir()
        else []
    )


def load_examples(folder: Path | None) -> tuple[list[Example], list[Problem]]:
    """Every client file of every workspace in ``folder``; bad ones become problems."""
    folder = folder or default_examples_dir()
    roots = workspaces_in(folder)
    if not roots:
        return [], [
            Problem(
                folder,
                _("no example workspace ({PROFILE_NAME}) found").format(PROFILE_NAME=PROFILE_NAME),
                rule="EXAMPLE",
                hint=_("pass --examples with a folder that holds a vadocs.yaml"),
            )
        ]
    examples: list[Example] = []
    problems: list[Problem] = []
    for root in roots:
        ws = Workspace(root, root / PROFILE_NAME)
        try:
            profil, _warnings = load_profile(ws.profile_file)
            katalog = load_catalogue(ws)
            for file in sorted((root / "kunden").glob("*.yaml")):
                loaded = load_engagement(file, ws, profil, katalog, clock.today())
                examples.append(Example(file.stem, loaded.engagement, ws))
        except ProblemsError as exc:
            problems += [dataclasses.replace(p, rule="EXAMPLE") for p in exc.problems]
        except VadocsError as exc:
            problems.append(Problem(root, exc.message, hint=exc.hint, rule="EXAMPLE"))
    return examples, problems


def hostile_examples() -> list[Example]:
    """Clients full of ``& < > „ € ß``, line breaks and empty lists, valid by the schema."""
    root = default_examples_dir()
    ws = Workspace(root, root / PROFILE_NAME)
    katalog = dict(validate(yaml_source.load(builtin_catalogue()), Katalog).root)
    profil = Geschaeftsprofil.model_validate(HOSTILE_PROFILE)
    return [
        Example(
            name,
            Engagement(profil, Kundendatei.model_validate(data), name, katalog),
            ws,
            hostile=True,
        )
        for name, data in HOSTILE_CLIENTS.items()
    ]


def cases_for(kind: DocumentKind, example: Example) -> list[RenderCase]:
    e = example.engagement
    if kind == MAHNUNG:
        from vadocs.checks.reminder_cases import reminder_cases

        return reminder_cases(example)
    if kind != RECHNUNG:
        ctx = base_context(e, kind.title, e.datei.auftrag.datum)
        return [RenderCase(example, example.name, ctx, {})]
    cases = []
    seen: set[str] = set()
    advances: dict[str, tuple[str, date]] = {}
    entries = sorted(e.datei.rechnungen, key=lambda r: (r.zeitraum, KIND_ORDER[r.art]))
    for number, entry in enumerate(entries, start=1):
        r = compute(e.profil, e.datei, entry)
        r = dataclasses.replace(r, nummer=f"{r.datum.year}-{number:04d}")
        if r.art == "vorauszahlung":
            advances[r.zeitraum] = (r.nummer, r.datum)
        r = _named_advances(r, advances.get(r.zeitraum))
        if entry.art in seen:
            continue
        seen.add(entry.art)
        cases.append(_invoice_case(example, r))
        if example.hostile and number == 1:
            storno = mirrored(
                r,
                f"{r.datum.year}-{len(entries) + 1:04d}",
                r.datum,
                "Falscher Zeitraum & „Tippfehler“ <neu>",
            )
            cases.append(_invoice_case(example, storno))
    return cases


def _named_advances(r: Rechnung, advance: tuple[str, date] | None) -> Rechnung:
    """Deducted advances named by number and date, as the invoice planner names them."""
    if advance is None or not r.abzuege:
        return r
    from vadocs.einvoice.advance import advance_label

    number, when = advance
    return dataclasses.replace(
        r,
        abzuege=tuple(
            dataclasses.replace(a, bezeichnung=advance_label(a.bezeichnung, number, when))
            for a in r.abzuege
        ),
    )


def _invoice_case(example: Example, r: Rechnung) -> RenderCase:
    e = example.engagement
    ctx = invoice_context(e, r)
    ctx["entwurf"] = False
    images = {"girocode": girocode_image()} if r.zahlbetrag > 0 else {}
    return RenderCase(example, f"{example.name}, {r.titel} {r.nummer}", ctx, images)


@lru_cache(maxsize=1)
def girocode_image() -> bytes:
    """A real GiroCode image; which payment it encodes does not matter to a template."""
    return girocode_png("Anna Schmidt", "DE02120300000000202051", Decimal("1.00"), "2026-0001")
