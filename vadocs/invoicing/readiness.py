"""Whether an invoice may be issued now: acceptance, sample data, truthful dates.

An issued invoice can only be undone by a cancellation invoice, so nothing is issued
from a state a careful assistant would not accept:

* a sample profile (``beispiel: true``) and a client who has not accepted the order
  (``auftrag.angenommen_am`` empty or later than today) get drafts only;
* an invoice is dated the day it is issued (§ 14 Abs. 4 Nr. 3 UStG: the issue date),
  never a future day;
* an invoice for a period that has not ended, or with a time entry after its date, is
  not issued (the advance invoice for a coming period is the exception it is).

The ledger adds the last rule: dates ascend with numbers within a series
(:meth:`vadocs.invoicing.ledger.Ledger.next_number`).
"""

from __future__ import annotations

from datetime import date

from vadocs.documents.context import Engagement
from vadocs.errors import Problem, Severity, VadocsError
from vadocs.i18n import _
from vadocs.invoicing.invoice import Rechnung


class IssueRefused(VadocsError):
    """An invoice that must not be issued in the state its data is in."""


def draft_reason(e: Engagement, today: date) -> str:
    """Why ``e``'s invoices can only be drafts today (empty: they can be issued)."""
    if e.profil.beispiel:
        return (
            "this is the sample profile (beispiel: true in vadocs.yaml): invoices are built "
            "as drafts (ENTWURF) and use no number. To start for real, enter your own details "
            "in vadocs.yaml, replace the sample client, and delete the line beispiel: true"
        )
    accepted = e.datei.auftrag.angenommen_am
    if accepted is None or accepted > today:
        return (
            "the client has not accepted the order yet (auftrag.angenommen_am is "
            + ("empty" if accepted is None else f"{accepted:%d.%m.%Y}, after today")
            + "): the order confirmation is the offer, and every invoice, the advance "
            "included, is a draft (ENTWURF). Once the client has confirmed in writing, "
            "set auftrag.angenommen_am (and angenommen_per) and build again"
        )
    return ""


def issue_day(today: date, datum: date | None, real: date | None = None) -> date:
    """The day new invoices are dated: ``datum`` (``--datum``) or today.

    Raises :class:`IssueRefused` for a ``datum`` after today: an invoice is never dated
    in the future (§ 14 Abs. 4 Nr. 3 UStG); and, when ``real`` (the real day) is given,
    for a ``today`` after it (:func:`not_after_real_day`).
    """
    if real is not None:
        not_after_real_day(today, real)
    if datum is not None and datum > today:
        raise IssueRefused(
            f"--datum {datum:%d.%m.%Y} lies after today ({today:%d.%m.%Y}); an invoice is "
            "dated the day it is issued, never a future day",
            hint="leave out --datum to date it today, or name an earlier day",
        )
    return datum or today


def not_after_real_day(today: date, real: date) -> None:
    """Refuse (raise :class:`IssueRefused`) to issue while ``today`` (``--date``) pretends a
    day after the real one (``real``, :func:`vadocs.clock.today`): an issued invoice carries
    the day of issue (§ 14 Abs. 4 Nr. 3 UStG) and the ledger a truthful timestamp (GoBD)."""
    if today > real:
        raise IssueRefused(
            _(
                "--date {day} lies after today ({real}): nothing is issued for a day that "
                "has not come yet"
            ).format(day=f"{today:%d.%m.%Y}", real=f"{real:%d.%m.%Y}"),
            hint=_("preview with --draft, or leave out --date and issue on the day itself"),
        )


def not_before_original(number: str, on: date, issued: date) -> None:
    """Refuse (raise :class:`IssueRefused`) a cancellation of ``number`` dated ``on`` before
    the original's date ``issued``: it is dated the day it is issued, never moved."""
    if on < issued:
        raise IssueRefused(
            _(
                "a cancellation of {number} dated {day} would lie before the invoice it "
                "cancels ({issued}); it is dated the day it is issued"
            ).format(number=number, day=f"{on:%d.%m.%Y}", issued=f"{issued:%d.%m.%Y}"),
            hint=_("cancel it on or after {issued}").format(issued=f"{issued:%d.%m.%Y}"),
        )


def _label(e: Engagement, r: Rechnung) -> str:
    return f"{r.titel} {r.zeitraum_text} for {e.kuerzel}"


def check_dates(e: Engagement, r: Rechnung, today: date) -> None:
    """Refuse (raise :class:`IssueRefused`) a new invoice with a time entry after its date."""
    late = [z for z in r.zeiten if z.datum > r.datum]
    if late:
        raise IssueRefused(
            f"{_label(e, r)} dated {r.datum:%d.%m.%Y} lists time worked after that day "
            f"({late[0].datum:%d.%m.%Y}: {late[0].taetigkeit})",
            hint="issue it on or after the last day worked, or preview it with --draft",
        )


def not_ended(e: Engagement, r: Rechnung, today: date) -> Problem | None:
    """A warning when ``r`` is dated after today (its ``datum:`` in the client file), or its
    period has not ended by its date (None: it may be issued).

    The period has ended on its last day; an advance invoice is due before its period.
    """
    if r.datum > today:
        return Problem(
            None,
            f"{_label(e, r)} is not issued yet: it would be dated {r.datum:%d.%m.%Y}, after "
            f"today ({today:%d.%m.%Y}); an invoice is dated the day it is issued",
            hint="build again on that day, or remove datum: from this invoice to date it "
            "today; preview it now with --draft",
            severity=Severity.WARNING,
        )
    if r.art == "vorauszahlung" or r.datum >= r.leistung_bis:
        return None
    return Problem(
        None,
        f"{_label(e, r)} is not issued yet: its period ends on {r.leistung_bis:%d.%m.%Y} "
        f"and an invoice for work not yet done would be dated {r.datum:%d.%m.%Y}",
        hint=f"build again on or after {r.leistung_bis:%d.%m.%Y}; preview it now with --draft",
        severity=Severity.WARNING,
    )
