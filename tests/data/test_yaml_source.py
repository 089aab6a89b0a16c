"""Reading YAML for humans: text stays text, positions are kept, traps are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from vadocs.data.yaml_source import load
from vadocs.errors import InputFileError, ProblemsError


def write(tmp_path: Path, text: str | bytes, name: str = "k.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_scalars_keep_the_text_the_user_wrote(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "plz: 01067\nland: NO\nsatz: 19\nbetrag: 0.10\nleer:\nx: ~\n"))
    assert doc.data == {
        "plz": "01067",
        "land": "NO",
        "satz": "19",
        "betrag": "0.10",
        "leer": None,
        "x": None,
    }


def test_quoted_null_stays_text(tmp_path: Path) -> None:
    assert load(write(tmp_path, 'a: "null"\n')).data == {"a": "null"}


def test_positions_are_one_based_and_point_at_values(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "kunde:\n  anschrift:\n    plz: 01067\n"))
    assert doc.position(("kunde", "anschrift", "plz")) == (3, 10)
    # a missing key points at the block where it belongs
    assert doc.position(("kunde", "anschrift", "ort")) == (2, 3)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: 1\na: 2\n", "duplicate key 'a'", 2),
        ("a: !!python/object:os.system x\n", "tag", 1),
        ("a: !custom x\n", "tag", 1),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "merge keys", 3),
        ("a:\n\t- x\n", "tab character", 2),
        ("a: b: c\n", "colon followed by a space inside a value", 1),
        ("a:\n  b: 1\n   c: 2\n", "line 3 is indented by 3 spaces, its neighbour line 2 by 2", 3),
        ('a: "x\n', "quotation mark is opened but not closed", 1),
        ("", "empty", None),
        ("# only a comment\n", "empty", None),
    ],
)
def test_refused_yaml_names_line(tmp_path: Path, text: str, message: str, line: int | None) -> None:
    with pytest.raises(ProblemsError) as caught:
        load(write(tmp_path, text))
    problem = caught.value.problems[0]
    assert message in problem.message
    assert problem.line == line


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    with pytest.raises(ProblemsError) as caught:
        load(write(tmp_path, "\n".join(lines) + "\n"))
    assert "too many values" in caught.value.format()


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as caught:
        load(write(tmp_path, "a: " + "[" * 100 + "]" * 100 + "\n"))
    assert "nested" in caught.value.format()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("a: b\n".encode("utf-16"), "UTF-16"),
        ("name: Müller\n".encode("latin-1"), "not valid UTF-8"),
        (b"a: b\x00\n", "NUL"),
    ],
)
def test_wrong_encodings(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(InputFileError) as caught:
        load(write(tmp_path, content))
    assert message in caught.value.message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        load(tmp_path / "nope.yaml")
    with pytest.raises(InputFileError, match="folder"):
        load(tmp_path)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    assert load(write(tmp_path, "\ufeffa: ü\n")).data == {"a": "ü"}
