"""Load → validate → model: from file paths to a checked :class:`Engagement`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from vadocs import clock
from vadocs.data import yaml_source
from vadocs.data.names import quoted_names
from vadocs.data.partial import BROKEN, Unavailable, partial_model
from vadocs.data.rules import client_rules, profile_rules
from vadocs.data.secrets import scan
from vadocs.data.validation import SchemaErrors, validate
from vadocs.data.workspace import CATALOGUE_NAME, PROFILE_NAME, Workspace, builtin_catalogue
from vadocs.data.written import misread
from vadocs.documents.context import Engagement
from vadocs.errors import Problem, ProblemsError, Severity, VadocsError, shown
from vadocs.i18n import _
from vadocs.invoicing.invoice import month_bounds
from vadocs.invoicing.schedule import Skip, covered, merged, settled
from vadocs.model.catalogue import Anbieter, Katalog
from vadocs.model.client import Kundendatei
from vadocs.model.invoice_input import RechnungEingabe, Zeiteintrag
from vadocs.model.profile import Geschaeftsprofil
from vadocs.model.time_import import ZeitenCsv
from vadocs.timesheets import ImportReport, Request, import_times
from vadocs.timesheets.values import hm

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Loaded:
    engagement: Engagement
    warnings: list[Problem]
    imports: tuple[ImportReport, ...] = ()
    """What each invoice's time-tracker export gave (rows read, used, skipped)."""
    skips: tuple[Skip, ...] = ()
    """Invoices the engagement implies that are not issued, with the reason."""


def load_profile(file: Path) -> tuple[Geschaeftsprofil, list[Problem]]:
    """The valid profile and its warnings; raises :class:`ProblemsError` with every problem."""
    profil, problems = check_profile(yaml_source.load(file))
    return profil, _split(problems)


def check_profile(doc: yaml_source.Document) -> tuple[Any, list[Problem]]:
    """The profile — the valid part only when the schema failed — and all its problems:
    secrets, schema errors and the rules whose inputs are valid, each once, in file order."""
    profil, problems = validated(doc, Geschaeftsprofil)
    rules = [*profile_rules(doc, profil), *quoted_names(doc), *misread(doc)]
    return profil, _ordered(doc, [*scan(doc), *problems, *rules])


def validated(doc: yaml_source.Document, model: type[M]) -> tuple[M, list[Problem]]:
    """``doc`` as ``model`` and no problems; or, when the schema fails, the valid part
    (:func:`vadocs.data.partial.partial_model`: broken fields refuse to be read) and the
    schema problems."""
    try:
        return validate(doc, model), []
    except SchemaErrors as exc:
        return partial_model(model, exc.data, exc.locations), exc.problems


def _ordered(doc: yaml_source.Document, problems: list[Problem]) -> list[Problem]:
    """Each problem once; those of ``doc`` by line and column, then those of other files."""
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.file != doc.file, p.line or 0, p.column or 0))


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
    merged with those the engagement implies on ``today`` (for ``period``)
    (:mod:`vadocs.invoicing.schedule`). Raises :class:`ProblemsError` with every problem
    (schema, secrets, time-tracker exports and cross-field rules at once)."""
    doc = yaml_source.load(client_file)
    day = today or clock.today()
    datei, imports, problems, listed = check_client(doc, profil, katalog, day, period)
    warnings = _split(problems)
    datei, skips = settled(datei, listed)
    engagement = Engagement(profil, datei, client_file.stem, katalog)
    return Loaded(engagement, warnings, tuple(imports), tuple(skips))


def check_client(
    doc: yaml_source.Document,
    profil: Any,
    katalog: dict[str, Anbieter],
    today: date,
    period: str | None = None,
) -> tuple[Kundendatei, list[ImportReport], list[Problem], int]:
    """The client file (its valid part when the schema failed) with the invoices the
    engagement implies added after the listed ones, the time imports, every problem once
    (secrets, schema, exports, and each rule whose inputs are valid; the rules check the
    listed invoices), and the number of listed invoices. ``profil`` may be partial too
    (:mod:`vadocs.data.partial`)."""
    datei, problems = validated(doc, Kundendatei)
    listed = None
    if not problems:  # a valid file: the engagement's own invoices join the listed ones
        datei, listed = merged(datei, today, period)
    imports: list[ImportReport] = []
    try:
        datei, imports, found = with_csv_times(datei, doc, listed)
        problems += found
    except Unavailable:  # no valid rechnungen: no export to read
        pass
    own = datei
    if listed is not None:
        own = datei.model_copy(update={"rechnungen": datei.rechnungen[:listed]})
    rules = [*client_rules(doc, own, profil, katalog, today), *quoted_names(doc), *misread(doc)]
    found_all = _ordered(doc, [*scan(doc), *problems, *rules])
    return datei, imports, found_all, listed or 0


def with_csv_times(
    datei: Kundendatei, doc: yaml_source.Document, listed: int | None = None
) -> tuple[Kundendatei, list[ImportReport], list[Problem]]:
    """Merge the billed rows of each invoice's ``zeiten_csv`` into its ``zeiten``.

    The entries from index ``listed`` on are derived (their export is
    ``abrechnung.zeiten_csv``; a month without rows is no error there).

    Returns the client file, one import report per CSV invoice, and every problem and
    warning of the imports (``file:line`` of the export). An invoice whose export failed
    keeps unreadable ``zeiten`` (:data:`~vadocs.data.partial.BROKEN`), so no rule draws a
    conclusion from its missing hours.
    """
    problems: list[Problem] = []
    invoices, reports = [], []
    for i, r in enumerate(datei.rechnungen):
        try:
            if r.zeiten_csv is None:
                invoices.append(r)
                continue
            derived = listed is not None and (
                i >= listed or r.zeiten_csv == datei.abrechnung.zeiten_csv
            )
            request = _time_request(doc.file.parent, r, derived, covered(datei.auftrag, r.zeitraum))
        except Unavailable:  # this invoice did not validate
            invoices.append(r)
            continue
        if not request.file.is_file():
            where = ("abrechnung", "zeiten_csv") if derived else ("rechnungen", i, "zeiten_csv")
            message = _("time-tracker export not found: {file}").format(file=shown(request.file))
            if all(p.message != message for p in problems):
                hint = _("give the path relative to the client file")
                problems.append(doc.problem(where, message, hint))
            invoices.append(r.model_copy(update={"zeiten": BROKEN}))
            continue
        try:
            imported = import_times(request)
        except VadocsError as exc:
            problems += (
                exc.problems
                if isinstance(exc, ProblemsError)
                else [Problem(request.file, exc.message, hint=exc.hint)]
            )
            invoices.append(r.model_copy(update={"zeiten": BROKEN}))
            continue
        extra = [
            Zeiteintrag(datum=e.datum, taetigkeit=e.taetigkeit, dauer=hm(e.minuten))
            for e in imported.entries
        ]
        invoices.append(r.model_copy(update={"zeiten": [*r.zeiten, *extra]}))
        reports.append(imported.report)
        problems += imported.warnings
    return datei.model_copy(update={"rechnungen": invoices}), reports, problems


def _time_request(
    folder: Path, r: RechnungEingabe, derived: bool, days: tuple[date, date] | None
) -> Request:
    """The import of ``r``'s month, only its ``days`` inside the engagement when given (rows
    before the start or after the end count as outside the period)."""
    spec = r.zeiten_csv
    if not isinstance(spec, ZeitenCsv):
        spec = ZeitenCsv(datei=str(spec))
    von, bis = days or month_bounds(r.zeitraum)
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
    """Raise :class:`ProblemsError` when ``doc`` holds something that looks like a secret."""
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


def validate_files(
    files: list[Path], ws_for: dict[Path, Workspace], today: date | None = None
) -> list[Problem]:
    """Validate each file against its own schema; every problem once, all at once.

    A profile's problems are reported once however many client files use it; when
    the profile is broken, its client files are still checked with its valid part.
    """
    found: list[Problem] = []
    profiles: dict[Path, Any] = {}
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
            if kind == "client":
                on = today or clock.today()
                found += check_client(doc, profiles[key], load_catalogue(ws), on)[2]
        except ProblemsError as exc:
            found += exc.problems
        except VadocsError as exc:
            found.append(Problem(file, exc.message, hint=exc.hint))
    return list(dict.fromkeys(found))


def _profile_once(file: Path) -> tuple[Any, list[Problem]]:
    try:
        return check_profile(yaml_source.load(file))
    except ProblemsError as exc:
        return BROKEN, exc.problems
    except VadocsError as exc:
        return BROKEN, [Problem(file, exc.message, hint=exc.hint)]
