"""A workspace with one hourly client (55 €/h, 15-minute increment, 19 % VAT) and its export."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, small_client
from vadocs.data.loading import Loaded, load_catalogue, load_engagement, load_profile
from vadocs.data.workspace import find_workspace
from vadocs.invoicing.invoice import Rechnung, compute


@pytest.fixture(autouse=True)
def german_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the German wording the assistant sees (the default language)."""
    monkeypatch.setenv("VADOCS_LANG", "de")


HOURLY = "{art: stunden, stundensatz: 55.00, taktung_minuten: 15}"


@dataclass
class Client:
    folder: Path

    def load(self, zeiten_csv: str, extra: str = "") -> Loaded:
        """The client file with one December invoice whose ``zeiten_csv:`` is given (YAML);
        ``extra``: more keys of that invoice, indented by four spaces."""
        rechnungen = f"  - art: monat\n    zeitraum: 2026-12\n    zeiten_csv: {zeiten_csv}\n"
        target = self.folder / "kunden" / "beispiel.yaml"
        target.write_text(
            small_client("Beispiel Bürodienste GmbH", HOURLY, rechnungen + extra), encoding="utf-8"
        )
        ws = find_workspace(target)
        profil, _ = load_profile(ws.profile_file)
        return load_engagement(target, ws, profil, load_catalogue(ws), date(2026, 11, 29))

    def invoice(self, loaded: Loaded) -> Rechnung:
        e = loaded.engagement
        return compute(e.profil, e.datei, e.datei.rechnungen[0])

    def export(self, name: str, text: str, encoding: str = "utf-8") -> Path:
        path = self.folder / "kunden" / name
        path.write_bytes(text.encode(encoding))
        return path


@pytest.fixture
def client(tmp_path: Path) -> Client:
    ws = tmp_path / "ws"
    (ws / "kunden").mkdir(parents=True)
    shutil.copy(EXAMPLES / "umsatzsteuer" / "vadocs.yaml", ws / "vadocs.yaml")
    return Client(ws)
