"""Before and after a build writes: which clients only get drafts, which templates may issue,
and the record of every contract version written."""

from __future__ import annotations

from vadocs.build.results import BuildOptions
from vadocs.build.template_gate import as_warnings, refusal, template_errors
from vadocs.build.writing import ClientJob
from vadocs.data.workspace import Workspace
from vadocs.documents.contract_versions import ContractStore
from vadocs.documents.kinds import RECHNUNG, contracts_for
from vadocs.documents.templates import template_for
from vadocs.errors import Problem, Severity, VadocsError
from vadocs.i18n import _
from vadocs.invoicing.readiness import draft_reason


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
            if doc.contract is not None and doc.files:
                store.save(job.engagement.kuerzel, doc.kind.key, doc.contract, doc.files)


def gate_jobs(jobs: list[ClientJob], ws: Workspace, options: BuildOptions) -> None:
    """Drafts for samples and unaccepted orders; no issue from a template with errors."""
    for job in jobs:
        e = job.engagement
        if e is None or job.result.error is not None:
            continue
        job.draft = draft_reason(e, options.day)
        if job.draft and not options.draft:
            job.result.warnings.append(
                Problem(job.result.client_file, job.draft, severity=Severity.WARNING)
            )
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
        elif errors:
            job.result.error = refusal(f"the documents of {e.kuerzel}", errors)
