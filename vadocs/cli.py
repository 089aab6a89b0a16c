"""The ``vadocs`` command line. Commands parse options, call one library function, report."""

from __future__ import annotations

import os
import signal
import sys
import traceback
from contextlib import closing
from datetime import date
from pathlib import Path

import click

from vadocs import __version__
from vadocs.build import build
from vadocs.documents import BY_KEY
from vadocs.errors import Problem, Severity, VadocsError
from vadocs.ledger import Ledger
from vadocs.loading import validate_files
from vadocs.results import BuildOptions
from vadocs.workspace import Workspace, find_workspace

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
@click.option(
    "--profile", type=click.Path(path_type=Path), help="The business profile (vadocs.yaml)."
)
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
    click.echo(
        f"{len(ws_for)} file(s) valid" + (f", {len(problems)} warning(s)" if problems else "")
    )


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
    help="Treat this day as today (for checks).",
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
        only=_parse_only(only),
        pdf="auto" if pdf is None else ("require" if pdf else "off"),
        draft=draft,
        profile=profile,
        force=force,
        today=today.date() if today is not None else date.today(),  # type: ignore[attr-defined]
    )
    _run_build(_expand(files), options, verbose)


def _run_build(files: list[Path], options: BuildOptions, verbose: bool) -> None:
    from vadocs.reporting import ProgressLine, summary_lines

    try:
        with ProgressLine() as progress:
            report = build(files, options, progress)
    except VadocsError as exc:
        raise _fail(exc) from None
    for result in report.clients:
        _echo_problems(result.warnings)
        if result.error is not None:
            click.echo(result.error.format(), err=True)
        elif verbose or len(report.clients) == 1:
            for path in result.written:
                click.echo(f"wrote     {path}")
            for path in result.unchanged:
                click.echo(f"unchanged {path}")
    for line in summary_lines(report):
        click.echo(line)
    for note in report.notes:
        click.echo(note, err=True)
    if report.failed:
        raise click.exceptions.Exit(1)


@main.group()
def invoices() -> None:
    """The invoice ledger: list, cancel, export for the tax advisor, verify, back up.

    \b
    Example:
      vadocs invoices list --year 2026
    """


def _ledger(profile: Path | None) -> tuple[Workspace, Ledger]:
    try:
        ws = find_workspace(Path.cwd(), profile)
    except VadocsError as exc:
        raise _fail(exc) from None
    path = ws.state_dir / "ledger.sqlite"
    if not path.is_file():
        raise _fail(
            VadocsError(
                f"{path}: no invoices have been issued in this workspace yet",
                hint="vadocs build kunden/NAME.yaml issues the invoices",
            )
        )
    try:
        return ws, Ledger(path)
    except VadocsError as exc:
        raise _fail(exc) from None


_profile_option = click.option(
    "--profile",
    type=click.Path(path_type=Path),
    help="The business profile (default: vadocs.yaml above the current folder).",
)


@invoices.command(name="list")
@click.option("--year", type=int, help="Only invoices dated in this year.")
@_profile_option
def list_invoices(year: int | None, profile: Path | None) -> None:
    """List the issued invoices with their totals and status.

    \b
    Example:
      vadocs invoices list --year 2026
    """
    from vadocs.formatting import euro

    _, ledger = _ledger(profile)
    with closing(ledger):
        found = ledger.all(year)
    for inv in found:
        status = "storniert" if inv.status == "cancelled" else ""
        ref = f"storniert {inv.cancels}" if inv.cancels else status
        click.echo(
            f"{inv.number:<14} {inv.issued_on:%d.%m.%Y}  {inv.client:<24} {inv.kind:<13} "
            f"{inv.period}  {euro(inv.gross):>14}  {ref}".rstrip()
        )
    click.echo(f"{len(found)} invoice(s)")


@invoices.command(name="run")
@click.option("--period", required=True, help="The month to invoice, as YYYY-MM.")
@click.option("--pdf/--no-pdf", "pdf", default=None, help="Demand PDFs, or write DOCX only.")
@click.option("--draft", is_flag=True, help="Drafts marked ENTWURF; no number is used.")
@click.option("-v", "--verbose", is_flag=True, help="List every file, not only the summary.")
@_profile_option
def run_invoices(
    period: str, pdf: bool | None, draft: bool, verbose: bool, profile: Path | None
) -> None:
    """Month-end invoicing: issue every client's invoices for one month in one run.

    Every client file in kunden/ with an invoice for that month is built; the
    others are listed as having nothing due.

    \b
    Example:
      vadocs invoices run --period 2026-11
    """
    import re

    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
        raise click.BadParameter("write the month as YYYY-MM, e.g. 2026-11", param_hint="--period")
    try:
        ws = find_workspace(Path.cwd(), profile)
    except VadocsError as exc:
        raise _fail(exc) from None
    files = _expand((ws.root / "kunden",))
    options = BuildOptions(
        pdf="auto" if pdf is None else ("require" if pdf else "off"),
        draft=draft,
        profile=ws.profile_file,
        period=period,
        only=frozenset({"rechnung"}),
        today=date.today(),
    )
    _run_build(files, options, verbose)


@invoices.command()
@click.argument("number")
@click.option(
    "--reason", required=True, help="Why the invoice is cancelled (printed on the cancellation)."
)
@click.option("--no-pdf", "no_pdf", is_flag=True, help="Write DOCX only.")
@_profile_option
def cancel(number: str, reason: str, no_pdf: bool, profile: Path | None) -> None:
    """Issue a cancellation invoice (Stornorechnung) for an issued invoice.

    The original is never changed; the cancellation gets its own number, refers
    to the original's number and date and mirrors its amounts.

    \b
    Example:
      vadocs invoices cancel 2026-0003 --reason "Falscher Leistungszeitraum"
    """
    from vadocs.cancellation import cancel_invoice

    options = BuildOptions(pdf="off" if no_pdf else "auto", profile=profile, today=date.today())
    try:
        result = cancel_invoice(Path.cwd(), number, reason, options)
    except VadocsError as exc:
        raise _fail(exc) from None
    for path in result.written + result.unchanged:
        click.echo(f"wrote     {path}")


@invoices.command()
@click.option("--format", "fmt", type=click.Choice(["csv"]), default="csv", show_default=True)
@click.option("--year", type=int, help="Only invoices dated in this year.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file instead of standard output.",
)
@_profile_option
def export(fmt: str, year: int | None, output: Path | None, profile: Path | None) -> None:
    """Export the invoice list for the tax advisor (CSV for German Excel: ; and decimal comma).

    \b
    Example:
      vadocs invoices export --format csv --year 2026 -o rechnungen-2026.csv
    """
    from vadocs.ledger_reports import export_csv
    from vadocs.output import write_atomic

    _, ledger = _ledger(profile)
    with closing(ledger):
        text = export_csv(ledger.all(year))
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"wrote {output}")


@invoices.command(name="validate")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@_profile_option
def validate_einvoices(files: tuple[Path, ...], profile: Path | None) -> None:
    """Check e-invoices offline by what they declare (BT-24): Factur-X/ZUGFeRD against
    their profile's XSD and schematron plus the CEN EN 16931 rules, XRechnung (CII)
    against XSD, CEN and KoSIT's XRechnung rules. The official CEN and KoSIT rules are
    not shipped: set VADOCS_EINVOICE_RULES to the folder holding them (e.g. KoSIT's
    validator-configuration-xrechnung). An XRechnung is never valid unchecked.

    FILES are PDFs (the embedded factur-x.xml, zugferd-invoice.xml or xrechnung.xml is
    checked) or XML files; without FILES, every archived invoice of the workspace.

    \b
    Example:
      VADOCS_EINVOICE_RULES=~/kosit vadocs invoices validate out/mueller-gmbh/*.pdf
    """
    from vadocs.einvoice_check import check_files

    targets = list(files)
    if not targets:
        _, ledger = _ledger(profile)
        with closing(ledger):
            targets = sorted(p for p in ledger.archive.rglob("*") if p.suffix in (".pdf", ".xml"))
    try:
        reports = check_files(targets)
    except VadocsError as exc:
        raise _fail(exc) from None
    errors = 0
    for report in reports:
        ran = ", ".join(report.ran) or "keine"
        click.echo(f"{report.file}: {report.kind}; geprüft mit: {ran}")
        _echo_problems(list(report.problems))
        errors += sum(p.severity is Severity.ERROR for p in report.problems)
    checked = sum(r.is_einvoice for r in reports)
    click.echo(f"{checked} E-Rechnung(en) geprüft, {errors} Fehler")
    if errors:
        raise click.exceptions.Exit(1)


@invoices.command()
@_profile_option
def verify(profile: Path | None) -> None:
    """Recompute the SHA-256 of every archived invoice file; report changed or vanished ones.

    \b
    Example:
      vadocs invoices verify
    """
    from vadocs.ledger_reports import verify as verify_ledger

    ws, ledger = _ledger(profile)
    with closing(ledger):
        checked, problems = verify_ledger(ledger, ws.default_output)
    _echo_problems(problems)
    if problems:
        raise click.exceptions.Exit(1)
    click.echo(f"{checked} archived file(s) verified, all unchanged")


@invoices.command()
@click.argument("dest", type=click.Path(path_type=Path))
@_profile_option
def backup(dest: Path, profile: Path | None) -> None:
    """Copy the ledger with SQLite's online backup (safe while vadocs runs).

    \b
    Example:
      vadocs invoices backup /media/usb/ledger-2026-11-30.sqlite
    """
    _, ledger = _ledger(profile)
    try:
        with closing(ledger):
            ledger.backup(dest)
    except OSError as exc:
        raise _fail(VadocsError(f"{dest}: cannot write the backup ({exc})")) from None
    click.echo(f"wrote {dest}")


@main.command()
@click.option(
    "--write", is_flag=True, help="Write the files into schemas/ instead of checking them."
)
@click.option(
    "--dir", "folder", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True
)
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


def _register_template_commands() -> None:
    from vadocs.cli_templates import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_register_template_commands()


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C: context managers stop LibreOffice and roll back the ledger.
    raise KeyboardInterrupt


def run() -> None:
    """Console entry point: no traceback for an interruption or, unless VADOCS_DEBUG, a bug."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        main(prog_name="vadocs", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("interrupted: no invoice was issued half-way; nothing half-written", err=True)
        sys.exit(130)
    except Exception:
        if os.environ.get("VADOCS_DEBUG"):
            raise
        click.echo(
            "vadocs: internal error (a bug in vadocs, not in your files):\n"
            + traceback.format_exc(limit=-3).strip().splitlines()[-1]
            + "\nrun again with VADOCS_DEBUG=1 for the details and report them",
            err=True,
        )
        sys.exit(2)
