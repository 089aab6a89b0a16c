"""Shared fixtures: the example workspaces, built once per test session."""

from __future__ import annotations

import os
import re

# Tests that check wording read English (the messages' source language); tests of the
# German texts set VADOCS_LANG=de themselves. Set before vadocs is imported: click's
# help texts are translated when the commands are defined.
os.environ["VADOCS_LANG"] = "en"

import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from vadocs.build.results import BuildOptions, BuildReport
from vadocs.build.run import build
from vadocs.invoicing.cancellation import cancel_invoice
from vadocs.invoicing.ledger import Ledger

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TODAY = date(2026, 11, 27)
MONTH_END = date(2026, 12, 31)
"""The examples' December invoices are issued on the last day of December."""
REMINDER_DAY = date(2027, 1, 20)
"""Some example invoices are then in default: a business and a consumer get reminders."""


def noon(day: date) -> Callable[[], datetime]:
    """The injected real clock of a build on ``day``: that day, 09:30 UTC. A build's
    ``today`` after its clock's day is a preview (drafts only), as ``--date`` in the future."""
    return lambda: datetime.combine(day, time(9, 30), UTC)


SMALL_CLIENT = """\
kunde:
  name: {name}
  art: unternehmen
  anschrift: {{strasse: Weg 1, plz: "01067", ort: Dresden}}
auftrag:
  datum: 2026-01-02
  angenommen_am: 2026-01-03
  anfrage: {{datum: 2025-12-15}}
  beginn: 2026-01-05
  ziele: [Entlastung]
  aufgaben: [Postfach]
  umfang: 10 Stunden im Monat
  zeitrahmen: vormittags
  kommunikation: [E-Mail]
  austausch: monatlich
verguetung: {verguetung}
datenschutz: {{personenbezogene_daten: false}}
rechnungen:
"""


def small_client(
    name: str, verguetung: str = "{art: pauschal, pauschale: 400.00}", rechnungen: str = ""
) -> str:
    """A short valid business client file (engagement from 5 January 2026) for ledger tests;
    ``rechnungen`` is the YAML list below ``rechnungen:``, indented by two spaces."""
    return SMALL_CLIENT.format(name=name, verguetung=verguetung) + rechnungen


def build_in_steps(files: list[Path], *later: date, **options: Any) -> BuildReport:
    """Build as time passes: each client on its acceptance day (the advance invoices, in
    that order), then all at MONTH_END (December's invoices), then on each ``later`` day.
    Returns the last report; stops at the first failed one."""
    accepted = []
    for f in files:
        found = re.search(r"angenommen_am: (\S+)", f.read_text(encoding="utf-8"))
        if found:
            accepted.append((date.fromisoformat(found.group(1)), f))
    steps = [(day, [f]) for day, f in sorted(accepted)] + [(d, files) for d in (MONTH_END, *later)]
    report = BuildReport()
    for day, group in steps:
        report = build(group, BuildOptions(today=day, **options, now=noon(day)))
        if report.failed:
            break
    return report


def copy_workspace(name: str, target: Path) -> Path:
    """A private copy of an example workspace (its ledger and out/ are not shared)."""
    dest = target / name
    shutil.copytree(EXAMPLES / name, dest, ignore=shutil.ignore_patterns("out", ".vadocs"))
    return dest


def pdf_text(path: Path, layout: bool = True) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@dataclass
class BuiltClient:
    workspace: Path
    kuerzel: str
    out: Path
    reminders: list[tuple[dict[str, Any], Path]] = field(default_factory=list)
    """(template context, PDF) of each reminder built for the client on REMINDER_DAY."""

    def files(self, pattern: str) -> list[Path]:
        return sorted(self.out.glob(pattern))

    def text(self, label: str) -> str:
        """pdftotext of the one PDF whose name contains ``label``."""
        found = [p for p in self.files("*.pdf") if f"_{label}_" in p.name]
        assert len(found) == 1, f"expected one {label} PDF in {self.out}, got {found}"
        return pdf_text(found[0])


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltClient]:
    """Every example client, built with PDFs (one LibreOffice run per workspace)."""
    base = tmp_path_factory.mktemp("examples")
    clients: dict[str, BuiltClient] = {}
    for ws_dir in sorted(p for p in EXAMPLES.iterdir() if (p / "vadocs.yaml").is_file()):
        ws = copy_workspace(ws_dir.name, base)
        files = sorted((ws / "kunden").glob("*.yaml"))
        # contracts and advances in November, the December invoices at the month's end
        report = build_in_steps(files, pdf="require")
        assert not report.failed, [c.error.format() for c in report.clients if c.error]
        for f in files:
            clients[f.stem] = BuiltClient(ws, f.stem, ws / "out" / f.stem)
        _build_reminders(ws, clients)
    # One cancellation, so that every invoice kind of the examples is built and checked.
    cancelled = cancel_invoice(
        clients["lena-fischer"].workspace / "kunden" / "lena-fischer.yaml",
        _number_of(clients["lena-fischer"].workspace, "lena-fischer", "vorauszahlung"),
        "Leistungsbeginn verschoben",
        BuildOptions(pdf="require", today=MONTH_END, now=noon(MONTH_END)),
    )
    assert cancelled.error is None
    return clients


def _number_of(ws: Path, client: str, kind: str) -> str:
    ledger = Ledger(ws / ".vadocs" / "ledger.sqlite")
    try:
        (number,) = [i.number for i in ledger.all() if i.client == client and i.kind == kind]
        return number
    finally:
        ledger.close()


def _build_reminders(ws: Path, clients: dict[str, BuiltClient]) -> None:
    """Build the reminders due on REMINDER_DAY into out-mahnungen/ (beside the invoices)."""
    from vadocs.data.workspace import Workspace
    from vadocs.dunning.context import reminder_context
    from vadocs.dunning.run import build_reminders, plan_reminders
    from vadocs.pdf.oneshot import find_soffice

    workspace = Workspace(ws, ws / "vadocs.yaml")
    ledger = Ledger(ws / ".vadocs" / "ledger.sqlite")
    try:
        plan = plan_reminders(workspace, ledger, REMINDER_DAY)
        written = build_reminders(
            workspace, ledger, plan, soffice=find_soffice(), output=ws / "out-mahnungen"
        )
    finally:
        ledger.close()
    for v in plan.vorschlaege:
        number = v.faellig.forderung.number
        (pdf,) = [p for p in written if p.suffix == ".pdf" and f"_{number}_" in p.name]
        ctx = reminder_context(v.engagement, v.mahnung)
        clients[v.engagement.kuerzel].reminders.append((ctx, pdf))


@pytest.fixture
def runner() -> Iterator[CliRunner]:
    yield CliRunner()


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """The VAT-registered example workspace without its clients (test modules may override)."""
    folder = copy_workspace("umsatzsteuer", tmp_path)
    for old in (folder / "kunden").glob("*.yaml"):
        old.unlink()
    return folder
