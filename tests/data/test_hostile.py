"""Hostile input: every file a user can pass gets a message and a non-zero exit — never a
traceback, never a hang, never any output written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, copy_workspace
from vadocs.cli import main
from vadocs.output import file_name, safe_part

VALID = (EXAMPLES / "umsatzsteuer" / "kunden" / "mueller-gmbh.yaml").read_text(encoding="utf-8")


def _assert_clean_failure_or_success(ws: Path, target: Path, args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, str(target)])
    assert result.exit_code in (0, 1), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    if result.exit_code == 1 and args[0] == "build":
        assert not (ws / "out").exists() or not any((ws / "out").rglob("*"))


FILES = {
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "utf16": VALID.encode("utf-16"),
    "latin1": VALID.encode("latin-1", errors="replace"),
    "nul": b"kunde:\x00\n",
    "tabs": VALID.replace("  ", "\t").encode(),
    "duplicate-keys": (VALID + "\nkunde:\n  name: x\n").encode(),
    "alias-bomb": (
        b"a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    ),
    "deep": ("a: " + "[" * 5000 + "]" * 5000 + "\n").encode(),
    "huge": b"kunde: " + b"x" * (3 * 1024 * 1024) + b"\n",
    "list-root": b"- a\n- b\n",
    "scalar-root": b"hallo\n",
    "python-tag": b"kunde: !!python/object/apply:os.system ['echo hacked']\n",
}


@pytest.mark.parametrize("content", FILES.values(), ids=FILES.keys())
@pytest.mark.parametrize(
    "command", [["validate"], ["build", "--no-pdf"]], ids=["validate", "build"]
)
def test_hostile_files(tmp_path: Path, content: bytes, command: list[str]) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    target = ws / "kunden" / "boese.yaml"
    target.write_bytes(content)
    for other in (ws / "kunden").glob("*.yaml"):
        if other != target:
            other.unlink()
    result = CliRunner().invoke(main, [*command, str(target)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "boese.yaml" in result.output
    assert not (ws / "out").exists()
    assert not (ws / ".vadocs").exists()


def test_a_folder_a_missing_file_and_a_symlink_loop(tmp_path: Path) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    loop_a, loop_b = ws / "kunden" / "a.yaml", ws / "kunden" / "b.yaml"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    for target in (ws / "kunden" / "fehlt.yaml", loop_a, ws / "vadocs.yaml" / "x"):
        result = CliRunner().invoke(main, ["build", "--no-pdf", str(target)])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output


def test_template_code_in_data_prints_literally(tmp_path: Path) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    client = ws / "kunden" / "mueller-gmbh.yaml"
    client.write_text(
        VALID.replace("Müller & Söhne <Haustechnik> GmbH", "'{{ 7*7 }} {% raw %}x ../../etc GmbH'"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["build", "--no-pdf", "--only", "auftragsbestaetigung", str(client)]
    )
    assert result.exit_code == 0, result.output
    from docx import Document

    (docx,) = (ws / "out" / "mueller-gmbh").glob("*.docx")
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    text += "\n".join(c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells)
    assert "{{ 7*7 }} {% raw %}x ../../etc GmbH" in text
    assert "49" not in text.split("GmbH")[0][-20:]


@pytest.mark.parametrize(
    "hostile",
    ["../../etc/passwd", "/abs/path", "CON", "a" * 300, "..", "x/../../y", "nul.txt", "ä ö ü"],
)
def test_file_names_cannot_leave_the_folder(hostile: str) -> None:
    name = file_name(__import__("datetime").date(2026, 1, 1), "Rechnung", hostile, "pdf", hostile)
    assert "/" not in name and "\\" not in name and ".." not in name
    assert len(name) < 200
    assert safe_part(hostile).split(".")[0].upper() not in {"CON", "NUL"}


def test_outputs_are_private(tmp_path: Path) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    result = CliRunner().invoke(
        main, ["build", "--no-pdf", str(ws / "kunden" / "mueller-gmbh.yaml")]
    )
    assert result.exit_code == 0, result.output
    for folder in (ws / "out", ws / "out" / "mueller-gmbh", ws / ".vadocs"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for file in [*(ws / "out").rglob("*.docx"), ws / ".vadocs" / "ledger.sqlite"]:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


# --- fuzzing (bounded budget) ----------------------------------------------------------

KEYS = [
    "kunde",
    "name",
    "art",
    "anschrift",
    "strasse",
    "plz",
    "ort",
    "land",
    "auftrag",
    "datum",
    "beginn",
    "ende",
    "verguetung",
    "stundensatz",
    "rechnungen",
    "zeitraum",
    "positionen",
    "zeiten",
    "dauer",
    "datenschutz",
    "nda",
    "x",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.text(max_size=40),
    st.sampled_from(
        [
            "01067",
            "NO",
            "2026-13-45",
            "1e400",
            "{{ x }}",
            "../..",
            "2026-12",
            "55,00",
            "-0",
            "ATU13585627",
            "DE02120300000000202051",
            "\u202e",
            "ß€„“",
        ]
    ),
)
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=25,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(tree=trees)
def test_fuzz_structure(tmp_path_factory: pytest.TempPathFactory, tree: object) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path_factory.mktemp("fuzz"))
    for other in (ws / "kunden").glob("*.yaml"):
        other.unlink()
    target = ws / "kunden" / "fuzz.yaml"
    target.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    _assert_clean_failure_or_success(ws, target, ["build", "--no-pdf"])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    line=st.integers(0, VALID.count("\n")),
    value=scalars,
    mode=st.sampled_from(["replace-value", "delete-line", "duplicate-line", "truncate"]),
)
def test_fuzz_values_of_the_real_schema(
    tmp_path_factory: pytest.TempPathFactory, line: int, value: object, mode: str
) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path_factory.mktemp("fuzz"))
    for other in (ws / "kunden").glob("*.yaml"):
        other.unlink()
    lines = VALID.splitlines()
    line = min(line, len(lines) - 1)
    if mode == "replace-value" and ":" in lines[line]:
        key = lines[line].split(":")[0]
        lines[line] = f"{key}: {yaml.safe_dump(value, allow_unicode=True).splitlines()[0]}"
    elif mode == "delete-line":
        del lines[line]
    elif mode == "duplicate-line":
        lines.insert(line, lines[line])
    else:
        lines = lines[:line]
    target = ws / "kunden" / "fuzz.yaml"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _assert_clean_failure_or_success(ws, target, ["build", "--no-pdf"])
    os.sync()
