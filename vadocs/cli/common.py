"""What every command shares: turning errors into messages, finding files, running a build."""

from __future__ import annotations

from pathlib import Path

import click

from vadocs import errors
from vadocs.build.results import BuildOptions
from vadocs.build.run import build
from vadocs.cli.colour import echo_error, echo_problems
from vadocs.data.workspace import Workspace, find_workspace
from vadocs.documents.kinds import BY_KEY
from vadocs.errors import VadocsError
from vadocs.i18n import _
from vadocs.invoicing.ledger import Ledger


class UserError(click.ClickException):
    """A VadocsError, shown as a message with exit code 1 and no traceback."""

    def __init__(self, error: VadocsError) -> None:
        super().__init__(error.format())
        self.error = error

    def show(self, file: object = None) -> None:
        echo_error(self.error)


def fail(error: VadocsError) -> UserError:
    return UserError(error)


def expand(files: tuple[Path, ...]) -> list[Path]:
    """Folders stand for the client files (.yaml/.yml) inside them; a folder without any
    is an error, never a silent "0 clients"."""
    out: list[Path] = []
    for f in files:
        if f.is_dir() and not f.is_symlink():
            found = client_files(f)
            if not found:
                raise fail(
                    VadocsError(
                        _("{f}: no client files (*.yaml) in this folder").format(f=f),
                        hint=_(
                            "name a folder with client files, e.g. kunden/, or a client file such as kunden/mueller-gmbh.yaml"
                        ),
                    )
                )
            out += found
        else:
            out.append(f)
    return out


def client_files(folder: Path) -> list[Path]:
    from vadocs.data.workspace import CATALOGUE_NAME, PROFILE_NAME

    names = (PROFILE_NAME, CATALOGUE_NAME)
    return sorted(p for p in [*folder.glob("*.yaml"), *folder.glob("*.yml")] if p.name not in names)


def workspace_files(profile: Path | None) -> list[Path]:
    """The workspace's profile, every client file in kunden/ and its own catalogue."""
    ws = find_workspace(Path.cwd(), profile)
    files = [ws.profile_file, *client_files(ws.root / "kunden")]
    if ws.catalogue_file is not None:
        files.append(ws.catalogue_file)
    return files


def parse_only(value: str | None) -> frozenset[str] | None:
    """``--only a,b`` as document keys; None without the option. Usage errors for an
    empty list, unknown keys and ``mahnung`` (reminders come from ``vadocs reminders``)."""
    if value is None:
        return None
    kinds = frozenset(v.strip() for v in value.split(",") if v.strip())
    buildable = [key for key in BY_KEY if key != "mahnung"]
    if not kinds:
        raise click.BadParameter(
            _("name at least one of {join_buildable}").format(join_buildable=", ".join(buildable))
        )
    if "mahnung" in kinds:
        raise click.BadParameter(_("reminders are built with `vadocs reminders --build`"))
    unknown = kinds - set(buildable)
    if unknown:
        raise click.BadParameter(
            _(
                "unknown document type(s): {join_sorted_unknown}; choose from {join_buildable}"
            ).format(
                join_sorted_unknown=", ".join(sorted(unknown)), join_buildable=", ".join(buildable)
            )
        )
    return kinds


def run_build(
    files: list[Path], options: BuildOptions, verbose: bool, nothing: str | None = None
) -> None:
    """Build and report; ``nothing``: the message (exit 1) when no document results."""
    from vadocs.cli.terminal import BuildProgress, summary_lines

    try:
        with BuildProgress() as progress:
            report = build(files, options, progress)
    except VadocsError as exc:
        raise fail(exc) from None
    seen: set[str] = set()
    for result in report.clients:
        if verbose:
            for imported in result.imports:
                click.echo(
                    _("Zeiten    {imported_summary}").format(imported_summary=imported.summary())
                )
        echo_problems(result.warnings, seen)
        if result.error is not None:
            echo_error(result.error, seen)
        elif verbose or len(report.clients) == 1:
            for path in result.written:
                click.echo(_("wrote     {shown_path}").format(shown_path=shown(path)))
            for path in result.unchanged:
                click.echo(_("unchanged {shown_path}").format(shown_path=shown(path)))
        if verbose or len(report.clients) == 1:
            for path in result.removed:
                click.echo(_("removed   {shown_path} (old draft)").format(shown_path=shown(path)))
    for line in summary_lines(report):
        click.echo(line)
    for note in report.notes:
        click.echo(note, err=True)
    if report.failed:
        raise click.exceptions.Exit(1)
    if nothing is not None and not any(c.written or c.unchanged for c in report.clients):
        raise fail(VadocsError(nothing, hint=_("check the client file(s) and the options")))


def shown(path: Path) -> Path:
    """``path`` relative to the current folder (:func:`vadocs.errors.shown`)."""
    return errors.shown(path)


def ledger_for(profile: Path | None) -> tuple[Workspace, Ledger]:
    try:
        ws = find_workspace(Path.cwd(), profile)
    except VadocsError as exc:
        raise fail(exc) from None
    path = ws.state_dir / "ledger.sqlite"
    if not path.is_file():
        raise fail(
            VadocsError(
                _("{path}: no invoices have been issued in this workspace yet").format(
                    path=shown(path)
                ),
                hint=_("vadocs build kunden/NAME.yaml issues the invoices"),
            )
        )
    try:
        return ws, Ledger(path)
    except VadocsError as exc:
        raise fail(exc) from None


profile_option = click.option(
    "--profile",
    type=click.Path(path_type=Path),
    help=_("The business profile (default: vadocs.yaml above the current folder)."),
)
