"""``vadocs reminders``: what is due on a day, and building, archiving and recording it.

Phases as in ``vadocs build``: plan (open items → levels → statements), render every
reminder, convert all in one LibreOffice call, then inside one ledger transaction archive
and record each reminder and write its files; the ledger commits only when every file
is written, so a failed run records nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from vadocs.build.results import no_progress
from vadocs.build.writing import CONVERT_TIMEOUT, convert_all
from vadocs.data.loading import load_catalogue, load_engagement, load_profile
from vadocs.data.workspace import Workspace
from vadocs.documents.context import Engagement
from vadocs.documents.kinds import MAHNUNG
from vadocs.documents.planning import Planned, fresh_files, info_for, render_kind
from vadocs.dunning.basiszins import load_table
from vadocs.dunning.claim import Mahnung, record_of, statement
from vadocs.dunning.context import reminder_context
from vadocs.dunning.levels import Faellig, Zurueckgestellt, next_level, reminders_due
from vadocs.dunning.records import archive_and_record, sent_reminders
from vadocs.dunning.sources import OpenItemsSource, with_payments
from vadocs.errors import Problem, ProblemsError, VadocsError
from vadocs.invoicing.cancellation import client_file_of
from vadocs.invoicing.girocode import girocode_png
from vadocs.invoicing.ledger import Ledger
from vadocs.output import file_name, write_atomic
from vadocs.pdf.converter import make_converter

DEFAULT_SOURCE: OpenItemsSource = with_payments
"""Where open amounts come from. Without recorded payments every issued, uncancelled
invoice counts as open in full; the payments ledger replaces this with its open items."""

FILE_LABELS = ("Zahlungserinnerung", "Mahnung-1", "Mahnung-2")


@dataclass(frozen=True)
class Vorschlag:
    """One reminder due: the level, the client and the statement of claim."""

    faellig: Faellig
    engagement: Engagement
    mahnung: Mahnung


@dataclass
class Plan:
    """Everything due on ``stichtag``; ``problems`` holds warnings and unusable client files."""

    stichtag: date
    vorschlaege: list[Vorschlag] = field(default_factory=list)
    zurueckgestellt: list[Zurueckgestellt] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: dict[str, list[str]] = field(default_factory=dict)
    """Clients whose file has errors → the numbers of their overdue invoices (no reminder)."""


def plan_reminders(
    ws: Workspace, ledger: Ledger, on: date, source: OpenItemsSource = DEFAULT_SOURCE
) -> Plan:
    """The reminders due on ``on`` with their claims; nothing is written.

    Raises :class:`ProblemsError` when the business profile is invalid; a client file
    that cannot be loaded becomes a problem and its invoices are skipped (``Plan.skipped``);
    the other clients' reminders are planned as usual.
    """
    profil, _ = load_profile(ws.profile_file)
    settings = profil.mahnwesen
    items = source(ledger, on)
    sent = sent_reminders(ledger)
    plan = Plan(on)
    overdue = {
        f.client for f in items if next_level(f, sent.get(f.number, ()), settings, on) is not None
    }
    clients = _load_clients(ws, sorted(overdue), on, plan.problems)
    stops = {
        k: e.datei.abrechnung.mahnstopp_grund or ""
        for k, e in clients.items()
        if e.datei.abrechnung.mahnstopp
    }
    known = [f for f in items if f.client in clients]
    for k in sorted(overdue - set(clients)):
        plan.skipped[k] = sorted({f.number for f in items if f.client == k})
    due, plan.zurueckgestellt = reminders_due(known, sent, stops, settings, on)
    tabelle = load_table()
    if due and (warning := tabelle.coverage_problem(on)) is not None:
        plan.problems.append(warning)
    for d in due:
        e = clients[d.forderung.client]
        business = e.datei.kunde.art == "unternehmen"
        m = statement(d, sent.get(d.forderung.number, ()), business, settings, tabelle)
        plan.vorschlaege.append(Vorschlag(d, e, m))
    used = [z.von for v in plan.vorschlaege for z in v.mahnung.zinsabschnitte]
    if (unsure := tabelle.unverified_problem(used)) is not None:
        plan.problems.append(unsure)
    return plan


def _load_clients(
    ws: Workspace, kuerzel: Iterable[str], on: date, problems: list[Problem]
) -> dict[str, Engagement]:
    if not kuerzel:
        return {}
    profil, _ = load_profile(ws.profile_file)
    katalog = load_catalogue(ws)
    found = {}
    for k in kuerzel:
        try:
            file = client_file_of(ws, k)
            found[k] = load_engagement(file, ws, profil, katalog, on).engagement
        except ProblemsError as exc:
            problems += exc.problems
        except VadocsError as exc:
            problems.append(Problem(ws.root / "kunden", exc.message, hint=exc.hint))
    return found


def build_reminders(
    ws: Workspace, ledger: Ledger, plan: Plan, *, soffice: str | None, output: Path | None = None
) -> list[Path]:
    """Write each planned reminder as DOCX (and PDF when ``soffice`` is given), archive and
    record it; return the files written to ``output`` (default ``out/``) per client.

    Raises :class:`VadocsError` (e.g. LibreOffice failed); then nothing is recorded.
    """
    docs = [_render(ws, v) for v in plan.vorschlaege]
    if soffice is not None and docs:
        with make_converter(soffice, timeout=CONVERT_TIMEOUT, documents=len(docs)) as converter:
            convert_all(docs, converter, no_progress)
    written: list[Path] = []
    with ledger.issuing():
        for v, doc in zip(plan.vorschlaege, docs, strict=True):
            files = fresh_files(doc)
            archive_and_record(ledger, record_of(v.mahnung), files)
            folder = (output or ws.default_output) / v.engagement.kuerzel
            for name, data in files.items():
                write_atomic(folder / name, data)
                written.append(folder / name)
    return written


def _render(ws: Workspace, v: Vorschlag) -> Planned:
    e, m = v.engagement, v.mahnung
    number = v.faellig.forderung.number
    bank = e.profil.bank
    image = girocode_png(
        bank.kontoinhaberin or e.profil.name, bank.iban, m.offen, number, bank.bic or ""
    )
    docx = render_kind(MAHNUNG, ws, reminder_context(e, m), e, {"girocode": image})
    base = Path(file_name(m.datum, FILE_LABELS[m.stufe], e.kuerzel, "x", nummer=number)).stem
    return Planned(
        kind=MAHNUNG,
        kuerzel=e.kuerzel,
        datum=m.datum,
        base=base,
        docx=docx,
        info=info_for(e, f"{m.titel} zur Rechnung {number}"),
    )
