"""Load → validate → model: from file paths to a checked :class:`Engagement`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vadocs import clock
from vadocs.data import yaml_source
from vadocs.data.rules import client_rules, file_rules, profile_rules
from vadocs.data.secrets import scan
from vadocs.data.validation import validate
from vadocs.data.workspace import CATALOGUE_NAME, PROFILE_NAME, Workspace, builtin_catalogue
from vadocs.documents.context import Engagement
from vadocs.errors import Problem, ProblemsError, Severity, VadocsError
from vadocs.invoicing.invoice import month_bounds
from vadocs.invoicing.schedule import Skip, merged, settled
from vadocs.model.catalogue import Anbieter, Katalog
from vadocs.model.client import Kundendatei
from vadocs.model.invoice_input import RechnungEingabe, Zeiteintrag
from vadocs.model.profile import Geschaeftsprofil
from vadocs.model.time_import import ZeitenCsv
from vadocs.timesheets import ImportReport, Request, import_times
from vadocs.timesheets.values import hm


@dataclass(frozen=True)
class Loaded:
    engagement: Engagement
    warnings: list[Problem]
    imports: tuple[ImportReport, ...] = ()
    """What each invoice's time-tracker export gave (rows read, used, skipped)."""
    skips: tuple[Skip, ...] = ()
    """Invoices the engagement implies that are not issued, with the reason."""


def load_profile(file: Path) -> tuple[Geschaeftsprofil, list[Problem]]:
    doc = yaml_source.load(file)
    refuse_secrets(doc)
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
    client_file: Path,
    ws: Workspace,
    profil: Geschaeftsprofil,
    katalog: dict[str, Anbieter],
    today: date | None = None,
    period: str | None = None,
) -> Loaded:
    """The engagement of ``client_file`` with its invoices: those listed in ``rechnungen:``
    merged with those the engagement implies on ``today`` (for ``period``) (:mod:`vadocs.invoicing.schedule`);
    the rules check the listed ones. Raises :class:`ProblemsError` with every problem."""
    doc = yaml_source.load(client_file)
    refuse_secrets(doc)
    day = today or clock.today()
    try:
        datei, listed = merged(validate(doc, Kundendatei), day, period)
        datei, imports, warnings = with_csv_times(datei, doc, listed)
    except ProblemsError as exc:  # all at once: the file's own rules despite schema errors
        raise ProblemsError([*file_rules(doc), *exc.problems]) from None
    own = datei.model_copy(update={"rechnungen": datei.rechnungen[:listed]})
    warnings += _split(list(client_rules(doc, own, profil, katalog, day)))
    datei, skips = settled(datei, listed)
    engagement = Engagement(profil, datei, client_file.stem, katalog)
    return Loaded(engagement, warnings, tuple(imports), tuple(skips))


def with_csv_times(
    datei: Kundendatei, doc: yaml_source.Document, listed: int | None = None
) -> tuple[Kundendatei, list[ImportReport], list[Problem]]:
    """Merge the billed rows of each invoice's ``zeiten_csv`` into its ``zeiten``.

    The entries from index ``listed`` on are derived (their export is
    ``abrechnung.zeiten_csv``; a month without rows is no error there). Returns the client file, one import report per CSV invoice and the import warnings;
    raises :class:`ProblemsError` with every problem (``file:line`` of the export).
    """
    problems: list[Problem] = []
    invoices, reports, warnings = [], [], []
    for i, r in enumerate(datei.rechnungen):
        if r.zeiten_csv is None:
            invoices.append(r)
            continue
        derived = listed is not None and (
            i >= listed or r.zeiten_csv == datei.abrechnung.zeiten_csv
        )
        request = _time_request(doc.file.parent, r, derived)
        if not request.file.is_file():
            where = ("abrechnung", "zeiten_csv") if derived else ("rechnungen", i, "zeiten_csv")
            message = f"Zeiterfassungs-Export nicht gefunden: {request.file}"
            if all(p.message != message for p in problems):
                problems.append(doc.problem(where, message, "Pfad relativ zur Kundendatei angeben"))
            invoices.append(r)
            continue
        try:
            imported = import_times(request)
        except ProblemsError as exc:
            problems += exc.problems
            invoices.append(r)
            continue
        except VadocsError as exc:
            problems.append(Problem(request.file, exc.message, hint=exc.hint))
            invoices.append(r)
            continue
        extra = [
            Zeiteintrag(datum=e.datum, taetigkeit=e.taetigkeit, dauer=hm(e.minuten))
            for e in imported.entries
        ]
        invoices.append(r.model_copy(update={"zeiten": [*r.zeiten, *extra]}))
        reports.append(imported.report)
        warnings += imported.warnings
    if problems:
        raise ProblemsError(problems)
    return datei.model_copy(update={"rechnungen": invoices}), reports, warnings


def _time_request(folder: Path, r: RechnungEingabe, derived: bool = False) -> Request:
    spec = r.zeiten_csv
    if not isinstance(spec, ZeitenCsv):
        spec = ZeitenCsv(datei=str(spec))
    von, bis = month_bounds(r.zeitraum)
    return Request(
        folder / spec.datei,
        von,
        bis,
        client=r.zeiten_kunde,
        project=r.zeiten_projekt,
        columns=spec.spalten.model_dump() if spec.spalten else None,
        date_format=spec.datumsformat,
        duration_format=spec.dauerformat,
        include_unbillable=spec.nicht_abrechenbare,
        allow_empty=derived,
    )


def refuse_secrets(doc: yaml_source.Document) -> None:
    found = scan(doc)
    if found:
        raise ProblemsError(found)


def _split(problems: list[Problem]) -> list[Problem]:
    """Raise if any problem is an error; otherwise return the warnings."""
    if any(p.severity is Severity.ERROR for p in problems):
        raise ProblemsError(problems)
    return problems


def file_kind(file: Path, data: object) -> str:
    """``"profile"``, ``"catalogue"`` or ``"client"``: by the file's name, else its top keys."""
    if file.name == CATALOGUE_NAME:
        return "catalogue"
    if file.name == PROFILE_NAME:
        return "profile"
    keys = set(data) if isinstance(data, dict) else set()
    if "kunde" in keys or "auftrag" in keys:
        return "client"
    if keys & {"bank", "kontakt", "rechnungsnummer", "kleinunternehmer"}:
        return "profile"
    if keys and all(isinstance(v, dict) and "anbieter" in v for v in dict(data).values()):  # type: ignore[call-overload]
        return "catalogue"
    return "client"


def validate_files(files: list[Path], ws_for: dict[Path, Workspace]) -> list[Problem]:
    """Validate each file against its own schema; every problem once, all at once.

    A profile's problems are reported once however many client files use it; when
    the profile is broken, its client files are still checked against their schema.
    """
    found: list[Problem] = []
    profiles: dict[Path, Geschaeftsprofil | None] = {}
    for file in files:
        ws = ws_for[file]
        try:
            doc = yaml_source.load(file)
            kind = file_kind(file, doc.data)
            if kind == "catalogue":
                validate(doc, Katalog)
                continue
            profile_file = file if kind == "profile" else ws.profile_file
            key = profile_file.resolve()
            if key not in profiles:
                profiles[key], problems = _profile_once(profile_file)
                found += problems
            profil = profiles[key]
            if kind == "client" and profil is not None:
                found += load_engagement(file, ws, profil, load_catalogue(ws)).warnings
            elif kind == "client":  # the profile is broken: check what does not need it
                refuse_secrets(doc)
                found += file_rules(doc)
                validate(doc, Kundendatei)
        except ProblemsError as exc:
            found += exc.problems
        except VadocsError as exc:
            found.append(Problem(file, exc.message, hint=exc.hint))
    return found


def _profile_once(file: Path) -> tuple[Geschaeftsprofil | None, list[Problem]]:
    try:
        return load_profile(file)
    except ProblemsError as exc:
        return None, exc.problems
    except VadocsError as exc:
        return None, [Problem(file, exc.message, hint=exc.hint)]
