"""``vadocs timesheets show``: what a time-tracker export would bill for one month."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import click

from vadocs.cli.colour import echo_problems
from vadocs.cli.common import fail
from vadocs.errors import ProblemsError, VadocsError
from vadocs.i18n import _
from vadocs.invoicing.invoice import month_bounds
from vadocs.invoicing.money import hours_of, round_up_minutes
from vadocs.model.time_import import Datumsformat, Dauerformat
from vadocs.timesheets import Imported, Request, import_times
from vadocs.timesheets.report import entry_lines
from vadocs.timesheets.values import hm

_DATE_FORMATS: list[str] = list(get_args(Datumsformat))
_DURATION_FORMATS: list[str] = list(get_args(Dauerformat))


@click.group(
    help=_(
        "Time-tracker exports (Kimai, Toggl Track, Clockify, Harvest, CSV or XLSX).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs timesheets show kunden/kimai-dezember.csv --period 2026-12"
    )
)
def timesheets() -> None:
    pass


@timesheets.command(
    name="show",
    help=_(
        "Show exactly which rows of an export would be billed for a month, and why others not.\n"
        "\n"
        "Prints the rows read, used and skipped (by reason), every billed entry and the total.\n"
        "Exit status 1 when the file cannot be read or no row would be billed.\n"
        "\n"
        "\b\n"
        "Example:\n"
        '  vadocs timesheets show kunden/toggl-dezember.csv --period 2026-12 --client "Müller GmbH"'
    ),
)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--period", required=True, help=_("The month, as YYYY-MM."))
@click.option("--client", help=_("Only rows of this client (as zeiten_kunde in the client file)."))
@click.option("--project", help=_("Only rows of this project (as zeiten_projekt)."))
@click.option("--date-format", type=click.Choice(_DATE_FORMATS), help=_("As datumsformat."))
@click.option("--duration-format", type=click.Choice(_DURATION_FORMATS), help=_("As dauerformat."))
@click.option(
    "--increment",
    type=click.Choice(["6", "15", "30", "60"]),
    help=_("Round each entry up to this many minutes, as the invoice does (taktung_minuten)."),
)
@click.option("--all", "everything", is_flag=True, help=_("Include rows marked not billable."))
def show_command(
    file: Path,
    period: str,
    client: str | None,
    project: str | None,
    date_format: str | None,
    duration_format: str | None,
    increment: str | None,
    everything: bool,
) -> None:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
        raise click.BadParameter(
            _("den Monat als JJJJ-MM angeben, z. B. 2026-12"), param_hint="--period"
        )
    von, bis = month_bounds(period)
    request = Request(
        file, von, bis, client, project, None, date_format, duration_format, everything
    )
    try:
        imported = import_times(request)
    except ProblemsError as exc:
        echo_problems(exc.problems)
        raise click.exceptions.Exit(1) from None
    except VadocsError as exc:
        raise fail(exc) from None
    _print(imported, int(increment) if increment else None)


def _print(imported: Imported, step: int | None) -> None:
    click.echo(imported.report.summary())
    for line in entry_lines(imported.entries):
        click.echo(f"  {line}")
    if step is not None:
        billed = sum(round_up_minutes(e.minuten, step) for e in imported.entries)
        click.echo(
            _("to bill in {step}-minute steps: {hours} h").format(
                step=step, hours=str(hours_of(billed)).replace(".", ",", 1)
            )
        )
    else:
        click.echo(
            _("zusammen {hm_imported_report_minut} Std.").format(
                hm_imported_report_minut=hm(imported.report.minutes)
            )
        )
    echo_problems(imported.warnings)


COMMANDS = (timesheets,)
