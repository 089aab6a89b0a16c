"""``vadocs invoices cancel``: a Stornorechnung with its own number, never an edit."""

from __future__ import annotations

from pathlib import Path

from vadocs.build.cache import BuildCache
from vadocs.build.results import BuildOptions, ClientResult, no_progress
from vadocs.build.run import soffice_for
from vadocs.build.template_gate import refusal, template_errors
from vadocs.build.writing import CONVERT_TIMEOUT, ClientJob, convert_all, write_jobs
from vadocs.data.loading import load_catalogue, load_engagement, load_profile
from vadocs.data.workspace import Workspace, find_workspace
from vadocs.documents.kinds import RECHNUNG
from vadocs.documents.templates import template_for
from vadocs.errors import LedgerError, WorkspaceError
from vadocs.i18n import _
from vadocs.invoicing.issuing import InvoicePlanner
from vadocs.invoicing.ledger import Issued, Ledger, utc_now
from vadocs.pdf.converter import make_converter


def dependents(ledger: Ledger, issued: Issued) -> list[Issued]:
    """The valid invoices that rely on ``issued``: the final invoices deducting an advance."""
    if issued.kind != "vorauszahlung" or issued.status != "issued":
        return []
    final = ledger.find(issued.client, "schluss", issued.period)
    return [final] if final is not None else []


def cancel_invoice(
    start: Path,
    number: str,
    reason: str,
    options: BuildOptions,
    *,
    with_dependents: bool = False,
) -> ClientResult:
    """Issue the Stornorechnung for ``number``: own number, mirrored amounts, archived.

    An advance that a valid final invoice deducts is cancelled only together with it
    (``with_dependents``: the final invoice first), so no final invoice ever deducts a
    cancelled advance (§ 14 Abs. 5 UStG); otherwise :class:`LedgerError`, nothing written.
    """
    ws = find_workspace(start, options.profile)
    soffice = soffice_for(options)
    if not (ws.state_dir / "ledger.sqlite").is_file():  # do not create an empty ledger
        raise LedgerError(
            _("there is no invoice {number}").format(number=number),
            hint=_("no invoice has been issued in this workspace yet"),
        )
    ledger = Ledger(ws.state_dir / "ledger.sqlite")
    try:
        issued = ledger.get(number)
        if issued is None:
            raise LedgerError(
                _("there is no invoice {number}").format(number=number),
                hint=_("`vadocs invoices list` shows the issued invoices"),
            )
        first = dependents(ledger, issued)
        if first and not with_dependents:
            raise LedgerError(
                f"invoice {number} is not cancelled: the final invoice {first[0].number} "
                f"deducts this advance, and would then deduct a cancelled one",
                hint=f"cancel the final invoice first (`vadocs invoices cancel {first[0].number} "
                f"--reason …`), or cancel both with --with-dependents",
            )
        errors = template_errors(template_for(RECHNUNG, ws), ws.state_dir)
        if errors:
            raise refusal(f"cancellation invoices for {number}", errors)
        client_file = client_file_of(ws, issued.client)
        profil, _warnings = load_profile(ws.profile_file)
        engagement = load_engagement(
            client_file, ws, profil, load_catalogue(ws), options.today
        ).engagement
        result = ClientResult(client_file)
        out_dir = (options.output or ws.default_output) / engagement.kuerzel
        job = ClientJob(result, out_dir, engagement)
        with ledger.issuing():
            planner = InvoicePlanner(ledger, ws, today=options.day, now=options.now or utc_now)
            job.docs = [
                planner.plan_cancellation(engagement, n, reason, options.day)
                for n in [*(i.number for i in first), number]
            ]
            if soffice is not None:
                with make_converter(
                    soffice, timeout=CONVERT_TIMEOUT, documents=len(job.docs)
                ) as converter:
                    convert_all(job.docs, converter, no_progress)
            write_jobs(
                [job], planner, BuildCache(ws.state_dir / "unused", enabled=False), no_progress
            )
        return result
    finally:
        ledger.close()


def client_file_of(ws: Workspace, client: str) -> Path:
    direct = ws.root / "kunden" / f"{client}.yaml"
    if direct.is_file():
        return direct
    found = sorted(p for p in ws.root.rglob(f"{client}.yaml") if "out" not in p.parts)
    if not found:
        raise WorkspaceError(
            _("the client file {client}.yaml was not found in {root}").format(
                client=client, root=ws.root
            ),
            hint=_("the cancellation invoice needs the client's file for the parties' details"),
        )
    return found[0]
