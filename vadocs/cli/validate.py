"""``vadocs validate``: every problem of the profile, client files and catalogue at once."""

from __future__ import annotations

from pathlib import Path

import click

from vadocs.cli.common import (
    echo_problems,
    expand,
    fail,
    workspace_files,
)
from vadocs.data.loading import validate_files
from vadocs.data.workspace import find_workspace
from vadocs.errors import Severity, VadocsError


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--profile", type=click.Path(path_type=Path), help="The business profile (vadocs.yaml)."
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def validate(files: tuple[Path, ...], profile: Path | None, strict: bool) -> None:
    """Check client files, the profile and the catalogue; report every problem as
    file:line:col. Without FILES: the whole workspace (vadocs.yaml, every file in
    kunden/, unterauftragsverarbeiter.yaml).

    \b
    Example:
      vadocs validate
      vadocs validate kunden/*.yaml
    """
    try:
        targets = expand(files) if files else workspace_files(profile)
        ws_for = {f: find_workspace(f, profile) for f in targets}
    except VadocsError as exc:
        raise fail(exc) from None
    problems = validate_files(list(ws_for), ws_for)
    echo_problems(problems)
    errors = [p for p in problems if p.severity is Severity.ERROR or strict]
    if errors:
        raise click.exceptions.Exit(1)
    click.echo(
        f"{len(ws_for)} file(s) valid" + (f", {len(problems)} warning(s)" if problems else "")
    )
