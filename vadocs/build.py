"""``vadocs build``: client files → rendered DOCX → one LibreOffice run → PDFs → written files.

Phases: load and validate every client; plan and render each document (invoices
take their numbers from the ledger inside one transaction); convert all DOCX of
the run in one LibreOffice call; write everything atomically; commit the ledger.
A client with problems is reported and skipped; nothing of it is written.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Literal

from vadocs import pdf_metadata
from vadocs.context import Engagement
from vadocs.convert import PdfConverter, find_soffice
from vadocs.errors import (
    ConverterMissingError,
    LedgerError,
    Problem,
    ProblemsError,
    VadocsError,
    WorkspaceError,
)
from vadocs.issuing import InvoicePlanner
from vadocs.ledger import Ledger
from vadocs.loading import load_catalogue, load_engagement, load_profile
from vadocs.output import file_name, private_dir, stable_docx, write_atomic
from vadocs.planning import Planned, plan_contracts
from vadocs.workspace import Workspace, find_workspace

log = logging.getLogger(__name__)

PdfMode = Literal["auto", "require", "off"]
INSTALL_HINT = "sudo apt-get install libreoffice-writer-nogui fonts-liberation2 fonts-crosextra-carlito"


@dataclass(frozen=True)
class BuildOptions:
    output: Path | None = None
    only: frozenset[str] | None = None
    pdf: PdfMode = "auto"
    draft: bool = False
    profile: Path | None = None
    soffice: str | None = None
    today: date | None = None


@dataclass
class ClientResult:
    client_file: Path
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error: VadocsError | None = None


@dataclass
class BuildReport:
    clients: list[ClientResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(c.error is not None for c in self.clients)


@dataclass
class _ClientJob:
    result: ClientResult
    out_dir: Path
    engagement: Engagement | None = None
    docs: list[Planned] = field(default_factory=list)


def build(files: Sequence[Path], options: BuildOptions) -> BuildReport:
    """Build every document of every client file; see the module docstring."""
    report = BuildReport()
    groups: dict[Path, tuple[Workspace, list[Path]]] = {}
    for file in files:
        ws = find_workspace(file, options.profile)
        groups.setdefault(ws.root, (ws, []))[1].append(file)
    soffice = _soffice_for(options)
    if soffice is None and options.pdf == "auto":
        report.notes.append(f"LibreOffice not found: wrote DOCX only. For PDFs: {INSTALL_HINT}")
    for ws, client_files in groups.values():
        report.clients += _build_workspace(ws, client_files, options, soffice)
    return report


def _build_workspace(
    ws: Workspace, files: list[Path], options: BuildOptions, soffice: str | None
) -> list[ClientResult]:
    profil, profile_warnings = load_profile(ws.profile_file)
    katalog = load_catalogue(ws)
    out_root = options.output or ws.default_output
    jobs: list[_ClientJob] = []
    for file in files:
        result = ClientResult(file, warnings=list(profile_warnings))
        try:
            loaded = load_engagement(file, ws, profil, katalog, options.today)
        except VadocsError as exc:
            result.error = exc
            jobs.append(_ClientJob(result, out_root))
            continue
        result.warnings += loaded.warnings
        engagement = loaded.engagement
        job = _ClientJob(result, out_root / engagement.kuerzel, engagement)
        try:
            job.docs = plan_contracts(engagement, ws, options.only)
        except VadocsError as exc:
            result.error = exc
        jobs.append(job)
    wants_invoices = options.only is None or "rechnung" in options.only
    invoicing = wants_invoices and any(
        j.engagement.datei.rechnungen for j in jobs if j.engagement and j.result.error is None
    )
    ledger = Ledger(ws.state_dir / "ledger.sqlite") if invoicing else None
    try:
        _issue_and_write(ws, jobs, options, soffice, ledger)
    finally:
        if ledger is not None:
            ledger.close()
    return [j.result for j in jobs]


def _issue_and_write(
    ws: Workspace, jobs: list[_ClientJob], options: BuildOptions, soffice: str | None,
    ledger: Ledger | None,
) -> None:
    live = [j for j in jobs if j.result.error is None]
    if ledger is None:
        _convert_and_write(live, soffice, None)
        return
    with ledger.issuing():
        planner = InvoicePlanner(ledger, ws, draft=options.draft)
        for job in live:
            if job.engagement is None:
                continue
            try:
                job.docs += planner.plan(job.engagement, options.only)
            except VadocsError as exc:
                job.result.error = exc
                job.docs = []
        live = [j for j in live if j.result.error is None]
        _convert_and_write(live, soffice, planner)


def _convert_and_write(
    jobs: list[_ClientJob], soffice: str | None, planner: InvoicePlanner | None
) -> None:
    fresh = [d for j in jobs for d in j.docs if d.archived is None]
    if soffice is not None and fresh:
        _convert(fresh, soffice)
    for job in jobs:
        if planner is not None:
            planner.archive([d for d in job.docs if d.invoice is not None])
        private_dir(job.out_dir)
        for name, data in _outputs(job.docs):
            target = job.out_dir / name
            (job.result.written if write_atomic(target, data) else job.result.unchanged).append(
                target
            )


def _convert(docs: list[Planned], soffice: str) -> None:
    with tempfile.TemporaryDirectory(prefix="vadocs-") as tmp:
        folder = Path(tmp)
        sources = []
        for i, doc in enumerate(docs):
            src = folder / f"{i:04d}-{doc.base}.docx"
            src.write_bytes(doc.docx)
            sources.append(src)
        with PdfConverter(soffice) as converter:
            pdfs = converter.convert(sources, folder / "pdf")
        for doc, src in zip(docs, sources, strict=True):
            stamp = datetime.combine(doc.datum, time(12, 0))
            doc.pdf = pdf_metadata.set_metadata(pdfs[src].read_bytes(), doc.info, date=stamp)


def _outputs(docs: list[Planned]) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for doc in docs:
        if doc.archived is not None:
            out += list(doc.archived.items())
            continue
        out.append((doc.base + ".docx", stable_docx(doc.docx)))
        if doc.pdf is not None:
            out.append((doc.base + ".pdf", doc.pdf))
    contracts = [d for d in docs if d.invoice is None and d.pdf is not None]
    if len(contracts) > 1:
        first = contracts[0]
        merged = pdf_metadata.merge(
            [d.pdf for d in contracts if d.pdf is not None],
            pdf_metadata.PdfInfo(
                title=f"Vertragsunterlagen – {first.info.subject}",
                author=first.info.author, subject=first.info.subject,
            ),
            [d.kind.title for d in contracts],
        )
        out.append((file_name(first.datum, "Vertragsunterlagen", first.kuerzel, "pdf"), merged))
    return out


__all__ = ["BuildOptions", "BuildReport", "ClientResult", "ProblemsError", "build"]


def cancel_invoice(
    start: Path, number: str, reason: str, options: BuildOptions
) -> ClientResult:
    """Issue the Stornorechnung for ``number``: own number, mirrored amounts, archived."""
    ws = find_workspace(start, options.profile)
    soffice = _soffice_for(options)
    ledger = Ledger(ws.state_dir / "ledger.sqlite")
    try:
        issued = ledger.get(number)
        if issued is None:
            raise LedgerError(f"there is no invoice {number}",
                              hint="`vadocs invoices list` shows the issued invoices")
        client_file = _client_file(ws, issued.client)
        profil, _ = load_profile(ws.profile_file)
        engagement = load_engagement(
            client_file, ws, profil, load_catalogue(ws), options.today).engagement
        result = ClientResult(client_file)
        job = _ClientJob(result, (options.output or ws.default_output) / engagement.kuerzel,
                         engagement)
        with ledger.issuing():
            planner = InvoicePlanner(ledger, ws)
            job.docs = [planner.plan_cancellation(engagement, number, reason,
                                                  options.today or date.today())]
            _convert_and_write([job], soffice, planner)
        return result
    finally:
        ledger.close()


def _soffice_for(options: BuildOptions) -> str | None:
    soffice = None if options.pdf == "off" else find_soffice(options.soffice)
    if soffice is None and options.pdf == "require":
        raise ConverterMissingError("LibreOffice (soffice) was not found, and --pdf demands PDFs",
                                    hint=INSTALL_HINT)
    return soffice


def _client_file(ws: Workspace, client: str) -> Path:
    direct = ws.root / "kunden" / f"{client}.yaml"
    if direct.is_file():
        return direct
    found = sorted(p for p in ws.root.rglob(f"{client}.yaml") if "out" not in p.parts)
    if not found:
        raise WorkspaceError(
            f"the client file {client}.yaml was not found in {ws.root}",
            hint="the cancellation invoice needs the client's file for the parties' details")
    return found[0]
