"""Commands for payments: ``vadocs payments import|match|add|abschreiben|list``.

Each parses its options, calls one function of :mod:`vadocs.payments` and prints the result.
"""

from __future__ import annotations

from contextlib import closing
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

import click

from vadocs import clock
from vadocs.cli.common import fail, ledger_for, profile_option
from vadocs.documents.formatting import euro
from vadocs.errors import ProblemsError, VadocsError
from vadocs.i18n import _
from vadocs.invoicing.ledger import Ledger
from vadocs.payments.matching import Outcome


def _day(value: str | None) -> date:
    if value is None:
        return clock.today()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(_("date as YYYY-MM-DD, e.g. 2026-12-31")) from None
    if day > clock.today():
        future = _("{day} has not come yet: a payment is recorded on or after the day it was made")
        raise click.BadParameter(future.format(day=f"{day:%d.%m.%Y}"))
    return day


def _outcome_line(o: Outcome) -> str:
    b = o.booking
    head = f"{b.booked_on:%d.%m.%Y} {euro(b.amount):>12}  {b.payer[:28]:<28}"
    if o.kind in ("matched", "refund"):
        parts = ", ".join(f"{a.number} ({euro(a.amount)})" for a in o.allocations)
        rest = b.amount - sum((a.amount for a in o.allocations), Decimal("0.00"))
        left = _("; rest {amount} unmatched  [{booking}]").format(
            amount=euro(rest), booking=b.identity) if rest > 0 else ""  # fmt: skip
        refund = _("refund") + " " if o.kind == "refund" else ""
        return f"{head}  → {refund}{parts}{left}"
    return _("{head}  unmatched  [{booking}]").format(head=head, booking=b.identity)


@click.group(
    help=_(
        "Payments: import bank statements, match them to invoices, enter payments by hand.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs payments import ~/Downloads/camt053_2026-12.zip"
    )
)
def payments() -> None:
    pass


@payments.command(
    name="import",
    help=_(
        "Import bank statements (camt.053/052/054 as XML or ZIP, or MT940) and match them.\n"
        "\n"
        "Importing the same statement again changes nothing.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs payments import kontoauszug-2026-12.xml"
    ),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@profile_option
def import_command(files: tuple[Path, ...], profile: Path | None) -> None:
    from vadocs.payments.importing import import_statements

    ledger = ledger_for(profile)[1]
    try:
        with closing(ledger):
            report = import_statements(ledger, list(files))
    except ProblemsError as exc:
        click.echo(exc.format(), err=True)
        click.echo(_("nothing imported"), err=True)
        raise click.exceptions.Exit(1) from None
    except VadocsError as exc:
        raise fail(exc) from None
    for outcome in report.new:
        if outcome.kind != "ignored":
            click.echo(_outcome_line(outcome))
        for c in outcome.candidates:
            click.echo("    " + _("possible: {number} {client} open {amount} ({reasons})").format(
                number=c.number, client=c.client, amount=euro(c.open),
                reasons=", ".join(c.reasons)))  # fmt: skip
    click.echo(_("{new} new booking(s), {matched} matched, {open} open, {known} already known")
               .format(new=len(report.new), matched=len(report.of_kind("matched")),
                       open=len(report.of_kind("unmatched")), known=report.known))  # fmt: skip


@payments.command(
    name="match",
    help=_(
        "Assign an unmatched booking to one or more invoices by hand.\n"
        "\n"
        "BOOKING is the identity `payments list` shows (or a unique end of it).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs payments match DE02120300000000202051/R-77 2026-0007 2026-0008"
    ),
)
@click.argument("booking")
@click.argument("numbers", nargs=-1, required=True)
@click.option(
    "--ueberzahlung",
    "overpay",
    is_flag=True,
    help=_("Book more than the invoices ask for as an overpayment (to refund or set off)."),
)
@profile_option
def match_command(
    booking: str, numbers: tuple[str, ...], overpay: bool, profile: Path | None
) -> None:
    from vadocs.payments.importing import match_by_hand

    ledger = ledger_for(profile)[1]
    try:
        with closing(ledger):
            outcome = match_by_hand(ledger, booking, list(numbers), overpay=overpay)
    except VadocsError as exc:
        raise fail(exc) from None
    click.echo(_outcome_line(outcome))


def _amount(value: str) -> Decimal:
    try:
        amount = Decimal(value.replace(",", "."))
    except InvalidOperation:
        raise click.BadParameter(
            _("an amount like 119,00 or 119.00"), param_hint="--amount"
        ) from None
    if amount != amount.quantize(Decimal("0.01")):
        raise click.BadParameter(_("at most two decimal places"), param_hint="--amount")
    return amount.quantize(Decimal("0.01"))


@payments.command(
    name="add",
    help=_(
        "Record a payment by hand (cash, PayPal, another account).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs payments add 2026-0004 --amount 147,26 --date 2027-01-05 --note PayPal"
    ),
)
@click.argument("number")
@click.option("--amount", required=True, help=_("Amount received in euros, e.g. 119,00."))
@click.option("--date", "day", help=_("Day of payment as YYYY-MM-DD (default: today)."))
@click.option("--note", default="", help=_("A note, e.g. 'bar' or 'PayPal'."))
@click.option(
    "--ueberzahlung",
    "overpay",
    is_flag=True,
    help=_("Accept more than the invoice still asks for (an overpayment to refund or set off)."),
)
@profile_option
def add_command(
    number: str, amount: str, day: str | None, note: str, overpay: bool, profile: Path | None
) -> None:
    from vadocs.payments.importing import add_payment

    value = _amount(amount)
    ledger = ledger_for(profile)[1]
    try:
        with closing(ledger):
            add_payment(ledger, number, value, _day(day), note, datetime.now(), overpay=overpay)
    except VadocsError as exc:
        raise fail(exc) from None
    click.echo(
        _("payment {amount} for {number} recorded").format(amount=euro(value), number=number)
    )


@payments.command(
    name="abschreiben",
    help=_(
        "Write off what is still open on an invoice (e.g. the client is insolvent).\n"
        "\n"
        "\b\n"
        "Example:\n"
        '  vadocs payments abschreiben 2026-0002 --reason "Insolvenz des Kunden"'
    ),
)
@click.argument("number")
@click.option("--reason", required=True, help=_("Why the claim is written off."))
@click.option("--date", "day", help=_("Day of the write-off as YYYY-MM-DD (default: today)."))
@profile_option
def write_off_command(number: str, reason: str, day: str | None, profile: Path | None) -> None:
    from vadocs.payments.importing import write_off

    ledger = ledger_for(profile)[1]
    try:
        with closing(ledger):
            amount = write_off(ledger, number, reason, _day(day))
    except VadocsError as exc:
        raise fail(exc) from None
    click.echo(
        _("{euro_amount} von {number} abgeschrieben").format(
            euro_amount=euro(amount), number=number
        )
    )


@payments.command(
    name="list",
    help=_(
        "List the imported bookings with what they were assigned to.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs payments list --unmatched"
    ),
)
@click.option("--unmatched", is_flag=True, help=_("Only incoming bookings not yet assigned."))
@profile_option
def list_command(unmatched: bool, profile: Path | None) -> None:
    from vadocs.payments.importing import unmatched as unmatched_bookings
    from vadocs.payments.store import PaymentStore

    ledger = ledger_for(profile)[1]
    with closing(ledger):
        rest = dict((b.identity, r) for b, r in unmatched_bookings(ledger))
        store = PaymentStore(ledger)
        by_booking: dict[str, list[str]] = {}
        for e in store.events():
            if e.booking:
                by_booking.setdefault(e.booking, []).append(f"{e.number} ({euro(e.amount)})")
        shown = [b for b in store.bookings() if not unmatched or b.identity in rest]
    for b in shown:
        target = ", ".join(by_booking.get(b.identity, [])) or (
            _("unmatched") if b.incoming else _("outgoing")
        )
        if b.identity in rest and b.identity in by_booking:
            target += _(", rest {amount} unmatched").format(amount=euro(rest[b.identity]))
        click.echo(
            f"{b.booked_on:%d.%m.%Y} {euro(b.amount):>12}  {b.payer[:28]:<28}  {target}"
            f"\n    [{b.identity}] {b.remittance[:70]}"
        )
    click.echo(_("{n} booking(s)").format(n=len(shown)))


COMMANDS = [payments]


def print_open_items(ledger: Ledger, on: date, year: int | None = None) -> None:
    """The Offene-Posten table of ``vadocs invoices list --open``."""
    from vadocs.dunning.levels import STUFEN
    from vadocs.dunning.records import sent_reminders
    from vadocs.payments.status import Zahlstatus, open_items, statuses

    items = [i for i in open_items(ledger, on) if year is None or i.issued_on.year == year]
    sent = sent_reminders(ledger)

    def level(number: str) -> str:
        levels = [g.level for g in sent.get(number, []) if g.sent_on <= on]
        return STUFEN[max(levels)] if levels else "–"

    click.echo(
        _(
            "{number:<14} {client:<24} {date:<10}  {due:<10}  {days:>4}  {open:>12}  Reminder level"
        ).format(
            number=_("Number"),
            client=_("Client"),
            date=_("Date"),
            due=_("due"),
            days=_("Days"),
            open=_("open"),
        )
    )
    for i in items:
        click.echo(
            f"{i.number:<14} {i.client:<24} {i.issued_on:%d.%m.%Y}  {i.due_on:%d.%m.%Y}  "
            f"{i.days_overdue(on):>4}  {euro(i.open):>12}  {level(i.number)}"
        )
    total = sum((i.open for i in items), Decimal("0.00"))
    click.echo(
        _("{n} open invoice(s), together {amount} (as of {on:%d.%m.%Y})").format(
            n=len(items), amount=euro(total), on=on
        )
    )
    over = [s for s in statuses(ledger, on).values() if s.status is Zahlstatus.UEBERZAHLT]
    for s in over:
        click.echo(_("overpaid: {number} by {amount} (paid {paid}, asked {due}) – "
                     "please refund or set off").format(number=s.number, amount=euro(s.paid - s.due),
                                                        paid=euro(s.paid), due=euro(s.due)))  # fmt: skip
