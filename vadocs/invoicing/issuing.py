"""Issue invoices: numbers from the ledger, immutable once issued, archived with their hashes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from vadocs.data.workspace import Workspace
from vadocs.documents.context import Engagement, invoice_context
from vadocs.documents.kinds import RECHNUNG
from vadocs.documents.planning import Planned, fresh_files, info_for, invoice_base, render_kind
from vadocs.einvoice.advance import with_advance_label
from vadocs.einvoice.issue import make_einvoice
from vadocs.errors import Problem, VadocsError
from vadocs.invoicing.girocode import girocode_png
from vadocs.invoicing.invoice import KIND_ORDER, Rechnung, compute
from vadocs.invoicing.ledger import Issued, Ledger, sha256, utc_now
from vadocs.invoicing.readiness import (
    check_dates,
    issue_day,
    not_before_original,
    not_ended,
)
from vadocs.invoicing.refusals import archive_changed, cancellable, changed_since_issue
from vadocs.invoicing.snapshots import data_hash, from_snapshot, issued_record, mirrored
from vadocs.output import write_atomic


class InvoicePlanner:
    """A run's invoices; ``today``: the injected clock's day, ``datum``: the issue date
    asked for (``--datum``, not after today), ``now``: the clock of the UTC timestamp."""

    def __init__(
        self,
        ledger: Ledger,
        ws: Workspace,
        *,
        draft: bool = False,
        with_pdf: bool = True,
        today: date | None = None,
        datum: date | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.ledger = ledger
        self.ws = ws
        self.draft = draft
        self.with_pdf = with_pdf
        self.today = today or now().date()
        self.day = issue_day(self.today, datum, None if draft else now().date())
        self.now = now
        self.notes: dict[str, list[Problem]] = {}
        """Per client: invoices not issued yet (period not ended), as warnings."""
        self._pending: list[tuple[Issued, Planned]] = []
        self._advances: dict[tuple[str, str], tuple[str, date]] = {}  # numbered in this run

    def plan_all(
        self,
        engagements: list[Engagement],
        only: frozenset[str] | None = None,
        period: str | None = None,
    ) -> tuple[dict[str, list[Planned]], dict[str, VadocsError]]:
        """Every client's invoices; new ones numbered in date order across all clients.

        A client whose invoices cannot be issued is returned in the errors and takes
        no number: the allocation is redone without it, so the series has no gap.
        """
        planned: dict[str, list[Planned]] = {e.kuerzel: [] for e in engagements}
        errors: dict[str, VadocsError] = {}
        if only is not None and RECHNUNG.key not in only:
            return planned, errors
        new: list[tuple[Engagement, Rechnung]] = []
        for e in engagements:
            try:
                new += self._existing(e, period, planned[e.kuerzel])
            except VadocsError as exc:
                errors[e.kuerzel] = exc
        new.sort(key=lambda x: (x[1].datum, x[0].kuerzel, x[1].zeitraum, KIND_ORDER[x[1].art]))
        while True:
            todo = [(e, r) for e, r in new if e.kuerzel not in errors]
            failed = self._issue_new(todo, planned)
            if failed is None:
                break
            errors[failed[0]] = failed[1]
        for key in errors:
            planned.pop(key, None)
        for docs in planned.values():
            docs.sort(key=_order)
        return planned, errors

    def _existing(
        self, e: Engagement, period: str | None, out: list[Planned]
    ) -> list[tuple[Engagement, Rechnung]]:
        """Plan the already issued invoices of ``e``; return the ones still to issue."""
        entries = sorted(
            (r for r in e.datei.rechnungen if period in (None, r.zeitraum)),
            key=lambda r: (r.zeitraum, KIND_ORDER[r.art]),
        )
        todo = []
        for entry in entries:
            existing = (
                None if self.draft else self.ledger.find(e.kuerzel, entry.art, entry.zeitraum)
            )
            on = existing.issued_on if existing else self.day
            r = compute(e.profil, e.datei, entry, on)
            if existing is not None:
                out.append(self._reissue(e, self._named_deductions(e, r), existing))
            elif self.draft or self._ready(e, r, period):
                todo.append((e, r))
        return todo

    def _ready(self, e: Engagement, r: Rechnung, period: str | None) -> bool:
        """Whether new ``r`` is issued now; raises :class:`IssueRefused` when it must not be."""
        waiting = not_ended(e, r, self.today)
        if waiting is None:
            check_dates(e, r, self.today)
            return True
        # a note, never a refusal of the client: the rest of the month (its advance) is
        # issued, as `invoices due` lists it
        self.notes.setdefault(e.kuerzel, []).append(waiting)
        return False

    def _issue_new(
        self, todo: list[tuple[Engagement, Rechnung]], planned: dict[str, list[Planned]]
    ) -> tuple[str, VadocsError] | None:
        self.ledger.db.execute("SAVEPOINT numbering")
        added: list[Planned] = []
        current = ""
        try:
            for e, r in todo:
                current = e.kuerzel
                number = (
                    "ENTWURF"
                    if self.draft
                    else self.ledger.next_number(e.profil.rechnungsnummer, r.datum)
                )
                doc = self._render(
                    e, dataclasses.replace(self._named_deductions(e, r), nummer=number)
                )
                if not self.draft:
                    self._pending.append((self._record_of(e, doc), doc))
                if r.art == "vorauszahlung":
                    self._advances[(e.kuerzel, r.zeitraum)] = (number, r.datum)
                planned[e.kuerzel].append(doc)
                added.append(doc)
        except VadocsError as exc:
            self.ledger.db.execute("ROLLBACK TO numbering")
            self.ledger.db.execute("RELEASE numbering")
            self._pending = [(i, d) for i, d in self._pending if d not in added]
            self._advances.clear()
            for docs in planned.values():
                docs[:] = [d for d in docs if d not in added]
            return current, exc
        self.ledger.db.execute("RELEASE numbering")
        return None

    def _named_deductions(self, e: Engagement, r: Rechnung) -> Rechnung:
        """Name each deducted advance by its invoice number and date (§ 14 Abs. 5 UStG)."""
        if not r.abzuege:
            return r
        known = self._advances.get((e.kuerzel, r.zeitraum))
        issued = self.ledger.find(e.kuerzel, "vorauszahlung", r.zeitraum)
        if issued is not None:
            known = (issued.number, issued.issued_on)
        if known is None:
            return r
        return dataclasses.replace(
            r, abzuege=tuple(with_advance_label(a, known) for a in r.abzuege)
        )

    def _advance_state(self, e: Engagement, r: Rechnung) -> dict[str, Any]:
        """The deducted advance invoice and whether it was paid by the final invoice's date."""
        from vadocs.payments.status import Zahlstatus, invoice_status

        known = self._advances.get((e.kuerzel, r.zeitraum))
        issued = self.ledger.find(e.kuerzel, "vorauszahlung", r.zeitraum)
        if issued is not None:
            known = (issued.number, issued.issued_on)
        if known is None:
            return {"bezahlt": False, "nummer": "", "datum": None}
        paid = issued is not None and invoice_status(
            self.ledger, issued.number, r.datum
        ).status in (
            Zahlstatus.BEZAHLT,
            Zahlstatus.UEBERZAHLT,
        )
        return {"bezahlt": paid, "nummer": known[0], "datum": known[1]}

    def _reissue(self, e: Engagement, r: Rechnung, issued: Issued) -> Planned:
        if data_hash(r) != issued.data_hash:
            what = f"{r.titel} {r.zeitraum_text}"
            raise changed_since_issue(issued.number, what, e.kuerzel, issued.issued_on)
        archived = self._archived(issued)
        r = dataclasses.replace(r, nummer=issued.number)
        return Planned(
            kind=RECHNUNG,
            kuerzel=e.kuerzel,
            datum=r.datum,
            base=invoice_base(e, r),
            docx=b"",
            info=info_for(e, r.titel),
            invoice=r,
            archived=archived,
        )

    def _archived(self, issued: Issued) -> dict[str, bytes]:
        folder = self.ledger.archive_dir(issued.number)
        out = {}
        for name, digest in self.ledger.files(issued.number).items():
            path = folder / name
            data = path.read_bytes() if path.is_file() else b""
            if sha256(data) != digest:
                raise archive_changed(path, issued.number)
            out[name] = data
        return out

    def _render(self, e: Engagement, r: Rechnung) -> Planned:
        ctx = invoice_context(e, r)
        ctx["entwurf"] = self.draft
        if r.abzuege:
            ctx["vorauszahlung"] = self._advance_state(e, r)
        images = {}
        if r.zahlbetrag > 0 and not self.draft:
            images["girocode"] = girocode_png(
                e.profil.bank.kontoinhaberin or e.profil.name,
                e.profil.bank.iban,
                r.zahlbetrag,
                r.nummer,
                e.profil.bank.bic or "",
            )
        docx = render_kind(RECHNUNG, self.ws, ctx, e, images)
        return Planned(
            kind=RECHNUNG,
            kuerzel=e.kuerzel,
            datum=r.datum,
            base=invoice_base(e, r),
            docx=docx,
            info=info_for(e, f"{r.titel} {r.nummer}"),
            invoice=r,
            einvoice=make_einvoice(e, r, with_pdf=self.with_pdf),
        )

    def _record_of(self, e: Engagement, p: Planned) -> Issued:
        assert p.invoice is not None
        return issued_record(e, p.invoice, self.now().isoformat(timespec="seconds"))

    def plan_cancellation(self, e: Engagement, number: str, reason: str, on: date) -> Planned:
        """Issue a Stornorechnung for invoice ``number`` (mirrored amounts, own number)."""
        original = cancellable(self.ledger, number, e.kuerzel)
        issued_as = from_snapshot(original.snapshot)
        not_before_original(number, on, issued_as.datum)
        storno = mirrored(
            issued_as, self.ledger.next_number(e.profil.rechnungsnummer, on), on, reason
        )
        planned = self._render(e, storno)
        record = dataclasses.replace(self._record_of(e, planned), cancels=number, reason=reason)
        self._pending.append((record, planned))
        return planned

    def archive(self, docs: list[Planned]) -> None:
        """Write the new invoices' files to the archive and record them (before commit)."""
        for issued, planned in self._pending:
            if planned not in docs:
                continue
            files = fresh_files(planned)
            folder = self.ledger.archive_dir(issued.number)
            for name, data in files.items():
                write_atomic(folder / name, data)
            self.ledger.record(issued, files)
            planned.archived = files


def _order(d: Planned) -> tuple[str, int]:
    return (d.invoice.zeitraum, KIND_ORDER.get(d.invoice.art, 9)) if d.invoice else ("", 0)
