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
        raise click.BadParameter(_("Datum als JJJJ-MM-TT, z. B. 2026-12-31")) from None
    if day > clock.today():
        raise click.BadParameter(
            _(
                "{day} has not come yet: a payment is recorded on or after the day it was made"
            ).format(day=f"{day:%d.%m.%Y}")
        )
    return day


def _outcome_line(o: Outcome) -> str:
    b = o.booking
    head = f"{b.booked_on:%d.%m.%Y} {euro(b.amount):>12}  {b.payer[:28]:<28}"
    if o.kind in ("matched", "refund"):
        parts = ", ".join(f"{a.number} ({euro(a.amount)})" for a in o.allocations)
        rest = b.amount - sum((a.amount for a in o.allocations), Decimal("0.00"))
        left = f"; Rest {euro(rest)} nicht zugeordnet  [{b.identity}]" if rest > 0 else ""
        return f"{head}  → {'Erstattung ' if o.kind == 'refund' else ''}{parts}{left}"
    return f"{head}  nicht zugeordnet  [{b.identity}]"


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
        click.echo(_("nichts importiert"), err=True)
        raise click.exceptions.Exit(1) from None
    except VadocsError as exc:
        raise fail(exc) from None
    for outcome in report.new:
        if outcome.kind != "ignored":
            click.echo(_outcome_line(outcome))
        for c in outcome.candidates:
            click.echo(
                f"    möglich: {c.number} {c.client} offen {euro(c.open)} ({', '.join(c.reasons)})"
            )
    click.echo(
        f"{len(report.new)} neue Buchung(en), {len(report.of_kind('matched'))} zugeordnet, "
        f"{len(report.of_kind('unmatched'))} offen, {report.known} bereits bekannt"
    )


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
        raise click.BadParameter("Betrag wie 119,00 oder 119.00", param_hint="--amount") from None
    if amount != amount.quantize(Decimal("0.01")):
        raise click.BadParameter("höchstens zwei Nachkommastellen", param_hint="--amount")
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
    click.echo(f"Zahlung {euro(value)} für {number} erfasst")


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
            "nicht zugeordnet" if b.incoming else "Ausgang"
        )
        if b.identity in rest and b.identity in by_booking:
            target += f", Rest {euro(rest[b.identity])} nicht zugeordnet"
        click.echo(
            f"{b.booked_on:%d.%m.%Y} {euro(b.amount):>12}  {b.payer[:28]:<28}  {target}"
            f"\n    [{b.identity}] {b.remittance[:70]}"
        )
    click.echo(f"{len(shown)} Buchung(en)")


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
            "{nummer:<14} {kunde:<24} {datum:<10}  {fällig:<10}  {tage:>4}  {offen:>12}  Mahnstufe"
        ).format(
            nummer="Nummer",
            kunde="Kunde",
            datum="Datum",
            fällig="fällig",
            tage="Tage",
            offen="offen",
        )
    )
    for i in items:
        click.echo(
            f"{i.number:<14} {i.client:<24} {i.issued_on:%d.%m.%Y}  {i.due_on:%d.%m.%Y}  "
            f"{i.days_overdue(on):>4}  {euro(i.open):>12}  {level(i.number)}"
        )
    total = sum((i.open for i in items), Decimal("0.00"))
    click.echo(f"{len(items)} offene Rechnung(en), zusammen {euro(total)} (Stand {on:%d.%m.%Y})")
    over = [s for s in statuses(ledger, on).values() if s.status is Zahlstatus.UEBERZAHLT]
    for s in over:
        click.echo(
            f"überzahlt: {s.number} um {euro(s.paid - s.due)} "
            f"(gezahlt {euro(s.paid)}, verlangt {euro(s.due)}) – bitte erstatten oder verrechnen"
        )
