"""``vadocs invoices due``: what the month-end run would issue, and for whom nothing is due."""

from __future__ import annotations

import re
from pathlib import Path

import click

from vadocs import clock
from vadocs.cli.colour import echo_problems
from vadocs.cli.common import client_files, expand, fail, profile_option
from vadocs.data.workspace import find_workspace
from vadocs.errors import VadocsError
from vadocs.i18n import _
from vadocs.invoicing.due import DueInvoice, DueList, due_list

PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def check_period(period: str) -> None:
    """Raise click's usage error unless ``period`` is ``YYYY-MM``."""
    # years the calendar arithmetic can step past (a month after the period) without overflow
    if not PERIOD.fullmatch(period) or not 1 <= int(period[:4]) <= 9998:
        raise click.BadParameter(
            _("write the month as YYYY-MM, e.g. 2026-11"), param_hint="--period"
        )


@click.command(
    help=_(
        "Show what `invoices run --period` would issue: per client the invoice kind, hours or\n"
        "price, net, VAT, gross and the advance deducted; and every client with nothing due,\n"
        "with the reason. Writes nothing. Exit 1 when a client you named has nothing due.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs invoices due --period 2027-01"
    )
)
@click.argument("clients", nargs=-1, type=click.Path(path_type=Path))
@click.option("--period", required=True, help=_("The month to invoice, as YYYY-MM."))
@click.option(
    "--date", "today", type=click.DateTime(["%Y-%m-%d"]), help=_("Treat this day as today.")
)
@profile_option
def due(clients: tuple[Path, ...], period: str, today: object, profile: Path | None) -> None:
    check_period(period)
    day = today.date() if today is not None else clock.today()  # type: ignore[attr-defined]
    try:
        ws = find_workspace(Path.cwd(), profile)
        files = expand(clients) if clients else client_files(ws.root / "kunden")
        found = due_list(ws, files, period, day, named=bool(clients))
    except VadocsError as exc:
        raise fail(exc) from None
    _print(found, period)
    echo_problems(found.problems)
    if found.problems or (clients and found.without_any()):
        raise click.exceptions.Exit(1)


def _print(found: DueList, period: str) -> None:
    click.echo(_("Due for {period}: {n} invoice(s)").format(period=period, n=len(found.due)))
    for d in found.due:
        click.echo("  " + _line(d))
    if found.nothing:
        click.echo(_("Nothing due for {period}:").format(period=period))
    for n in found.nothing:
        click.echo(f"  {n.kuerzel:<20} {n.grund}")


def _line(d: DueInvoice) -> str:
    from vadocs.documents.formatting import euro, zahl

    r = d.rechnung
    what = _("{hours} h").format(hours=zahl(r.stunden)) if r.zeiten else _("fixed price")
    if r.art == "vorauszahlung":
        what = _("advance")
    text = _("{client} {kind} {what}: net {net}, VAT {vat}, gross {gross}").format(
        client=f"{d.kuerzel:<20}",
        kind=f"{r.art:<13}",
        what=what,
        net=euro(r.netto),
        vat=euro(r.ust),
        gross=euro(r.brutto),
    )
    if d.abzug:
        text += _(", advance deducted {amount}, to pay {due}").format(
            amount=euro(d.abzug), due=euro(r.zahlbetrag)
        )
    if d.nummer:
        text += _(" (issued as {number})").format(number=d.nummer)
    return text
