"""Convert every rendered DOCX of a run in one LibreOffice call, then write the results."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from vadocs.build.cache import BuildCache
from vadocs.build.results import ClientResult, Progress
from vadocs.documents.context import Engagement
from vadocs.documents.planning import Planned, draft_names, fresh_files
from vadocs.errors import Problem, Severity
from vadocs.i18n import _
from vadocs.invoicing.issuing import InvoicePlanner
from vadocs.invoicing.schedule import REGULAR, Skip, why_nothing
from vadocs.output import file_name, private_dir, stable_docx, sweep_temporary, write_atomic
from vadocs.pdf import metadata as pdf_metadata
from vadocs.pdf.converter import Converter

CONVERT_TIMEOUT = 300.0
"""Seconds for LibreOffice's start and (batch CLI) the whole batch; a hang is killed."""


@dataclass
class ClientJob:
    result: ClientResult
    out_dir: Path
    engagement: Engagement | None = None
    docs: list[Planned] = field(default_factory=list)
    draft: str = ""
    """Why this client's invoices are drafts only (sample profile, not accepted)."""
    skips: tuple[Skip, ...] = ()
    """Invoices the engagement implies that are not issued, with the reason."""
    template_problems: list[Problem] = field(default_factory=list)
    """The ``check`` errors of the templates a draft is built from (shown as warnings)."""

    def nothing_due(self, period: str, day: date) -> str:
        """Why no invoice of month ``period`` is issued on ``day`` (a message for the user)."""
        datei = self.engagement.datei if self.engagement else None
        why = datei and why_nothing(datei, list(self.skips), period, day)
        return why or _("nothing due for {period}").format(period=period)

    def note_period(self, invoices: Sequence[Planned], period: str, day: date) -> None:
        """Say why the month's own invoice is not issued: as the reason the client is
        skipped when nothing is, else as a warning (e.g. only the advance is issued)."""
        if not invoices:
            self.result.skipped = self.nothing_due(period, day)
        elif self.engagement and not any(
            r.art in REGULAR and r.zeitraum == period for r in self.engagement.datei.rechnungen
        ):  # a listed or derived month's invoice not issued says why itself
            why = self.nothing_due(period, day)
            self.result.warnings.append(
                Problem(self.result.client_file, why, severity=Severity.WARNING)
            )


def convert_all(docs: Sequence[Planned], converter: Converter, progress: Progress) -> None:
    """One conversion call for all ``docs``; each gets its PDF with our metadata."""
    if not docs:
        return
    progress("convert", str(len(docs)))
    with tempfile.TemporaryDirectory(prefix="vadocs-") as tmp:
        folder = Path(tmp)
        sources = []
        for i, doc in enumerate(docs):
            src = folder / f"{i:04d}-{doc.base}.docx"
            src.write_bytes(doc.docx)
            sources.append(src)
        # PDF/A-3b for everything: archival, fonts embedded, and e-invoices need it.
        pdfs = converter.convert(sources, folder / "pdf", pdfa=True)
        for doc, src in zip(docs, sources, strict=True):
            stamp = datetime.combine(doc.datum, time(12, 0))
            pdf = pdf_metadata.set_metadata(pdfs[src].read_bytes(), doc.info, date=stamp)
            if doc.einvoice is not None:
                from vadocs.einvoice import embed_facturx

                pdf = embed_facturx(
                    pdf,
                    doc.einvoice.facturx_xml,
                    title=doc.info.title,
                    author=doc.info.author,
                    date=stamp,
                )
            doc.pdf = pdf


def reuse_rendered(jobs: Sequence[ClientJob], cache: BuildCache, pdf: bool) -> None:
    """Take the files on disk for each document rendered to the same DOCX as last time
    (contracts and draft invoices; never a newly issued invoice), so it is not converted."""
    for job in jobs:
        for doc in job.docs:
            if doc.archived is not None or (doc.invoice is not None and not _draft(doc)):
                continue
            doc.rendered_key = BuildCache.key_of(
                stable_docx(doc.docx), repr(doc.info), doc.datum.isoformat(), str(pdf)
            )
            doc.archived = cache.rendered(job.out_dir, doc.base, doc.rendered_key)


def _draft(doc: Planned) -> bool:
    return doc.invoice is not None and doc.invoice.nummer == "ENTWURF" and doc.einvoice is None


def write_jobs(
    jobs: Sequence[ClientJob], planner: InvoicePlanner | None, cache: BuildCache, progress: Progress
) -> None:
    """Archive and record new invoices (before the ledger commits), then write every file."""
    for job in jobs:
        if planner is not None:
            planner.archive([d for d in job.docs if d.invoice is not None])
        if not job.docs:
            continue
        private_dir(job.out_dir)
        sweep_temporary(job.out_dir)
        for doc in job.docs:
            doc.files = doc.archived if doc.archived is not None else fresh_files(doc)
            if doc.rendered_key or (doc.cache_key and doc.invoice is None):
                cache.remember(job.out_dir, doc.base, doc.cache_key, doc.files, doc.rendered_key)
        for name, data in [*_files(job.docs), *_merged(job.docs)]:
            target = job.out_dir / name
            progress("write", str(target))
            changed = write_atomic(target, data)
            (job.result.written if changed else job.result.unchanged).append(target)
        job.result.removed += remove_stale_drafts(job)


def remove_stale_drafts(job: ClientJob) -> list[Path]:
    """Delete the earlier drafts of each invoice just written — a draft of another day, or
    any draft once the invoice is issued — so one invoice never lies twice in ``out/``.
    Returns the files removed. Only names of :func:`draft_names` are touched."""
    written = {p.name for p in [*job.result.written, *job.result.unchanged]}
    patterns = [draft_names(d.kuerzel, d.invoice) for d in job.docs if d.invoice is not None]
    if not patterns or not job.out_dir.is_dir():
        return []
    removed = []
    for path in sorted(job.out_dir.iterdir()):
        if path.name in written or not any(p.fullmatch(path.name) for p in patterns):
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed


def _files(docs: Sequence[Planned]) -> list[tuple[str, bytes]]:
    return [item for doc in docs for item in doc.files.items()]


def _merged(docs: Sequence[Planned]) -> list[tuple[str, bytes]]:
    """The Vertragsunterlagen: confirmation + AVV + NDA in one PDF for sending."""
    contracts = [(d, d.files.get(d.base + ".pdf")) for d in docs if d.invoice is None]
    parts = [(d, pdf) for d, pdf in contracts if pdf is not None]
    if len(parts) < 2:
        return []
    first = parts[0][0]
    merged = pdf_metadata.merge(
        [pdf for _, pdf in parts],
        pdf_metadata.PdfInfo(
            title=f"Vertragsunterlagen – {first.info.subject}",
            author=first.info.author,
            subject=first.info.subject,
        ),
        [d.kind.title for d, _ in parts],
        date=datetime.combine(first.datum, time(12, 0)),
    )
    return [(file_name(first.datum, "Vertragsunterlagen", first.kuerzel, "pdf"), merged)]
