"""``vadocs verfahrensdoku``: write the GoBD Verfahrensdokumentation from the profile."""

from __future__ import annotations

from pathlib import Path

import click

from vadocs import clock
from vadocs.cli.common import fail
from vadocs.data.loading import load_catalogue, load_profile
from vadocs.data.workspace import find_workspace
from vadocs.errors import VadocsError, shown
from vadocs.i18n import _
from vadocs.invoicing.verfahren import verfahrensdokumentation
from vadocs.output import write_atomic


@click.command(
    name="verfahrensdoku",
    help=_(
        "Write the GoBD Verfahrensdokumentation (numbering, issuing, archive, corrections,\n"
        "backup, retention periods) generated from vadocs.yaml.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs verfahrensdoku -o Verfahrensdokumentation.md"
    ),
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help=_("File to write (default: Verfahrensdokumentation.md in the workspace)."))  # fmt: skip
@click.option("--profile", type=click.Path(path_type=Path), help=_("The business profile."))
@click.option("--date", "on", type=click.DateTime(["%Y-%m-%d"]), help=_("Date printed as Stand."))
def verfahrensdoku(output: Path | None, profile: Path | None, on: object) -> None:
    day = on.date() if on is not None else clock.today()  # type: ignore[attr-defined]
    try:
        ws = find_workspace(Path.cwd(), profile)
        profil, _warnings = load_profile(ws.profile_file)
        text = verfahrensdokumentation(profil, load_catalogue(ws), day)
        target = output or ws.root / "Verfahrensdokumentation.md"
        write_atomic(target, text.encode("utf-8"))
    except VadocsError as exc:
        raise fail(exc) from None
    click.echo(_("wrote {target}").format(target=shown(target)))


COMMANDS = [verfahrensdoku]
