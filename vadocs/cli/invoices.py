"""``vadocs invoices``: the ledger — list, month-end run, cancel, export, validate, verify, back up."""

from __future__ import annotations

import re
from contextlib import closing
from datetime import date
from pathlib import Path

import click

from vadocs.build.results import BuildOptions
from vadocs.cli.common import (
    client_files,
    echo_problems,
    expand,
    fail,
    ledger_for,
    profile_option,
    run_build,
    shown,
)
from vadocs.data.workspace import find_workspace
from vadocs.errors import Severity, VadocsError
from vadocs.i18n import _


@click.group(
    help=_(
        "The invoice ledger: list, cancel, export for the tax advisor, verify, back up.\n\n\b\nExample:\n  vadocs invoices list --year 2026"
    )
)
def invoices() -> None:
    pass


@invoices.command(
    name="list",
    help=_(
        "List the issued invoices with their totals and status.\n\n\b\nExample:\n  vadocs invoices list --year 2026\n  vadocs invoices list --open"
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
    from vadocs.documents.formatting import euro

    _ws, ledger = ledger_for(profile)
    if open_only:
        from vadocs.cli.payments import print_open_items

        day = on.date() if on is not None else date.today()  # type: ignore[attr-defined]
        with closing(ledger):
            print_open_items(ledger, day, year)
        return
    with closing(ledger):
        found = ledger.all(year)
    for inv in found:
        status = "storniert" if inv.status == "cancelled" else ""
        ref = f"storniert {inv.cancels}" if inv.cancels else status
        click.echo(
            f"{inv.number:<14} {inv.issued_on:%d.%m.%Y}  {inv.client:<24} {inv.kind:<13} "
            f"{inv.period}  {euro(inv.gross):>14}  {ref}".rstrip()
        )
    click.echo(_("{n} invoice(s)").format(n=len(found)))


@invoices.command(
    name="run",
    help=_(
        "Month-end invoicing: issue every client's invoices for one month in one run.\n\nEvery client file in kunden/ (or only the CLIENTS named) with an invoice for\nthat month is built; the others are listed as having nothing due. Nothing due\nfor the whole workspace is fine (exit 0); nothing due for a client you named\nis an error (exit 1).\n\n\b\nExample:\n  vadocs invoices run --period 2026-11\n  vadocs invoices run --period 2026-11 kunden/mueller-gmbh.yaml"
    ),
)
@click.argument("clients", nargs=-1, type=click.Path(path_type=Path))
@click.option("--period", required=True, help=_("The month to invoice, as YYYY-MM."))
@click.option("--pdf/--no-pdf", "pdf", default=None, help=_("Demand PDFs, or write DOCX only."))
@click.option("--draft", is_flag=True, help=_("Drafts marked ENTWURF; no number is used."))
@click.option("-v", "--verbose", is_flag=True, help=_("List every file, not only the summary."))
@profile_option
def run_invoices(
    clients: tuple[Path, ...],
    period: str,
    pdf: bool | None,
    draft: bool,
    verbose: bool,
    profile: Path | None,
) -> None:

    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
        raise click.BadParameter(
            _("write the month as YYYY-MM, e.g. 2026-11"), param_hint="--period"
        )
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
        today=date.today(),
    )
    if not files:
        click.echo(
            _("{ws_root_kunden}: no client files; nothing is due for {period}").format(
                ws_root_kunden=ws.root / "kunden", period=period
            )
        )
        return
    nothing = f"no invoice is due for {period} for the client(s) named" if clients else None
    run_build(files, options, verbose, nothing)


@invoices.command(
    help=_(
        "Issue a cancellation invoice (Stornorechnung) for an issued invoice.\n"
        "\n"
        "The original is never changed; the cancellation gets its own number, refers\n"
        "to the original's number and date and mirrors its amounts.\n"
        "\n"
        "\b\n"
        "Example:\n"
        '  vadocs invoices cancel 2026-0003 --reason "Falscher Leistungszeitraum"'
    )
)
@click.argument("number")
@click.option(
    "--reason", required=True, help=_("Why the invoice is cancelled (printed on the cancellation).")
)
@click.option("--no-pdf", "no_pdf", is_flag=True, help=_("Write DOCX only."))
@profile_option
def cancel(number: str, reason: str, no_pdf: bool, profile: Path | None) -> None:
    from vadocs.invoicing.cancellation import cancel_invoice

    options = BuildOptions(pdf="off" if no_pdf else "auto", profile=profile, today=date.today())
    try:
        result = cancel_invoice(Path.cwd(), number, reason, options)
    except VadocsError as exc:
        raise fail(exc) from None
    for path in result.written + result.unchanged:
        click.echo(_("wrote     {path}").format(path=path))


@invoices.command(
    help=_(
        "Export the invoice list for the tax advisor: CSV for German Excel (; and decimal\ncomma), or a DATEV Buchungsstapel (EXTF, Windows-1252).\n\n\b\nExample:\n  vadocs invoices export --format csv --year 2026 -o rechnungen-2026.csv\n  vadocs invoices export --format datev --year 2026 --payments -o EXTF_Rechnungen_2026.csv"
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

    _ws, ledger = ledger_for(profile)
    with closing(ledger):
        text = export_csv(ledger.all(year), statuses(ledger))
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        click.echo(_("wrote {output}").format(output=output))


@invoices.command(
    name="validate",
    help=_(
        "Check e-invoices offline by what they declare (BT-24): Factur-X/ZUGFeRD against\ntheir profile's XSD and schematron plus the CEN EN 16931 rules, XRechnung (CII)\nagainst XSD, CEN and KoSIT's XRechnung rules. The official CEN and KoSIT rules are\nnot shipped: set VADOCS_EINVOICE_RULES to the folder holding them (e.g. KoSIT's\nvalidator-configuration-xrechnung). An XRechnung is never valid unchecked.\n\nFILES are PDFs (the embedded factur-x.xml, zugferd-invoice.xml or xrechnung.xml is\nchecked) or XML files; without FILES, every archived invoice of the workspace.\n\n\b\nExample:\n  VADOCS_EINVOICE_RULES=~/kosit vadocs invoices validate out/mueller-gmbh/*.pdf"
    ),
)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@profile_option
def validate_einvoices(files: tuple[Path, ...], profile: Path | None) -> None:
    from vadocs.einvoice.check_files import check_files

    targets = list(files)
    if not targets:
        _ws, ledger = ledger_for(profile)
        with closing(ledger):
            targets = sorted(p for p in ledger.archive.rglob("*") if p.suffix in (".pdf", ".xml"))
    try:
        reports = check_files(targets)
    except VadocsError as exc:
        raise fail(exc) from None
    errors = 0
    for report in reports:
        ran = ", ".join(report.ran) or "keine"
        click.echo(f"{shown(report.file)}: {report.kind}; geprüft mit: {ran}")
        echo_problems(list(report.problems))
        errors += sum(p.severity is Severity.ERROR for p in report.problems)
    checked = sum(r.is_einvoice for r in reports)
    click.echo(f"{checked} E-Rechnung(en) geprüft, {errors} Fehler")
    if errors:
        raise click.exceptions.Exit(1)


@invoices.command(
    help=_(
        "Recompute the SHA-256 of every archived invoice file; report changed or vanished ones.\n\n\b\nExample:\n  vadocs invoices verify"
    )
)
@profile_option
def verify(profile: Path | None) -> None:
    from vadocs.invoicing.reports import verify as verify_ledger

    ws, ledger = ledger_for(profile)
    with closing(ledger):
        checked, problems = verify_ledger(ledger, ws.default_output)
    echo_problems(problems)
    if problems:
        raise click.exceptions.Exit(1)
    click.echo(_("{checked} archived file(s) verified, all unchanged").format(checked=checked))


@invoices.command(
    help=_(
        "Copy the ledger with SQLite's online backup (safe while vadocs runs).\n\n\b\nExample:\n  vadocs invoices backup /media/usb/ledger-2026-11-30.sqlite"
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
