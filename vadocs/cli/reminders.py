"""``vadocs reminders``: list the Zahlungserinnerungen and Mahnungen due, and build them.

Parses the options, calls :mod:`vadocs.dunning.run` and prints the result in German.
"""

from __future__ import annotations

from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from vadocs import clock
from vadocs.errors import Problem, ProblemsError, Severity, VadocsError, shown
from vadocs.i18n import _

if TYPE_CHECKING:
    from vadocs.dunning.run import Plan


@click.command(
    help=_(
        "List the reminders due (Zahlungserinnerung and Mahnungen) and build them.\n"
        "\n"
        "Shows per open invoice the level due (Zahlungserinnerung, 1. or 2. Mahnung),\n"
        "days overdue, open amount, default interest (§ 288 BGB) and the € 40 flat\n"
        "fee for businesses. --build writes them from the template mahnung.docx\n"
        "(your own in vorlagen/, else the built-in one) and records them in the ledger.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs reminders --date 2026-12-15\n"
        "  vadocs reminders --build"
    )
)
@click.option(
    "--date",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help=_("The day to look at, as YYYY-MM-DD (default: today)."),
)
@click.option("--build", is_flag=True, help=_("Write each reminder as DOCX and PDF and record it."))
@click.option(
    "--profile",
    type=click.Path(path_type=Path),
    help=_("The business profile (default: vadocs.yaml above the current folder)."),
)
def reminders(on: datetime | None, build: bool, profile: Path | None) -> None:
    from vadocs.build.results import BuildOptions
    from vadocs.build.run import soffice_for
    from vadocs.data.workspace import find_workspace
    from vadocs.dunning.run import build_reminders, plan_reminders
    from vadocs.invoicing.ledger import Ledger
    from vadocs.pdf.oneshot import INSTALL_HINT

    day = on.date() if on is not None else clock.today()
    if build and day > clock.today():
        raise click.UsageError(
            _(
                "--build records reminders with the day they are sent; --date {day} has not "
                "come yet (leave out --build to preview)"
            ).format(day=f"{day:%d.%m.%Y}")
        )
    try:
        ws = find_workspace(Path.cwd(), profile)
        ledger_file = ws.state_dir / "ledger.sqlite"
        if not ledger_file.is_file():
            click.echo(
                _("no invoices issued yet ({ledger}): nothing to remind.").format(
                    ledger=shown(ledger_file)
                )
            )
            return
        with closing(Ledger(ledger_file)) as ledger:
            plan = plan_reminders(ws, ledger, day)
            _show(plan)
            if build and plan.vorschlaege:
                soffice = soffice_for(BuildOptions(pdf="auto"))
                if soffice is None:
                    click.echo(
                        _("LibreOffice is missing: DOCX only. For PDFs {hint}").format(
                            hint=_(INSTALL_HINT)
                        ),
                        err=True,
                    )
                for path in build_reminders(ws, ledger, plan, soffice=soffice):
                    click.echo(_("written  {path}").format(path=shown(path)))
                click.echo(
                    _("{n} letter(s) created and recorded in the ledger.").format(
                        n=len(plan.vorschlaege)
                    )
                )
    except ProblemsError as exc:
        _problems(exc.problems)
        raise click.exceptions.Exit(1) from None
    except VadocsError as exc:
        click.echo(exc.format(), err=True)
        raise click.exceptions.Exit(1) from None
    _problems(plan.problems)
    if _has_errors(plan.problems):
        raise click.exceptions.Exit(1)


def _show(plan: Plan) -> None:
    from vadocs.documents.formatting import euro

    if not plan.vorschlaege:
        click.echo(
            _("On {day:%d.%m.%Y} no payment reminder and no dunning letter is due.").format(
                day=plan.stichtag
            )
        )
    else:
        click.echo(_("Due on {day:%d.%m.%Y}:").format(day=plan.stichtag))
        click.echo(
            _(
                "{invoice:<14} {client:<22} {level:<19} {days:>5} {open:>13} {interest:>10} "
                "{flat_fee:>10} {fees:>9}"
            ).format(
                invoice=_("Invoice"),
                client=_("Client"),
                level=_("Level"),
                days=_("Days"),
                open=_("open"),
                interest=_("Interest"),
                flat_fee=_("Flat fee"),
                fees=_("Fees"),
            )
        )
    for v in plan.vorschlaege:
        m, f = v.mahnung, v.faellig.forderung
        click.echo(
            f"{f.number:<14} {f.client:<22} {m.titel:<19} {v.faellig.tage_ueberfaellig:>5} "
            f"{euro(m.offen):>13} {euro(m.zinsen):>10} {euro(m.pauschale):>10} "
            f"{euro(m.gebuehren):>9}"
        )
        if m.verzug is not None:
            click.echo(
                _("{value:<14} in default since {beginn:%d.%m.%Y}: {grund}").format(
                    value="", beginn=m.verzug.beginn, grund=m.verzug.grund
                )
            )
    for client, numbers in plan.skipped.items():
        for number in numbers:
            click.echo(
                f"{number:<14} {client:<22} "
                + _("skipped — the client file has errors (see below)")
            )
    for held in plan.zurueckgestellt:
        f = held.forderung
        click.echo(
            f"{f.number:<14} {f.client:<22} "
            + _("no reminder — {reason}").format(reason=held.grund)
        )


def _has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def _problems(problems: list[Problem]) -> None:
    for p in problems:
        click.echo(p.format(), err=True)


COMMANDS = [reminders]
