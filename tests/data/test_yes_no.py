"""German yes and no: ja/nein (and wahr/falsch) are booleans where the schema expects one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from vadocs.data.validation import validate
from vadocs.data.yaml_source import load
from vadocs.errors import ProblemsError


class Flags(BaseModel):
    kaufmann: bool
    name: str = ""


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("ja", True), ("Ja", True), ("JA", True), ("nein", False), ("Nein", False),
        ("wahr", True), ("falsch", False), ("true", True), ("false", False), ("yes", True),
        ("no", False),
    ],
)  # fmt: skip
def test_yes_no_words(tmp_path: Path, word: str, value: bool) -> None:
    (tmp_path / "k.yaml").write_text(f"kaufmann: {word}\nname: ja\n", encoding="utf-8")
    flags = validate(load(tmp_path / "k.yaml"), Flags)
    assert flags.kaufmann is value
    assert flags.name == "ja"  # text stays text


def test_other_words_are_refused_with_a_german_hint(tmp_path: Path) -> None:
    (tmp_path / "k.yaml").write_text("kaufmann: vielleicht\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        validate(load(tmp_path / "k.yaml"), Flags)
    assert "ja or nein" in caught.value.problems[0].hint
