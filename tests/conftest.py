"""Shared fixtures: the example workspaces, built once per test session."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from vadocs.build.results import BuildOptions
from vadocs.build.run import build
from vadocs.invoicing.cancellation import cancel_invoice
from vadocs.invoicing.ledger import Ledger

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TODAY = date(2026, 11, 27)


SMALL_CLIENT = """\
kunde:
  name: {name}
  art: unternehmen
  anschrift: {{strasse: Weg 1, plz: "01067", ort: Dresden}}
auftrag:
  datum: 2026-01-02
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
        report = build(files, BuildOptions(pdf="require", today=TODAY))
        assert not report.failed, [c.error.format() for c in report.clients if c.error]
        for f in files:
            clients[f.stem] = BuiltClient(ws, f.stem, ws / "out" / f.stem)
    # One cancellation, so that every invoice kind of the examples is built and checked.
    cancelled = cancel_invoice(
        clients["lena-fischer"].workspace / "kunden" / "lena-fischer.yaml",
        _number_of(clients["lena-fischer"].workspace, "lena-fischer", "vorauszahlung"),
        "Leistungsbeginn verschoben",
        BuildOptions(pdf="require", today=TODAY),
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


@pytest.fixture
def runner() -> Iterator[CliRunner]:
    yield CliRunner()
