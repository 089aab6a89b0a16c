"""``vadocs validate``: every problem of the profile, client files and catalogue at once."""

from __future__ import annotations

from pathlib import Path

import click

from vadocs.cli.colour import echo_problems
from vadocs.cli.common import (
    expand,
    fail,
    workspace_files,
)
from vadocs.data.loading import validate_files
from vadocs.data.workspace import find_workspace
from vadocs.errors import Severity, VadocsError
from vadocs.i18n import _, ngettext


@click.command(
    help=_(
        "Check client files, the profile and the catalogue; report every problem as\n"
        "file:line:col. Without FILES: the whole workspace (vadocs.yaml, every file in\n"
        "kunden/, unterauftragsverarbeiter.yaml).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs validate\n"
        "  vadocs validate kunden/*.yaml"
    )
)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--profile", type=click.Path(path_type=Path), help=_("The business profile (vadocs.yaml).")
)
@click.option("--strict", is_flag=True, help=_("Treat warnings as errors."))
def validate(files: tuple[Path, ...], profile: Path | None, strict: bool) -> None:
    try:
        targets = expand(files) if files else workspace_files(profile)
        ws_for = {f: find_workspace(f, profile) for f in targets}
    except VadocsError as exc:
        raise fail(exc) from None
    problems = validate_files(list(ws_for), ws_for)
    echo_problems(problems)
    errors = [p for p in problems if p.severity is Severity.ERROR or strict]
    if errors:
        bad = len({p.file for p in errors})
        checked = ngettext("{n} file checked", "{n} files checked", len(ws_for))
        click.echo(
            checked.format(n=len(ws_for))
            + ", "
            + ngettext("{n} with errors", "{n} with errors", bad).format(n=bad)
        )
        raise click.exceptions.Exit(1)
    valid = ngettext("{n} file valid", "{n} files valid", len(ws_for)).format(n=len(ws_for))
    if problems:
        valid += ", " + ngettext("{n} warning", "{n} warnings", len(problems)).format(
            n=len(problems)
        )
    click.echo(valid)
