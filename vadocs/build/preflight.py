"""Before and after a build writes: which clients only get drafts, which templates may issue,
and the record of every contract version written."""

from __future__ import annotations

from pathlib import Path

from vadocs.build.results import BuildOptions
from vadocs.build.template_gate import BrokenTemplate, as_warnings, refusal, template_errors
from vadocs.build.writing import ClientJob
from vadocs.data.loading import load_profile
from vadocs.data.workspace import Workspace
from vadocs.documents.context import Engagement
from vadocs.documents.contract_refusals import ContractChanged
from vadocs.documents.contract_versions import ContractStore, next_version
from vadocs.documents.kinds import RECHNUNG, DocumentKind, contracts_for
from vadocs.documents.planning import accepted_by
from vadocs.documents.render import RenderError
from vadocs.documents.templates import template_for
from vadocs.errors import Problem, Severity, VadocsError, shown
from vadocs.i18n import _
from vadocs.invoicing.ledger import Ledger, sha256
from vadocs.invoicing.readiness import draft_reason
from vadocs.invoicing.thresholds import small_business_warnings


def preview_note(options: BuildOptions) -> str:
    """What a build with ``--date`` after the real day (:attr:`BuildOptions.preview`) does."""
    return _(
        "--date {day} lies after today ({real}): a preview — invoices are drafts "
        "(ENTWURF, no number used) and no contract version is recorded"
    ).format(day=f"{options.day:%d.%m.%Y}", real=f"{options.real_day:%d.%m.%Y}")


def record_contracts(jobs: list[ClientJob], ws: Workspace) -> None:
    """Record every contract version written (after its files are on disk)."""
    store = ContractStore(ws.state_dir)
    for job in jobs:
        if job.result.error is not None or job.engagement is None:
            continue
        for doc in job.docs:
            if doc.contract is not None and doc.files and not job.engagement.profil.beispiel:
                store.save(job.engagement.kuerzel, doc.kind.key, doc.contract, doc.files)


def gate_jobs(jobs: list[ClientJob], ws: Workspace, options: BuildOptions) -> None:
    """Drafts for samples and unaccepted orders; no issue from a template with errors."""
    for job in jobs:
        e = job.engagement
        if e is None or job.result.error is not None:
            continue
        job.draft = draft_reason(e, options.day)
        if job.draft and not options.draft:  # a sample: the profile's matter, shown once
            where = ws.profile_file if e.profil.beispiel else job.result.client_file
            job.result.warnings.append(Problem(where, job.draft, severity=Severity.WARNING))
        kinds = [] if options.period is not None else contracts_for(e.datei)
        if e.datei.rechnungen:
            kinds.append(RECHNUNG)
        kinds = [k for k in kinds if options.only is None or k.key in options.only]
        try:
            errors = [p for k in kinds for p in template_errors(template_for(k, ws), ws.state_dir)]
        except VadocsError as exc:
            job.result.error = exc
            continue
        if errors and (options.draft or job.draft):
            job.result.warnings += as_warnings(errors)
            job.template_problems = errors
        elif errors:
            job.result.error = refusal(
                _("the documents of {client}").format(client=e.kuerzel), errors
            )
        elif RECHNUNG in kinds and not (options.draft or job.draft):
            try:
                job.result.warnings += contracts_on_record(
                    e, job.result.client_file, ws, options, kinds
                )
            except ContractChanged as exc:
                job.result.error = exc


def settle_template_failures(jobs: list[ClientJob]) -> None:
    """A draft whose template then failed to render was not built: its template's ``check``
    errors (located, in plain words) become the client's error, not a warning "draft built"."""
    for job in jobs:
        error = job.result.error
        if not isinstance(error, RenderError) or not job.template_problems:
            continue
        own = [p for p in job.template_problems if p.file == error.template]
        if not own:
            continue
        job.result.warnings = [
            w for w in job.result.warnings if not (w.file == error.template and w.rule)
        ]
        job.result.error = BrokenTemplate(error.template, own)


def contracts_on_record(
    e: Engagement, file: Path, ws: Workspace, options: BuildOptions, kinds: list[DocumentKind]
) -> list[Problem]:
    """Before invoices are issued without their contracts in the same run (``invoices run``,
    ``--only rechnung``): every contract document on record must be unchanged since the
    client accepted it — an invoice bills what was agreed (§ 311 Abs. 1 BGB). Raises
    :class:`ContractChanged`; returns a warning per contract never written by vadocs."""
    store = ContractStore(ws.state_dir)
    accepted_on = accepted_by(e, options.day)
    warnings = []
    for kind in contracts_for(e.datei):
        if kind in kinds:
            continue  # written (and checked) in this run
        if not store.versions(e.kuerzel, kind.key):
            message = _(
                "{title} for {client} was never written by vadocs: there is no record of "
                "what the client accepted to hold the invoices against"
            ).format(title=kind.title, client=e.kuerzel)
            hint = _("build the documents once: vadocs build {file}").format(file=shown(file))
            warnings.append(Problem(file, message, hint=hint, severity=Severity.WARNING))
            continue
        hashed = sha256(template_for(kind, ws).read_bytes())
        next_version(e, kind, store, options.real_day, accepted_on, hashed)
    return warnings


def threshold_notes(ws: Workspace) -> list[str]:
    """The § 19 UStG threshold warnings of a small business's ledger (none otherwise)."""
    ledger_file = ws.state_dir / "ledger.sqlite"
    if not ledger_file.is_file() or not load_profile(ws.profile_file)[0].kleinunternehmer:
        return []
    ledger = Ledger(ledger_file)
    try:
        return small_business_warnings(ledger.all())
    finally:
        ledger.close()
