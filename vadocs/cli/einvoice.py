"""``vadocs invoices validate``: e-invoices checked by what they declare, file by file."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import click

from vadocs.cli.colour import echo_problems
from vadocs.cli.common import fail, ledger_for, profile_option, shown
from vadocs.errors import Severity, VadocsError
from vadocs.i18n import _


@click.command(
    name="validate",
    help=_(
        "Check e-invoices offline by what they declare (BT-24): Factur-X/ZUGFeRD against\n"
        "their profile's XSD and schematron plus the CEN EN 16931 rules, XRechnung (CII)\n"
        "against XSD, CEN and KoSIT's XRechnung rules. The official CEN and KoSIT rules are\n"
        "not shipped: set VADOCS_EINVOICE_RULES to the folder holding them (e.g. KoSIT's\n"
        "validator-configuration-xrechnung). An XRechnung is never valid unchecked.\n"
        "\n"
        "FILES are PDFs (the embedded factur-x.xml, zugferd-invoice.xml or xrechnung.xml is\n"
        "checked) or XML files; without FILES, every archived invoice of the workspace.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  VADOCS_EINVOICE_RULES=~/kosit vadocs invoices validate out/mueller-gmbh/*.pdf"
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
        ran = ", ".join(report.ran) or _("none")
        click.echo(
            _("{file}: {kind}; checked with: {ran}").format(
                file=shown(report.file), kind=report.kind, ran=ran
            )
        )
        echo_problems(list(report.problems))
        errors += sum(p.severity is Severity.ERROR for p in report.problems)
        named = files and not report.is_einvoice
        if named and not any(p.severity is Severity.ERROR for p in report.problems):
            # A file named on the command line was asked to be checked: none inside is a fault.
            click.echo(
                _("{file}: error: holds no e-invoice").format(file=shown(report.file)), err=True
            )
            errors += 1
    checked = sum(r.is_einvoice for r in reports)
    click.echo(
        _("{checked} e-invoice(s) checked, {errors} error(s)").format(
            checked=checked, errors=errors
        )
    )
    if errors:
        raise click.exceptions.Exit(1)
