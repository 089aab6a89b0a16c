"""``vadocs watch``: rebuild on every save through one warm LibreOffice."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from vadocs import clock
from vadocs.build.results import BuildOptions
from vadocs.cli.colour import echo_error, echo_problems
from vadocs.cli.common import fail, shown
from vadocs.errors import VadocsError
from vadocs.i18n import _, language

if TYPE_CHECKING:
    from vadocs.watch.plan import Watched
    from vadocs.watch.session import Rebuild


@click.command(
    name="watch",
    help=_(
        "Rebuild documents on every save of a client file, the profile or a template.\n"
        "\n"
        "Watches client files (or folders of them; default: kunden/), vadocs.yaml, the\n"
        "catalogue, time-tracker CSV files and the templates in vorlagen/. Each save\n"
        "rebuilds exactly the documents it changes, through one LibreOffice kept warm;\n"
        "one line per rebuild. Invoices are previews marked ENTWURF: watch never issues\n"
        "an invoice. While it runs, `vadocs build` uses its LibreOffice. Stop with Ctrl-C.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs watch kunden/"
    ),
)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help=_("Output folder (default: out/ in the workspace)."),
)
@click.option(
    "--profile",
    type=click.Path(path_type=Path),
    help=_("The business profile (default: vadocs.yaml found above the client files)."),
)
@click.option(
    "--date",
    "today",
    type=click.DateTime(["%Y-%m-%d"]),
    help=_("Treat this day as today (for checks)."),
)
def watch_command(
    files: tuple[Path, ...], output: Path | None, profile: Path | None, today: object
) -> None:
    from vadocs.build.run import soffice_for
    from vadocs.watch.session import WatchSession

    options = BuildOptions(
        output=output,
        profile=profile,
        draft=True,
        today=today.date() if today is not None else clock.today(),  # type: ignore[attr-defined]
    )
    try:
        watched = _watched(files, profile)
        session = WatchSession(watched, options, soffice_for(options))
        with session:
            _report(session.initial())

            def ready() -> None:
                count = len(watched.clients())
                root = shown(watched.ws.root)
                click.echo(
                    _("beobachte {count} Kundendatei(en) in {root} – Strg+C beendet").format(
                        count=count, root=root
                    )
                )

            with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C or SIGTERM: the way out
                session.run(_report, ready=ready)
    except VadocsError as exc:
        raise fail(exc) from None
    click.echo(_("watch ended; LibreOffice is stopped"), err=True)
    raise click.exceptions.Exit(130)


def _watched(files: tuple[Path, ...], profile: Path | None) -> Watched:
    from vadocs.data.workspace import find_workspace
    from vadocs.watch.plan import Watched

    targets = files or (Path("kunden"),)
    missing = [f for f in targets if not f.exists()]
    if missing:
        raise VadocsError(
            _("{missing_0}: no such file or folder").format(missing_0=missing[0]),
            hint=_("name client files or folders of them, e.g. `vadocs watch kunden/`"),
        )
    ws = find_workspace(targets[0], profile)
    folders = tuple(f for f in targets if f.is_dir())
    return Watched(ws, tuple(f for f in targets if not f.is_dir()), folders)


def _seconds(value: float) -> str:
    """``2.19`` in the user's language: ``2,19`` in German."""
    text = f"{value:.2f}"
    return text.replace(".", ",") if language() == "de" else text


def _report(rebuild: Rebuild) -> None:
    stamp = time.strftime("%H:%M:%S")
    if rebuild.error is not None:
        echo_error(rebuild.error)
        click.echo(_("{stamp} failed after {seconds} s; waiting for the next change").format(
            stamp=stamp, seconds=_seconds(rebuild.seconds)), err=True)  # fmt: skip
        return
    seen: set[str] = set()
    for result in rebuild.clients:
        echo_problems(result.warnings, seen)
        name = shown(result.client_file)
        if result.error is not None:
            echo_error(result.error, seen)
            click.echo(
                _("{stamp} {name}: not built; waiting for the next change").format(
                    stamp=stamp, name=name
                ),
                err=True,
            )
            continue
        pdfs = [p for p in result.written if p.suffix == ".pdf"]
        where = shown(pdfs[0]) if len(pdfs) == 1 else shown(pdfs[0].parent) if pdfs else "–"
        click.echo(
            _(
                "{stamp} {name}: {new} new PDF, {unchanged} unchanged in {seconds} s → {where}"
            ).format(
                stamp=stamp,
                name=name,
                new=len(pdfs),
                unchanged=len(result.unchanged),
                seconds=_seconds(rebuild.seconds),
                where=where,
            )
        )
    for note in rebuild.notes:
        click.echo(note, err=True)
