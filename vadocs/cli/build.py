"""``vadocs build``: the documents of one or more clients."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from vadocs.build.results import BuildOptions
from vadocs.cli.common import (
    expand,
    parse_only,
    run_build,
)


@click.command(name="build")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output folder (default: out/ in the workspace).",
)
@click.option(
    "--only", help="Comma-separated document types: auftragsbestaetigung,avv,nda,rechnung."
)
@click.option(
    "--pdf/--no-pdf",
    "pdf",
    default=None,
    help="Demand PDFs (fail without LibreOffice), or write DOCX only.",
)
@click.option("--draft", is_flag=True, help="Invoices as drafts marked ENTWURF; no number is used.")
@click.option(
    "--profile",
    type=click.Path(path_type=Path),
    help="The business profile (default: vadocs.yaml found above the client file).",
)
@click.option(
    "--date",
    "today",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Treat this day as today (for checks and the issue date).",
)
@click.option(
    "--datum",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Date new invoices on this earlier day instead of today (never a future day).",
)
@click.option(
    "--force", is_flag=True, help="Render every document again, even where nothing changed."
)
@click.option("-v", "--verbose", is_flag=True, help="List every file, not only the summary.")
def build_command(
    files: tuple[Path, ...],
    output: Path | None,
    only: str | None,
    pdf: bool | None,
    draft: bool,
    profile: Path | None,
    today: object,
    datum: object,
    force: bool,
    verbose: bool,
) -> None:
    """Build the documents of one or more clients (files or folders) as DOCX and PDF.

    \b
    Example:
      vadocs build kunden/mueller-gmbh.yaml
      vadocs build kunden/ --only rechnung --draft
    """
    options = BuildOptions(
        output=output,
        only=parse_only(only),
        pdf="auto" if pdf is None else ("require" if pdf else "off"),
        draft=draft,
        profile=profile,
        force=force,
        today=today.date() if today is not None else date.today(),  # type: ignore[attr-defined]
        datum=datum.date() if datum is not None else None,  # type: ignore[attr-defined]
    )
    nothing = None
    if options.only is not None:
        nothing = f"--only {only}: none of these documents is made for the client(s) named"
    run_build(expand(files), options, verbose, nothing)
