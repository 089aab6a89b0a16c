"""``vadocs invoices export --format datev``: options in, one call to :mod:`vadocs.datev.export`."""

from __future__ import annotations

from contextlib import closing
from datetime import date
from pathlib import Path

import click

from vadocs.cli.common import fail, ledger_for
from vadocs.data import yaml_source
from vadocs.data.loading import load_profile
from vadocs.data.validation import validate
from vadocs.data.workspace import find_workspace
from vadocs.datev.export import DatevRequest, export_datev
from vadocs.errors import VadocsError, WorkspaceError, shown
from vadocs.i18n import _
from vadocs.model.client import Kundendatei


def _range(year: int | None, date_from: object, date_to: object) -> tuple[date, date]:
    if year is not None and (date_from or date_to):
        raise click.UsageError(_("either --year or --from/--to"))
    if year is not None:
        return date(year, 1, 1), date(year, 12, 31)
    if date_from is None or date_to is None:
        raise click.UsageError(_("the DATEV export needs --year YYYY, or --from and --to"))
    return date_from.date(), date_to.date()  # type: ignore[attr-defined]


def _explicit_debtors(root: Path) -> dict[str, int]:
    """Debtor accounts set in client files (``abrechnung.debitorenkonto``)."""
    out = {}
    for f in sorted((root / "kunden").glob("*.yaml")):
        datei = validate(yaml_source.load(f), Kundendatei)
        if datei.abrechnung.debitorenkonto is not None:
            out[f.stem] = datei.abrechnung.debitorenkonto
    return out


def datev_export(
    profile: Path | None,
    year: int | None,
    date_from: object,
    date_to: object,
    payments: bool,
    documents: bool,
    output: Path | None,
) -> None:
    first, last = _range(year, date_from, date_to)
    try:
        ws = find_workspace(Path.cwd(), profile)
        profil, _warnings = load_profile(ws.profile_file)
        if profil.datev is None:
            raise WorkspaceError(
                _(
                    "{file}: the DATEV export needs the section datev: "
                    "(berater_nummer, mandanten_nummer)"
                ).format(file=shown(ws.profile_file)),
                hint=_("ask your tax adviser for the adviser and client numbers"),
            )
        explicit = _explicit_debtors(ws.root)
    except VadocsError as exc:
        raise fail(exc) from None
    target = output or Path(f"EXTF_Buchungsstapel_{first:%Y%m%d}_{last:%Y%m%d}.csv")
    request = DatevRequest(profil.datev, first, last, target, payments, documents, explicit)
    ledger = ledger_for(profile)[1]
    try:
        with closing(ledger):
            written, warnings = export_datev(ledger, request)
    except VadocsError as exc:
        raise fail(exc) from None
    for problem in warnings:
        click.echo(problem.format(), err=True)
    for path in written:
        click.echo(_("wrote {path}").format(path=shown(path)))
