"""``vadocs build``: the documents of one or more clients."""

from __future__ import annotations

from pathlib import Path

import click

from vadocs import clock
from vadocs.build.results import BuildOptions
from vadocs.cli.common import (
    expand,
    parse_only,
    run_build,
)
from vadocs.i18n import _


@click.command(
    name="build",
    help=_(
        "Build the documents of one or more clients (files or folders) as DOCX and PDF.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs build kunden/mueller-gmbh.yaml\n"
        "  vadocs build kunden/ --only rechnung --draft"
    ),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help=_("Output folder (default: out/ in the workspace)."),
)
@click.option(
    "--only", help=_("Comma-separated document types: auftragsbestaetigung,avv,nda,rechnung.")
)
@click.option(
    "--pdf/--no-pdf",
    "pdf",
    default=None,
    help=_("Demand PDFs (fail without LibreOffice), or write DOCX only."),
)
@click.option(
    "--draft", is_flag=True, help=_("Invoices as drafts marked ENTWURF; no number is used.")
)
@click.option(
    "--profile",
    type=click.Path(path_type=Path),
    help=_("The business profile (default: vadocs.yaml found above the client file)."),
)
@click.option(
    "--date",
    "today",
    type=click.DateTime(["%Y-%m-%d"]),
    help=_(
        "Pretend this day is today, as YYYY-MM-DD; a day after today is only a preview (drafts, nothing recorded)."
    ),
)
@click.option(
    "--datum",
    type=click.DateTime(["%Y-%m-%d"]),
    help=_("Date new invoices on this earlier day instead of today (never a future day)."),
)
@click.option(
    "--force", is_flag=True, help=_("Render every document again, even where nothing changed.")
)
@click.option("-v", "--verbose", is_flag=True, help=_("List every file, not only the summary."))
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
    options = BuildOptions(
        output=output,
        only=parse_only(only),
        pdf="auto" if pdf is None else ("require" if pdf else "off"),
        draft=draft,
        profile=profile,
        force=force,
        today=today.date() if today is not None else clock.today(),  # type: ignore[attr-defined]
        datum=datum.date() if datum is not None else None,  # type: ignore[attr-defined]
    )
    nothing = None
    if options.only is not None:
        nothing = f"--only {only}: none of these documents is made for the client(s) named"
    run_build(expand(files), options, verbose, nothing)
