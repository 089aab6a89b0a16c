"""The ``vadocs`` command line. Commands parse options, call one library function, report."""

from __future__ import annotations

import os
import signal
import sys
import textwrap
import traceback
from pathlib import Path

import click

from vadocs import __version__
from vadocs.cli import (
    build,
    gobd,
    invoices,
    payments,
    reminders,
    templates,
    timesheets,
    validate,
    watch,
)
from vadocs.cli.colour import echo_message
from vadocs.cli.common import fail
from vadocs.cli.params import localise
from vadocs.errors import VadocsError, shown
from vadocs.i18n import N_, _, use_for_click

EXAMPLE = "\n\n\b\nExample:\n  "

EXIT_STATUS = {
    0: N_("success (warnings allowed, unless --strict)"),
    1: N_(
        "problems found in your files, templates, ledger or e-invoices "
        "(a client failed, a check error, a verify mismatch, an invalid e-invoice, "
        "nothing to do where something was asked for)"
    ),
    2: N_("wrong usage, or an internal error"),
    130: N_("interrupted (Ctrl-C, SIGTERM): nothing half-written"),
}
"""The exit-status contract of every command (README table, ``--help`` epilog, e2e tests)."""

EPILOG = (
    "\b\n"
    + _("Exit status:")
    + "\n"
    + "\n".join(
        textwrap.fill(_(text), 78, initial_indent=f"  {code:<4} ", subsequent_indent=" " * 7)
        for code, text in EXIT_STATUS.items()
    )
)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EPILOG,
    help=_(
        "vadocs — contracts, GDPR agreements and invoices for virtual assistants in Germany.\n"
        "\n"
        "Keep your business profile in vadocs.yaml and one YAML file per client in\n"
        "kunden/; vadocs builds the order confirmation, NDA, AVV and invoices as DOCX\n"
        "and PDF."
    ),
)
@click.version_option(
    __version__,
    prog_name="vadocs",
    help=_("Show the version and exit."),
    message=_("%(prog)s, version %(version)s"),
)
def main() -> None:
    pass


@main.command(
    help=_(
        "Create a new workspace: vadocs.yaml, one example client, a short README.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs init meine-assistenz && cd meine-assistenz && vadocs build kunden/"
    )
)
@click.argument("directory", type=click.Path(path_type=Path), default=".")
def init(directory: Path) -> None:
    from vadocs.data.scaffold import create_workspace

    try:
        created = create_workspace(directory)
    except VadocsError as exc:
        raise fail(exc) from None
    for path in created:
        click.echo(_("created {path}").format(path=shown(path)))


@main.command(
    help=_(
        "Write or check the JSON Schema files that editors use for autocompletion.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs schema --write --dir schemas"
    )
)
@click.option(
    "--write", is_flag=True, help=_("Write the files into schemas/ instead of checking them.")
)
@click.option(
    "--dir", "folder", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True
)
def schema(write: bool, folder: Path) -> None:
    from vadocs.data.schema_export import check_schemas, write_schemas

    if write:
        for path in write_schemas(folder):
            click.echo(_("wrote {path}").format(path=shown(path)))
        return
    stale = check_schemas(folder)
    for path in stale:
        click.echo(
            _("{path}: out of date; run `vadocs schema --write`").format(path=shown(path)), err=True
        )
    if stale:
        raise click.exceptions.Exit(1)
    click.echo(_("schemas are current"))


for _command in (
    validate.validate,
    build.build_command,
    invoices.invoices,
    *templates.COMMANDS,
    *payments.COMMANDS,
    *reminders.COMMANDS,
    *timesheets.COMMANDS,
    watch.watch_command,
    *gobd.COMMANDS,
):
    main.add_command(_command)


def _translate_metavars(command: click.Command) -> None:
    """click's usage placeholders ``[OPTIONS]`` and ``COMMAND [ARGS]...`` in our language."""
    command.options_metavar = _("[OPTIONS]")
    if isinstance(command, click.Group):
        command.subcommand_metavar = _("COMMAND [ARGS]...")
        for sub in command.commands.values():
            _translate_metavars(sub)


_translate_metavars(main)
localise(main)


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C: context managers stop LibreOffice and roll back the ledger.
    raise KeyboardInterrupt


def run() -> None:
    """Console entry point: no traceback for an interruption or, unless VADOCS_DEBUG, a bug."""
    signal.signal(signal.SIGTERM, _terminate)
    use_for_click()
    try:
        # standalone_mode=False makes click *return* the code of a raised Exit instead of
        # exiting with it; dropping that value once turned every failure into exit 0.
        code = main(prog_name="vadocs", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo(_("interrupted: no invoice was issued half-way; nothing half-written"), err=True)
        sys.exit(130)
    except Exception:
        if os.environ.get("VADOCS_DEBUG"):
            raise
        echo_message(
            _(
                "vadocs: internal error (a bug in vadocs, not in your files):\n{error}\n"
                "run again with VADOCS_DEBUG=1 for the details and report them"
            ).format(error=traceback.format_exc(limit=-3).strip().splitlines()[-1])
        )
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
