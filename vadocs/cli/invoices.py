"""``vadocs invoices``: the ledger — list, month-end run, cancel, export, validate, verify, back up."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import click

from vadocs import clock
from vadocs.build.results import BuildOptions
from vadocs.cli.cancel import cancel
from vadocs.cli.colour import echo_problems
from vadocs.cli.common import (
    client_files,
    expand,
    fail,
    ledger_for,
    profile_option,
    run_build,
)
from vadocs.cli.due import check_period, due
from vadocs.cli.einvoice import validate_einvoices
from vadocs.data.workspace import find_workspace
from vadocs.errors import VadocsError
from vadocs.i18n import _, ngettext


@click.group(
    help=_(
        "The invoice ledger: list, cancel, export for the tax advisor, verify, back up.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs invoices list --year 2026"
    )
)
def invoices() -> None:
    pass


invoices.add_command(cancel)
invoices.add_command(due)


@invoices.command(
    name="list",
    help=_(
        "List the issued invoices with their totals and status.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs invoices list --year 2026\n"
        "  vadocs invoices list --open"
    ),
)
@click.option("--year", type=int, help=_("Only invoices dated in this year."))
@click.option(
    "--open", "open_only", is_flag=True, help=_("Offene Posten: unpaid invoices and what is open.")
)
@click.option(
    "--date", "on", type=click.DateTime(["%Y-%m-%d"]), help=_("With --open: as of this day.")
)
@profile_option
def list_invoices(year: int | None, open_only: bool, on: object, profile: Path | None) -> None:
    from vadocs.cli.invoice_table import invoice_rows

    _ws, ledger = ledger_for(profile)
    if open_only:
        from vadocs.cli.payments import print_open_items

        day = on.date() if on is not None else clock.today()  # type: ignore[attr-defined]
        with closing(ledger):
            print_open_items(ledger, day, year)
        return
    with closing(ledger):
        found = ledger.all(year)
        every = ledger.all() if year is not None else found
    if found:
        for line in invoice_rows(found, every):
            click.echo(line)
    click.echo(ngettext("{n} invoice", "{n} invoices", len(found)).format(n=len(found)))


@invoices.command(
    name="run",
    help=_(
        "Month-end invoicing: issue every client's invoices for one month in one run.\n"
        "\n"
        "Every client file in kunden/ (or only the CLIENTS named) with an invoice for\n"
        "that month is built; the others are listed as having nothing due. Nothing due\n"
        "for the whole workspace is fine (exit 0); nothing due for a client you named\n"
        "is an error (exit 1).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs invoices run --period 2026-11\n"
        "  vadocs invoices run --period 2026-11 kunden/mueller-gmbh.yaml"
    ),
)
@click.argument("clients", nargs=-1, type=click.Path(path_type=Path))
@click.option("--period", required=True, help=_("The month to invoice, as YYYY-MM."))
@click.option("--pdf/--no-pdf", "pdf", default=None, help=_("Demand PDFs, or write DOCX only."))
@click.option("--draft", is_flag=True, help=_("Drafts marked ENTWURF; no number is used."))
@click.option(
    "--datum",
    type=click.DateTime(["%Y-%m-%d"]),
    help=_("Date the invoices on this earlier day instead of today (never a future day)."),
)
@click.option(
    "--date",
    "today",
    type=click.DateTime(["%Y-%m-%d"]),
    help=_(
        "Pretend this day is today, as YYYY-MM-DD; a day after today is only a preview (drafts, nothing recorded)."
    ),
)
@click.option("-v", "--verbose", is_flag=True, help=_("List every file, not only the summary."))
@profile_option
def run_invoices(
    clients: tuple[Path, ...],
    period: str,
    pdf: bool | None,
    draft: bool,
    datum: object,
    today: object,
    verbose: bool,
    profile: Path | None,
) -> None:

    check_period(period)
    try:
        ws = find_workspace(Path.cwd(), profile)
    except VadocsError as exc:
        raise fail(exc) from None
    files = expand(clients) if clients else client_files(ws.root / "kunden")
    options = BuildOptions(
        pdf="auto" if pdf is None else ("require" if pdf else "off"),
        draft=draft,
        profile=ws.profile_file,
        period=period,
        only=frozenset({"rechnung"}),
        today=today.date() if today is not None else clock.today(),  # type: ignore[attr-defined]
        datum=datum.date() if datum is not None else None,  # type: ignore[attr-defined]
    )
    if not files:
        click.echo(
            _("{ws_root_kunden}: no client files; nothing is due for {period}").format(
                ws_root_kunden=ws.root / "kunden", period=period
            )
        )
        return
    nothing = (
        _("no invoice is due for {period} for the client(s) named").format(period=period)
        if clients
        else None
    )
    run_build(files, options, verbose, nothing)


@invoices.command(
    help=_(
        "Export the invoice list for the tax advisor: CSV for German Excel (; and decimal\n"
        "comma), or a DATEV Buchungsstapel (EXTF, Windows-1252).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs invoices export --format csv --year 2026 -o rechnungen-2026.csv\n"
        "  vadocs invoices export --format datev --year 2026 --payments -o EXTF_Rechnungen_2026.csv"
    )
)
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "datev"]), default="csv", show_default=True
)
@click.option("--year", type=int, help=_("Only invoices dated in this year."))
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help=_("datev: first day."))
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help=_("datev: last day."))
@click.option("--payments", is_flag=True, help=_("datev: also the payment bookings."))
@click.option(
    "--with-documents", "documents", is_flag=True, help=_("datev: also a flat ZIP of the PDFs.")
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help=_("Write to this file instead of standard output."),
)
@profile_option
def export(
    fmt: str,
    year: int | None,
    date_from: object,
    date_to: object,
    payments: bool,
    documents: bool,
    output: Path | None,
    profile: Path | None,
) -> None:
    if fmt == "datev":
        from vadocs.cli.datev import datev_export

        datev_export(profile, year, date_from, date_to, payments, documents, output)
        return
    from vadocs.invoicing.reports import export_csv
    from vadocs.output import write_atomic
    from vadocs.payments.status import statuses

    if output is not None and not output.parent.is_dir():
        raise fail(
            VadocsError(
                _("{output}: the folder {parent} does not exist").format(
                    output=output, parent=output.parent
                ),
                hint=_("create the folder first, or name another file"),
            )
        )
    _ws, ledger = ledger_for(profile)
    with closing(ledger):
        text = export_csv(ledger.all(year), statuses(ledger))
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        click.echo(_("wrote {output}").format(output=output))


@invoices.command(
    help=_(
        "Recompute the SHA-256 of every archived invoice and reminder file; report changed or\n"
        "vanished ones.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs invoices verify"
    )
)
@profile_option
def verify(profile: Path | None) -> None:
    from vadocs.dunning.records import verify_reminders
    from vadocs.invoicing.reports import verify as verify_ledger

    ws, ledger = ledger_for(profile)
    with closing(ledger):
        checked, problems = verify_ledger(ledger, ws.default_output)
        letters, wrong = verify_reminders(ledger)
    checked += letters
    problems += wrong
    echo_problems(problems)
    if problems:
        raise click.exceptions.Exit(1)
    click.echo(_("{checked} archived file(s) verified, all unchanged").format(checked=checked))


@invoices.command(
    help=_(
        "Copy the ledger with SQLite's online backup (safe while vadocs runs).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs invoices backup /media/usb/ledger-2026-11-30.sqlite"
    )
)
@click.argument("dest", type=click.Path(path_type=Path))
@profile_option
def backup(dest: Path, profile: Path | None) -> None:
    _ws, ledger = ledger_for(profile)
    try:
        with closing(ledger):
            ledger.backup(dest)
    except VadocsError as exc:
        raise fail(exc) from None
    click.echo(_("wrote {dest}").format(dest=dest))


invoices.add_command(validate_einvoices)
