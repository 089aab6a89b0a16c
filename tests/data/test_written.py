"""Values read as written: a text cut at '#' and a list item folded into its neighbour are errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from vadocs.data.written import misread
from vadocs.data.yaml_source import load

CUT = [
    ("name: Müller #1 GmbH\n", 1, "Müller #1 GmbH"),
    ("a:\n  - Terminkoordination für Filiale #2 und #3\n", 2, "Filiale #2 und #3"),
    ("k:\n  notiz: Aktion #Weihnachten\n", 2, "Aktion #Weihnachten"),
]
FINE = [
    "kauffrau: false  # nicht im Handelsregister\n",
    "name: Müller GmbH # Kommentar\n",
    'name: "Müller #1 GmbH"\n',
    "name: Müller#1\n",
    "a:\n  - eins\n  - zwei\n",
    "text: >\n  eine lange\n  - Zeile\n",
]


@pytest.mark.parametrize(("text", "line", "whole"), CUT)
def test_a_text_cut_at_a_hash_is_an_error_with_the_quoted_fix(
    tmp_path: Path, text: str, line: int, whole: str
) -> None:
    (tmp_path / "k.yaml").write_text(text, encoding="utf-8")
    found = list(misread(load(tmp_path / "k.yaml")))
    assert [p.line for p in found] == [line]
    assert whole in found[0].message and f'{whole}"' in found[0].hint


@pytest.mark.parametrize("text", FINE)
def test_comments_and_quoted_text_are_fine(tmp_path: Path, text: str) -> None:
    (tmp_path / "k.yaml").write_text(text, encoding="utf-8")
    assert list(misread(load(tmp_path / "k.yaml"))) == []


def test_a_list_item_one_space_too_deep_is_an_error_naming_its_line(tmp_path: Path) -> None:
    text = "aufgaben:\n    - Vorsortierung der Anfragen\n     - Terminkoordination\n    - drei\n"
    (tmp_path / "k.yaml").write_text(text, encoding="utf-8")
    found = list(misread(load(tmp_path / "k.yaml")))
    assert [(p.line, p.column) for p in found] == [(3, 6)]
    assert "line 2" in found[0].hint and "line 3" in found[0].hint
