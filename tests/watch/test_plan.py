"""Which documents a changed file makes stale (no LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.watch.conftest import make_workspace
from vadocs.data.workspace import find_workspace
from vadocs.watch.plan import Inputs, Watched, plan_rebuild

CONTRACTS = frozenset({"auftragsbestaetigung", "avv", "nda"})


@pytest.fixture
def watched(tmp_path: Path) -> Watched:
    root = make_workspace(tmp_path / "ws").resolve()
    (root / "vorlagen").mkdir()
    beta = root / "kunden" / "beta.yaml"
    beta.write_text(beta.read_text() + "  - {art: monat, zeitraum: 2026-02, zeiten_csv: z.csv}\n")
    return Watched(find_workspace(root / "kunden"), folders=(root / "kunden",))


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        (["kunden/alpha.yaml"], {"alpha": None}),
        (["vadocs.yaml"], {"alpha": None, "beta": None}),
        (["unterauftragsverarbeiter.yaml"], {"alpha": None, "beta": None}),
        (["logo.png"], {"alpha": None, "beta": None}),
        (["vorlagen/verschwiegenheitsvereinbarung.docx"], {"alpha": CONTRACTS, "beta": CONTRACTS}),
        (["vorlagen/rechnung.docx"], {"alpha": {"rechnung"}, "beta": {"rechnung"}}),
        (["vorlagen/mahnung.docx"], {}),
        (["kunden/z.csv"], {"beta": {"rechnung"}}),
        (["kunden/z.csv", "kunden/beta.yaml"], {"beta": None}),
        (["vorlagen/rechnung.docx", "kunden/alpha.yaml"], {"alpha": None, "beta": {"rechnung"}}),
        (["out/alpha/x.png", "notizen.txt", "kunden/gone.yaml"], {}),
    ],
)
def test_plan(watched: Watched, changed: list[str], expected: dict[str, object]) -> None:
    root = watched.ws.root
    plan = plan_rebuild(watched, [root / c for c in changed])
    assert {p.stem: (None if o is None else set(o)) for p, o in plan.items()} == expected


def test_a_new_client_file_in_a_watched_folder_is_built(watched: Watched) -> None:
    new = watched.ws.root / "kunden" / "gamma.yaml"
    new.write_text("kunde: {}\n")
    assert plan_rebuild(watched, [new]) == {new: None}


def test_only_changed_bytes_count(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("x")
    b.write_text("y")
    inputs = Inputs()
    inputs.remember([a, b])
    a.write_text("x")  # saved again, unchanged
    b.write_text("z")
    assert inputs.changed([a, b]) == {b}
    assert inputs.changed([a, b]) == set()
    b.unlink()
    assert inputs.changed([b]) == {b}
