"""YAML syntax errors blame the line that must change (issue 15, fresh tester's cases)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT
from vadocs.data.yaml_source import load
from vadocs.errors import ProblemsError

CLIENT = ROOT / "examples" / "umsatzsteuer" / "kunden" / "mueller-gmbh.yaml"

# (edit: old line → new line, the line blamed, words of the message, words of the hint)
CASES = [
    ("    plz: 01067", "  plz: 01067", 9, "left its block", "line 9 by 4 spaces like line 8"),
    ("  stundensatz: 55.00", "stundensatz: 55.00", 59, "left its block", "by 2 spaces"),
    ("    plz: 01067", "    plz:01067", 9, "no space after the colon", "plz: 01067"),
    ("  name: Müller & Söhne <Haustechnik> GmbH", '  name: "Müller GmbH', 3, "not closed", '"'),
    ("  name: Müller & Söhne <Haustechnik> GmbH", "  name: 'Müller GmbH", 3, "not closed", '"'),
]


@pytest.mark.parametrize(("old", "new", "line", "message", "hint"), CASES)
def test_the_line_to_change_is_named(
    tmp_path: Path, old: str, new: str, line: int, message: str, hint: str
) -> None:
    text = CLIENT.read_text(encoding="utf-8")
    assert old + "\n" in text
    file = tmp_path / "k.yaml"
    file.write_text(text.replace(old + "\n", new + "\n", 1), encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        load(file)
    [problem] = caught.value.problems
    assert problem.line == line
    assert message in problem.message and hint in problem.hint
