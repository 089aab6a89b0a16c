"""The ``vadocs`` command line. Commands parse options, call one library function, report."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from vadocs import __version__
from vadocs.build import BuildOptions, BuildReport, build
from vadocs.documents import BY_KEY
from vadocs.errors import Problem, ProblemsError, Severity, VadocsError
from vadocs.loading import validate_files
from vadocs.workspace import find_workspace

EXAMPLE = "\n\n\b\nExample:\n  "


class UserError(click.ClickException):
    """A VadocsError, shown as a message with exit code 1 and no traceback."""

    def __init__(self, error: VadocsError) -> None:
        super().__init__(error.format())

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)


def _fail(error: VadocsError) -> UserError:
    return UserError(error)


def _echo_problems(problems: list[Problem]) -> None:
    for p in problems:
        click.echo(p.format(), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vadocs")
def main() -> None:
    """vadocs — contracts, GDPR agreements and invoices for virtual assistants in Germany.

    Keep your business profile in vadocs.yaml and one YAML file per client in
    kunden/; vadocs builds the order confirmation, NDA, AVV and invoices as DOCX
    and PDF.
    """


@main.command()
@click.argument("directory", type=click.Path(path_type=Path), default=".")
def init(directory: Path) -> None:
    """Create a new workspace: vadocs.yaml, one example client, a short README.

    \b
    Example:
      vadocs init meine-assistenz && cd meine-assistenz && vadocs build kunden/
    """
    from vadocs.scaffold import create_workspace

    try:
        created = create_workspace(directory)
    except VadocsError as exc:
        raise _fail(exc) from None
    for path in created:
        click.echo(f"created {path}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--profile", type=click.Path(path_type=Path), help="The business profile (vadocs.yaml).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def validate(files: tuple[Path, ...], profile: Path | None, strict: bool) -> None:
    """Check client files and profiles; report every problem as file:line:col.

    \b
    Example:
      vadocs validate kunden/*.yaml
    """
    try:
        ws_for = {f: find_workspace(f, profile) for f in _expand(files)}
    except VadocsError as exc:
        raise _fail(exc) from None
    problems = validate_files(list(ws_for), ws_for)
    _echo_problems(problems)
    errors = [p for p in problems if p.severity is Severity.ERROR or strict]
    if errors:
        raise click.exceptions.Exit(1)
    click.echo(f"{len(ws_for)} file(s) valid" + (f", {len(problems)} warning(s)" if problems else ""))


def _expand(files: tuple[Path, ...]) -> list[Path]:
    """Folders stand for the .yaml files inside them."""
    out: list[Path] = []
    for f in files:
        if f.is_dir() and not f.is_symlink():
            out += sorted(p for p in f.glob("*.yaml") if p.name != "vadocs.yaml")
            out += sorted(p for p in f.glob("*.yml"))
        else:
            out.append(f)
    return out


def _parse_only(value: str | None) -> frozenset[str] | None:
    if not value:
        return None
    kinds = frozenset(v.strip() for v in value.split(",") if v.strip())
    unknown = kinds - set(BY_KEY)
    if unknown:
        raise click.BadParameter(
            f"unknown document type(s): {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(BY_KEY)}"
        )
    return kinds


@main.command(name="build")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output folder (default: out/ in the workspace).")
@click.option("--only", help="Comma-separated document types: auftragsbestaetigung,avv,nda,rechnung.")
@click.option("--pdf/--no-pdf", "pdf", default=None, help="Demand PDFs (fail without LibreOffice), or write DOCX only.")
@click.option("--draft", is_flag=True, help="Invoices as drafts marked ENTWURF; no number is used.")
@click.option("--profile", type=click.Path(path_type=Path), help="The business profile (default: vadocs.yaml found above the client file).")
@click.option("--date", "today", type=click.DateTime(["%Y-%m-%d"]), help="Treat this day as today (for checks).")
def build_command(
    files: tuple[Path, ...], output: Path | None, only: str | None, pdf: bool | None,
    draft: bool, profile: Path | None, today: object,
) -> None:
    """Build the documents of one or more clients as DOCX and PDF.

    \b
    Example:
      vadocs build kunden/mueller-gmbh.yaml
      vadocs build kunden/ --only rechnung --draft
    """
    options = BuildOptions(
        output=output, only=_parse_only(only),
        pdf="auto" if pdf is None else ("require" if pdf else "off"),
        draft=draft, profile=profile,
        today=today.date() if today is not None else date.today(),  # type: ignore[attr-defined]
    )
    try:
        report = build(_expand(files), options)
    except VadocsError as exc:
        raise _fail(exc) from None
    _report(report)
    if report.failed:
        raise click.exceptions.Exit(1)


def _report(report: BuildReport) -> None:
    for result in report.clients:
        _echo_problems(result.warnings)
        if result.error is not None:
            click.echo(result.error.format(), err=True)
            click.echo(f"{result.client_file}: nothing written", err=True)
            continue
        for path in result.written:
            click.echo(f"wrote     {path}")
        for path in result.unchanged:
            click.echo(f"unchanged {path}")
    for note in report.notes:
        click.echo(note, err=True)


@main.command()
@click.option("--write", is_flag=True, help="Write the files into schemas/ instead of checking them.")
@click.option("--dir", "folder", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True)
def schema(write: bool, folder: Path) -> None:
    """Write or check the JSON Schema files that editors use for autocompletion.

    \b
    Example:
      vadocs schema --write --dir schemas
    """
    from vadocs.schema_export import check_schemas, write_schemas

    if write:
        for path in write_schemas(folder):
            click.echo(f"wrote {path}")
        return
    stale = check_schemas(folder)
    for path in stale:
        click.echo(f"{path}: out of date; run `vadocs schema --write`", err=True)
    if stale:
        raise click.exceptions.Exit(1)
    click.echo("schemas are current")


def run() -> None:  # pragma: no cover - console entry for python -m
    main(prog_name="vadocs")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
