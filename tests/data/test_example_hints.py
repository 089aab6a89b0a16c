"""Tips with a real fix: a malformed IBAN, BIC or USt-IdNr. gets an example in the tip itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT
from vadocs.data.loading import check_profile
from vadocs.data.yaml_source import load

PROFILE = ROOT / "examples" / "umsatzsteuer" / "vadocs.yaml"


@pytest.mark.parametrize(
    ("old", "new", "path", "example"),
    [
        ("  iban: DE02 1203 0000 0000 2020 51", "  iban: DE02 1203", "bank.iban", "DE02120300000000202051"),
        ("  bic: BYLADEM1001", "  bic: BYLADEM", "bank.bic", "BYLADEM1001"),
        ("ust_idnr: DE136695976", "ust_idnr: DE12345", "ust_idnr", "DE136695976"),
    ],
)  # fmt: skip
def test_the_tip_holds_an_example(
    tmp_path: Path, old: str, new: str, path: str, example: str
) -> None:
    text = PROFILE.read_text(encoding="utf-8")
    assert old + "\n" in text
    (tmp_path / "vadocs.yaml").write_text(text.replace(old + "\n", new + "\n"), encoding="utf-8")
    _profil, problems = check_profile(load(tmp_path / "vadocs.yaml"))
    [problem] = [p for p in problems if p.path == path]
    assert example in problem.hint and "docs/felder.md" not in problem.hint
