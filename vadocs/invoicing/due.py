"""What a month-end run would issue: per client the invoices due for a month, or why none.

``vadocs invoices due --period YYYY-MM`` shows this list; ``vadocs invoices run`` then issues
exactly it (both load the client files the same way, :func:`vadocs.data.loading.load_engagement`
with the month, so the derived invoices and their amounts agree). Nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from vadocs.data.loading import load_catalogue, load_engagement, load_profile
from vadocs.data.workspace import Workspace
from vadocs.documents.context import Engagement
from vadocs.errors import Problem, ProblemsError, VadocsError
from vadocs.i18n import _
from vadocs.invoicing.invoice import KIND_ORDER, Rechnung, compute
from vadocs.invoicing.ledger import Ledger
from vadocs.invoicing.readiness import not_ended
from vadocs.invoicing.refusals import changed_since_issue
from vadocs.invoicing.schedule import REGULAR, Skip, why_nothing
from vadocs.invoicing.snapshots import data_hash


@dataclass(frozen=True)
class DueInvoice:
    """One invoice a run would issue (``nummer``: its number when already issued)."""

    kuerzel: str
    rechnung: Rechnung
    nummer: str = ""

    @property
    def abzug(self) -> Decimal:
        """The gross advance deducted (0 when none)."""
        return self.rechnung.abzug_brutto


@dataclass(frozen=True)
class NothingDue:
    kuerzel: str
    grund: str


@dataclass
class DueList:
    """Invoices due, clients with nothing due (and why), files that could not be read."""

    due: list[DueInvoice] = field(default_factory=list)
    nothing: list[NothingDue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    conflicts: list[Problem] = field(default_factory=list)
    """Issued invoices whose data changed (``run`` refuses them), while a client is read."""

    def without_any(self) -> list[str]:
        """The clients listed with nothing due and no invoice due at all."""
        due = {d.kuerzel for d in self.due}
        return [n.kuerzel for n in self.nothing if n.kuerzel not in due]


def due_list(
    ws: Workspace, files: Sequence[Path], period: str, today: date, named: bool = False
) -> DueList:
    """The invoices due for ``period`` (``YYYY-MM``) on ``today`` for the client ``files``.

    Every client is listed, as by ``invoices run`` (one whose engagement has no day in the
    month with that reason); ``named`` is kept for the callers' signature.
    Raises :class:`VadocsError` when the profile cannot be read.
    """
    profil, _warnings = load_profile(ws.profile_file)
    katalog = load_catalogue(ws)
    path = ws.state_dir / "ledger.sqlite"
    ledger = Ledger(path) if path.is_file() else None
    out = DueList()
    try:
        for file in files:
            try:
                loaded = load_engagement(file, ws, profil, katalog, today, period)
            except ProblemsError as exc:
                out.problems += exc.problems
                continue
            except VadocsError as exc:
                out.problems.append(Problem(file, exc.message, hint=exc.hint))
                continue
            _client(out, loaded.engagement, list(loaded.skips), period, today, ledger)
            out.problems += [replace(p, file=file) for p in out.conflicts]
            out.conflicts.clear()
    finally:
        if ledger is not None:
            ledger.close()
    return out


def _client(
    out: DueList,
    e: Engagement,
    skips: list[Skip],
    period: str,
    today: date,
    ledger: Ledger | None,
) -> None:
    d = e.datei
    entries = sorted(
        (r for r in d.rechnungen if r.zeitraum == period), key=lambda r: KIND_ORDER[r.art]
    )
    if not entries:
        out.nothing.append(NothingDue(e.kuerzel, why_nothing(d, skips, period, today)))
        return
    blocked = _blocked(e, today)
    if blocked:
        out.nothing.append(NothingDue(e.kuerzel, blocked))
        return
    for entry in entries:
        issued = ledger.find(e.kuerzel, entry.art, period) if ledger else None
        r = compute(e.profil, d, entry, issued.issued_on if issued else today)
        if issued is not None and data_hash(r) != issued.data_hash:  # run refuses it
            what = f"{r.titel} {r.zeitraum_text}"
            exc = changed_since_issue(issued.number, what, e.kuerzel, issued.issued_on)
            out.conflicts.append(Problem(None, exc.message, hint=exc.hint))
            continue
        waiting = None if issued else not_ended(e, r, today)
        if waiting is not None:
            out.nothing.append(NothingDue(e.kuerzel, why_nothing(d, [], period, today)))
            continue
        out.due.append(DueInvoice(e.kuerzel, r, issued.number if issued else ""))
    if not any(entry.art in REGULAR for entry in entries):  # e.g. only the advance is due
        out.nothing.append(NothingDue(e.kuerzel, why_nothing(d, skips, period, today)))


def _blocked(e: Engagement, today: date) -> str:
    """Why ``e``'s invoices are drafts only (empty: they can be issued); as
    :func:`vadocs.invoicing.readiness.draft_reason`, shorter."""
    if e.profil.beispiel:
        return _("sample profile (beispiel: true in vadocs.yaml): drafts only")
    accepted = e.datei.auftrag.angenommen_am
    if accepted is None or accepted > today:
        return _("not accepted yet (auftrag.angenommen_am): drafts only")
    return ""
