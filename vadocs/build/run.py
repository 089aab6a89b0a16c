"""``vadocs build``: client files → rendered DOCX → one LibreOffice run → PDFs → written files.

Phases: load and validate every client; plan and render each document (invoices
take their numbers from the ledger inside one transaction); convert all DOCX of
the run in one LibreOffice call; write everything atomically; commit the ledger.
A client with problems is reported and skipped; nothing of it is written.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from vadocs.build.cache import BuildCache
from vadocs.build.preflight import (
    gate_jobs,
    preview_note,
    record_contracts,
    settle_template_failures,
    threshold_notes,
)
from vadocs.build.results import BuildOptions, BuildReport, ClientResult, Progress, no_progress
from vadocs.build.writing import (
    CONVERT_TIMEOUT,
    ClientJob,
    convert_all,
    reuse_rendered,
    write_jobs,
)
from vadocs.data.loading import load_catalogue, load_engagement, load_profile
from vadocs.data.workspace import Workspace, find_workspace
from vadocs.documents.kinds import contracts_for
from vadocs.documents.planning import Planned, plan_contracts
from vadocs.errors import ConverterMissingError, Problem, VadocsError
from vadocs.i18n import _
from vadocs.invoicing.issuing import InvoicePlanner
from vadocs.invoicing.ledger import Ledger, utc_now
from vadocs.pdf.converter import ENV_CONVERTER, Converter, make_converter
from vadocs.pdf.oneshot import INSTALL_HINT, find_soffice
from vadocs.pdf.shared import SharedConverter, connect_shared


def build(
    files: Sequence[Path],
    options: BuildOptions,
    progress: Progress = no_progress,
    *,
    converter: Converter | None = None,
) -> BuildReport:
    """Build every document of every client file; see the module docstring.

    ``converter``: a running converter to use (and leave running), as ``vadocs watch``
    passes its warm LibreOffice; without it, a build borrows the converter of a watch on
    the same workspace (:mod:`vadocs.pdf.shared`) or starts its own.
    """
    report = BuildReport()
    groups: dict[Path, tuple[Workspace, list[Path]]] = {}
    for file in files:
        ws = find_workspace(file, options.profile)
        groups.setdefault(ws.root, (ws, []))[1].append(file)
    soffice = soffice_for(options)
    if soffice is None and options.pdf == "auto":
        report.notes.append(_("LibreOffice not found: wrote DOCX only. To get PDFs, {hint}")
                            .format(hint=_(INSTALL_HINT)))  # fmt: skip
        if not options.draft:
            # An issued invoice never changes, so it is not issued without its PDF and
            # e-invoice: without LibreOffice it is a draft. --no-pdf issues DOCX on purpose.
            options = replace(options, draft=True)
            report.notes.append(_("invoices were written as drafts (ENTWURF, no number used); "
                                  "they are issued once LibreOffice is installed, or with --no-pdf"))  # fmt: skip
    if options.preview:
        report.notes.append(preview_note(options))
        options = replace(options, draft=True, record=False)
    for ws, client_files in groups.values():
        report.clients += _build_workspace(
            ws, client_files, options, soffice, progress, converter, report.notes
        )
        report.notes += threshold_notes(ws)
    return report


def soffice_for(options: BuildOptions) -> str | None:
    soffice = None if options.pdf == "off" else find_soffice(options.soffice)
    if soffice is None and options.pdf == "require":
        raise ConverterMissingError(
            _("LibreOffice (soffice) was not found, and --pdf demands PDFs"), hint=_(INSTALL_HINT)
        )
    return soffice


def _build_workspace(
    ws: Workspace,
    files: list[Path],
    options: BuildOptions,
    soffice: str | None,
    progress: Progress,
    shared: Converter | None = None,
    notes: list[str] | None = None,
) -> list[ClientResult]:
    profil, profile_warnings = load_profile(ws.profile_file)
    katalog = load_catalogue(ws)
    out_root = options.output or ws.default_output
    cache = BuildCache(ws.state_dir / "build-cache.json", enabled=not options.force)
    jobs: list[ClientJob] = []
    for file in files:
        result = ClientResult(file, warnings=list(profile_warnings))
        job = ClientJob(result, out_root)
        jobs.append(job)
        try:
            loaded = load_engagement(file, ws, profil, katalog, options.day, options.period)
            job.engagement = loaded.engagement
            job.skips = loaded.skips
            job.out_dir = out_root / loaded.engagement.kuerzel
            result.warnings += loaded.warnings
            result.imports += loaded.imports
        except VadocsError as exc:
            result.error = exc
    gate_jobs(jobs, ws, options)
    progress("total", str(_expected_documents(jobs, options)))
    # LibreOffice boots in the background while the documents are rendered.
    converter = None if soffice is None else shared or _own_converter(ws, soffice, jobs, options)
    if isinstance(converter, SharedConverter) and notes is not None:
        notes.append(_("PDFs made by the warm LibreOffice of the running `vadocs watch`"))
    if converter is not None:
        converter.start()
    try:
        _plan_contracts(jobs, ws, options, cache, converter is not None, progress)
        ledger = Ledger(ws.state_dir / "ledger.sqlite") if _invoicing(jobs, options) else None
        try:
            _issue_and_write(ws, jobs, options, converter, ledger, cache, progress)
        finally:
            if ledger is not None:
                ledger.close()
    finally:
        if converter is not None and converter is not shared:
            converter.close()
    settle_template_failures(jobs)
    cache.save()
    if options.record:
        record_contracts(jobs, ws)
    return [j.result for j in jobs]


def _own_converter(
    ws: Workspace, soffice: str, jobs: list[ClientJob], options: BuildOptions
) -> Converter:
    """The converter of a running ``vadocs watch`` when one answers (unless
    ``VADOCS_CONVERTER`` asks for a particular one), else one started for this build."""
    if os.environ.get(ENV_CONVERTER, "auto").strip().lower() in ("", "auto"):
        warm = connect_shared(ws.state_dir, timeout=CONVERT_TIMEOUT)
        if warm is not None:
            return warm
    documents = _expected_documents(jobs, options)
    return make_converter(soffice, timeout=CONVERT_TIMEOUT, documents=documents)


def _expected_documents(jobs: list[ClientJob], options: BuildOptions) -> int:
    count = 0
    for job in jobs:
        if job.engagement is None:
            continue
        datei = job.engagement.datei
        if options.period is None:
            count += len(contracts_for(datei))
        count += sum(1 for r in datei.rechnungen if options.period in (None, r.zeitraum))
    return count


def _plan_contracts(
    jobs: list[ClientJob],
    ws: Workspace,
    options: BuildOptions,
    cache: BuildCache,
    pdf: bool,
    progress: Progress,
) -> None:
    if options.period is not None:
        return
    for job in jobs:
        if job.engagement is None or job.result.error is not None:
            continue
        try:
            job.docs = plan_contracts(
                job.engagement, ws, options.only, cache, job.out_dir, pdf, *options.days
            )
        except VadocsError as exc:
            job.result.error = exc
        for doc in job.docs:
            progress("plan", f"{doc.kuerzel}: {doc.kind.title}")


def _invoicing(jobs: list[ClientJob], options: BuildOptions) -> bool:
    if options.only is not None and "rechnung" not in options.only:
        return False
    return any(
        j.engagement.datei.rechnungen
        for j in jobs
        if j.engagement is not None and j.result.error is None
    )


def _issue_and_write(
    ws: Workspace,
    jobs: list[ClientJob],
    options: BuildOptions,
    converter: Converter | None,
    ledger: Ledger | None,
    cache: BuildCache,
    progress: Progress,
) -> None:
    live = [j for j in jobs if j.result.error is None]
    if ledger is None:
        _convert_and_write(live, converter, None, cache, progress)
        return
    with ledger.issuing():
        planner, planned, errors = _plan_invoices(ws, live, options, converter, ledger)
        for job in (j for j in live if j.engagement is not None):
            key = job.engagement.kuerzel if job.engagement else ""
            notes = planner.notes.get(key, [])
            job.result.warnings += [replace(n, file=job.result.client_file) for n in notes]
            if key in errors:
                job.result.error = errors[key]
                job.docs = []
                continue
            invoices = planned.get(key, [])
            job.result.warnings += _einvoice_warnings(job.result.client_file, invoices)
            for doc in invoices:
                progress("plan", f"{doc.kuerzel}: {doc.invoice.titel if doc.invoice else ''}")
            job.docs += invoices
            if options.period:
                job.note_period(invoices, options.period, options.day)
        _convert_and_write(
            [j for j in live if j.result.error is None], converter, planner, cache, progress
        )


def _plan_invoices(
    ws: Workspace,
    live: list[ClientJob],
    options: BuildOptions,
    converter: Converter | None,
    ledger: Ledger,
) -> tuple[InvoicePlanner, dict[str, list[Planned]], dict[str, VadocsError]]:
    """Plan the invoices: drafts for the clients that may not issue, numbers for the rest."""
    planned: dict[str, list[Planned]] = {}
    errors: dict[str, VadocsError] = {}
    planners = []
    for draft in (True, False):
        group = [
            j.engagement
            for j in live
            if j.engagement is not None and (options.draft or bool(j.draft)) == draft
        ]
        planner = InvoicePlanner(
            ledger,
            ws,
            draft=draft or options.draft,
            with_pdf=converter is not None,
            today=options.day,
            datum=options.datum,
            now=options.now or utc_now,
        )
        found, failed = planner.plan_all(group, options.only, options.period)
        planned.update(found)
        errors.update(failed)
        planners.append(planner)
    planners[1].notes.update(planners[0].notes)
    return planners[1], planned, errors


def _convert_and_write(
    jobs: list[ClientJob],
    converter: Converter | None,
    planner: InvoicePlanner | None,
    cache: BuildCache,
    progress: Progress,
) -> None:
    reuse_rendered(jobs, cache, converter is not None)
    if converter is not None:
        convert_all([d for j in jobs for d in j.docs if d.archived is None], converter, progress)
    write_jobs(jobs, planner, cache, progress)


def _einvoice_warnings(client_file: Path, docs: list[Planned]) -> list[Problem]:
    """What validating the new e-invoices warned about, located at the client file."""
    said = _("e-invoice {number}: {message}")
    return [
        replace(
            w, file=client_file, message=said.format(number=d.invoice.nummer, message=w.message)
        )
        for d in docs
        if d.einvoice is not None and d.invoice is not None
        for w in d.einvoice.warnings
    ]
