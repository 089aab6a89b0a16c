"""``vadocs invoices cancel``: a cancellation invoice, with the invoices that rely on it."""

from __future__ import annotations

from pathlib import Path

import click

from vadocs import clock
from vadocs.build.results import BuildOptions
from vadocs.cli.common import fail, profile_option
from vadocs.errors import VadocsError, shown
from vadocs.i18n import _


@click.command(
    help=_(
        "Issue a cancellation invoice (Stornorechnung) for an issued invoice.\n"
        "\n"
        "The original is never changed; the cancellation gets its own number, refers\n"
        "to the original's number and date, mirrors its amounts and is dated today.\n"
        "An advance that a final invoice deducts is cancelled only with --with-dependents\n"
        "(the final invoice first).\n"
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
@click.option(
    "--with-dependents",
    is_flag=True,
    help=_(
        "Also cancel the invoices that rely on it (a final invoice deducting this advance), those first."
    ),
)
@click.option(
    "--date",
    "today",
    type=click.DateTime(["%Y-%m-%d"]),
    help=_("Date the cancellation on this earlier day (default: today; never a future day)."),
)
@profile_option
def cancel(
    number: str,
    reason: str,
    no_pdf: bool,
    with_dependents: bool,
    today: object,
    profile: Path | None,
) -> None:
    from vadocs.invoicing.cancellation import cancel_invoice

    day = today.date() if today is not None else clock.today()  # type: ignore[attr-defined]
    if not reason.strip():
        raise click.BadParameter(
            _("say why the invoice is cancelled; the reason is printed on the cancellation"),
            param_hint="--reason",
        )
    if day > clock.today():
        raise click.BadParameter(
            _("{day} has not come yet: a cancellation is dated the day it is issued").format(
                day=f"{day:%d.%m.%Y}"
            ),
            param_hint="--date",
        )
    options = BuildOptions(pdf="off" if no_pdf else "auto", profile=profile, today=day)
    try:
        result = cancel_invoice(
            Path.cwd(), number, reason, options, with_dependents=with_dependents
        )
    except VadocsError as exc:
        raise fail(exc) from None
    for path in result.written + result.unchanged:
        click.echo(_("wrote     {path}").format(path=shown(path)))
