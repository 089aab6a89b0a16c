"""Why the ledger refuses to issue again: the messages of :mod:`vadocs.invoicing.issuing`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vadocs.errors import LedgerError
from vadocs.i18n import _
from vadocs.invoicing.ledger import Issued, Ledger


def changed_since_issue(number: str, what: str, client: str, issued_on: date) -> LedgerError:
    """An issued invoice's data changed in the client file (it is never changed; GoBD)."""
    return LedgerError(
        _(
            "invoice {number} ({what} for {client}) was issued on {issued_on:%d.%m.%Y} and its "
            "data in the client file has changed since; an issued invoice is never changed"
        ).format(number=number, what=what, client=client, issued_on=issued_on),
        hint=_(
            "undo the change, or cancel it with `vadocs invoices cancel {number} --reason …` "
            "and build again to issue a corrected invoice"
        ).format(number=number),
    )


def archive_changed(path: Path, number: str) -> LedgerError:
    """An archived file of an issued invoice is missing or differs from its recorded hash."""
    return LedgerError(
        _("the archived file {path} of invoice {number} is missing or changed").format(
            path=path, number=number
        ),
        hint=_("run `vadocs invoices verify` and restore the file from your backup"),
    )


def cancellable(ledger: Ledger, number: str, client: str) -> Issued:
    """The issued invoice ``number`` of ``client`` that may be cancelled; raises
    :class:`LedgerError` for an unknown number, a cancellation invoice, an invoice already
    cancelled (naming its cancellation) and another client's invoice."""
    original = ledger.get(number)
    if original is None:
        raise LedgerError(
            _("there is no invoice {number}").format(number=number),
            hint=_("`vadocs invoices list` shows the issued invoices"),
        )
    if original.kind == "storno":
        raise LedgerError(
            _("{number} is itself a cancellation invoice and cannot be cancelled").format(
                number=number
            ),
            hint=_("an issued invoice is corrected by a new invoice, not by cancelling twice"),
        )
    if original.status != "issued":
        done = ledger.cancellation_of(number)
        raise LedgerError(
            _("invoice {number} is already cancelled by {other}").format(
                number=number, other=done.number
            )
            if done
            else _("invoice {number} is already cancelled").format(number=number),
            hint=_("`vadocs invoices list` shows each invoice with its cancellation"),
        )
    if original.client != client:
        raise LedgerError(
            _("invoice {number} belongs to {client}, not {kuerzel}").format(
                number=number, client=original.client, kuerzel=client
            )
        )
    return original
