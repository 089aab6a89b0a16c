"""Commands for the Word templates: ``check``, ``fields``, ``text`` and ``templates init|list``.

Each parses its options, calls one library function and prints the result.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import click

from vadocs.i18n import _, os_error

if TYPE_CHECKING:
    from vadocs.checks.runner import CheckResult

from vadocs.data.workspace import Workspace, builtin_templates, find_workspace
from vadocs.documents.kinds import ALL, BY_KEY
from vadocs.errors import TemplateError, VadocsError, shown


def _workspace() -> Workspace | None:
    try:
        return find_workspace(Path.cwd())
    except VadocsError:
        return None


def _default_templates(ws: Workspace | None) -> Path:
    """The workspace's own templates if it has any, else the built-in ones."""
    if ws is not None and any(ws.templates_dir.glob("*.docx")):
        return ws.templates_dir
    return builtin_templates()


@click.command(
    help=_(
        "Check Word templates: broken tags, tracked changes, unknown placeholders,\n"
        "a dry render for every example client, the legal clauses, A4 and German.\n"
        "\n"
        "FILES are templates or folders of templates to check (pre-commit passes\n"
        "single files); without them every .docx in the templates folder is checked.\n"
        "Exit code 1 on errors, with --strict also on warnings.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs check --strict\n"
        "  vadocs check --templates vorlagen --format github\n"
        "  vadocs check --fix vorlagen/rechnung.docx"
    )
)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help=_("Folder of templates (default: vorlagen/ of this workspace, else built-in)."),
)
@click.option(
    "--examples",
    "examples_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help=_(
        "Workspace(s) whose clients every template is rendered for (default: this workspace, else the bundled examples)."
    ),
)
@click.option("--strict", is_flag=True, help=_("Fail on warnings too."))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help=_("github: annotations for GitHub Actions; sarif: SARIF 2.1.0 for code scanning."),
)
@click.option(
    "--fix", is_flag=True, help=_("First repair what is safe (quotes in tags, split tags).")
)
def check(
    files: tuple[Path, ...],
    templates_dir: Path | None,
    examples_dir: Path | None,
    strict: bool,
    fmt: str,
    fix: bool,
) -> None:
    from vadocs.checks import check_templates, fix_templates
    from vadocs.checks.runner import template_files

    ws = _workspace()
    folder = templates_dir or _default_templates(ws)
    examples = examples_dir or (ws.root if ws is not None else None)
    targets = _targets(files) or template_files(folder)
    if not targets:
        raise click.ClickException(
            _("{folder}: no Word templates (*.docx) to check").format(folder=folder)
        )
    if fix:
        for f in fix_templates(targets):
            relative = (
                f.file.relative_to(Path.cwd()) if f.file.is_relative_to(Path.cwd()) else f.file
            )
            click.echo(
                _("fixed {relative}:{location}: {description}").format(
                    relative=relative, location=f.location, description=f.description
                ),
                err=fmt != "text",
            )
    result = check_templates(folder, examples, strict, files=targets)
    _report(result, fmt)
    if result.failed:
        raise click.exceptions.Exit(1)


def _targets(files: tuple[Path, ...]) -> list[Path]:
    """Files as given (without Word's ``~$`` lock files); folders stand for their .docx files."""
    from vadocs.checks.runner import template_files

    out: list[Path] = []
    for f in files:
        if f.is_dir():
            found = template_files(f)
            if not found:
                raise click.ClickException(
                    _("{f}: no Word templates (*.docx) in this folder").format(f=f)
                )
            out += found
        elif not f.name.startswith("~$"):
            out.append(f)
    return out


def _report(result: CheckResult, fmt: str) -> None:
    from vadocs.checks.reporting import as_github, as_json, as_text, summary
    from vadocs.cli.colour import echo_check_text

    base = Path.cwd()
    if fmt in ("json", "sarif"):
        from vadocs.checks.sarif import as_sarif

        click.echo(as_json(result, base) if fmt == "json" else as_sarif(result, base))
        click.echo(summary(result), err=True)
        return
    if fmt == "github":
        for line in as_github(result, base):
            click.echo(line)
    else:
        echo_check_text(as_text(result, base), [p.severity for p in result.problems])
    click.echo(summary(result), err=fmt == "github")


@click.command(
    help=_(
        "List every placeholder a template can use: type, meaning, example value.\n"
        "\n"
        "DOCUMENT limits the list to one document (auftragsbestaetigung, avv, nda,\n"
        "rechnung, mahnung).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs fields rechnung\n"
        "  vadocs fields --markdown > docs/felder.md"
    )
)
@click.argument("document", required=False, type=click.Choice(list(BY_KEY)))
@click.option("--markdown", is_flag=True, help=_("As the Markdown page docs/felder.md."))
def fields(document: str | None, markdown: bool) -> None:
    from vadocs.documents.fields import fields_for, fields_markdown

    if markdown:
        click.echo(fields_markdown(), nl=False)
        return
    for f in fields_for(document):
        only = _(" (invoice only)") if f.invoice_only and document is None else ""
        only = _(" (reminder only)") if f.reminder_only and document is None else only
        click.echo(f"{f.path}  [{f.type_name}]{only}")
        example = "  " + _("Example: {example}").format(example=f.example) if f.example else ""
        click.echo(f"    {f.description}{example}")


@click.command(
    help=_(
        "Print a template as plain text with its tags (body, tables, header, footer).\n"
        "\n"
        "Use it as a git textconv driver to see template edits as readable diffs:\n"
        'put "*.docx diff=docx" into .gitattributes and run\n'
        'git config diff.docx.textconv "vadocs text".\n'
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs text vorlagen/auftragsbestaetigung.docx"
    )
)
@click.argument("template", type=click.Path(path_type=Path, dir_okay=False, exists=True))
def text(template: Path) -> None:
    from vadocs.documents.text import template_text

    try:
        click.echo(template_text(template), nl=False)
    except TemplateError as exc:
        raise click.ClickException(exc.format()) from None


@click.group(
    help=_(
        "Your own Word templates: copy the built-in ones, see which file each document uses.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs templates init && vadocs templates list"
    )
)
def templates() -> None:
    pass


@templates.command(
    name="init",
    help=_(
        "Copy the built-in templates into the workspace's vorlagen/ (never overwriting).\n"
        "\n"
        "DIRECTORY is the workspace (default: the one around the current folder).\n"
        "A template in vorlagen/ replaces the built-in one of the same name.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs templates init\n"
        "  vadocs templates init ~/assistenz"
    ),
)
@click.argument("directory", required=False, type=click.Path(path_type=Path, file_okay=False))
def init_templates(directory: Path | None) -> None:
    ws = _workspace()
    root = directory or (ws.root if ws is not None else Path.cwd())
    try:
        for path, created in copy_builtin_templates(root / "vorlagen"):
            click.echo(
                (_("created {path}") if created else _("kept {path}")).format(path=shown(path))
            )
    except OSError as exc:
        raise click.ClickException(
            _("{root_vorlagen}: cannot copy ({strerror})").format(
                root_vorlagen=shown(root / "vorlagen"), strerror=os_error(exc)
            )
        ) from None


def copy_builtin_templates(target: Path) -> list[tuple[Path, bool]]:
    """Copy each built-in template to ``target`` unless a file of that name is there."""
    target.mkdir(parents=True, exist_ok=True)
    done = []
    for source in sorted(builtin_templates().glob("*.docx")):
        dest = target / source.name
        if dest.exists():
            done.append((dest, False))
            continue
        shutil.copy2(source, dest)
        done.append((dest, True))
    return done


@templates.command(
    name="list",
    help=_(
        "Show which template file each document uses (your own or the built-in one).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  vadocs templates list"
    ),
)
def list_templates() -> None:
    from vadocs.documents.templates import template_for

    ws = _workspace()
    for kind in ALL:
        try:
            path = template_for(kind, ws)
        except TemplateError:
            click.echo(
                _("{key:<22} missing: {template}").format(key=kind.key, template=kind.template)
            )
            continue
        own = ws is not None and path.parent == ws.templates_dir
        where = _("own") if own else _("built-in")
        click.echo(f"{kind.key:<22} {shown(path)}  ({where})")


COMMANDS = [check, fields, text, templates]
