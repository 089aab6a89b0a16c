"""``vadocs invoices cancel``: a Stornorechnung with its own number, never an edit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vadocs.build.cache import BuildCache
from vadocs.build.results import BuildOptions, ClientResult, no_progress
from vadocs.build.run import soffice_for
from vadocs.build.writing import CONVERT_TIMEOUT, ClientJob, convert_all, write_jobs
from vadocs.data.loading import load_catalogue, load_engagement, load_profile
from vadocs.data.workspace import Workspace, find_workspace
from vadocs.errors import LedgerError, WorkspaceError
from vadocs.i18n import _
from vadocs.invoicing.issuing import InvoicePlanner
from vadocs.invoicing.ledger import Ledger
from vadocs.pdf.converter import make_converter


def cancel_invoice(start: Path, number: str, reason: str, options: BuildOptions) -> ClientResult:
    """Issue the Stornorechnung for ``number``: own number, mirrored amounts, archived."""
    ws = find_workspace(start, options.profile)
    soffice = soffice_for(options)
    ledger = Ledger(ws.state_dir / "ledger.sqlite")
    try:
        issued = ledger.get(number)
        if issued is None:
            raise LedgerError(
                _("there is no invoice {number}").format(number=number),
                hint=_("`vadocs invoices list` shows the issued invoices"),
            )
        client_file = client_file_of(ws, issued.client)
        profil, _warnings = load_profile(ws.profile_file)
        engagement = load_engagement(
            client_file, ws, profil, load_catalogue(ws), options.today
        ).engagement
        result = ClientResult(client_file)
        out_dir = (options.output or ws.default_output) / engagement.kuerzel
        job = ClientJob(result, out_dir, engagement)
        with ledger.issuing():
            planner = InvoicePlanner(ledger, ws)
            job.docs = [
                planner.plan_cancellation(engagement, number, reason, options.today or date.today())
            ]
            if soffice is not None:
                with make_converter(soffice, timeout=CONVERT_TIMEOUT, documents=1) as converter:
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
