"""The German catalog is complete, current and compiled; the language follows the locale."""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from tests.conftest import ROOT
from vadocs import i18n

PO = ROOT / "vadocs" / "locale" / "de" / "LC_MESSAGES" / "vadocs.po"
MO = PO.with_suffix(".mo")
MsgId = str | tuple[str, ...]


def _key(msgid: object) -> MsgId:
    return tuple(msgid) if isinstance(msgid, list | tuple) else str(msgid)


def _extracted() -> set[MsgId]:
    """Every msgid marked in the code, as `make messages` extracts it (babel.cfg)."""
    found = extract_from_dir(
        str(ROOT / "vadocs"), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS
    )
    return {_key(msgid) for _file, _line, msgid, _comments, _context in found}


def _catalog() -> dict[MsgId, object]:
    with PO.open("rb") as f:
        catalog = read_po(f, locale="de")
    return {_key(m.id): m for m in catalog if m.id}


def test_every_message_in_the_code_has_a_german_translation() -> None:
    catalog = _catalog()
    missing = sorted(map(str, _extracted() - set(catalog)))
    assert not missing, f"run `make messages` and translate: {missing[:10]}"
    untranslated = [
        str(k)
        for k, m in catalog.items()
        if "fuzzy" in m.flags or not all(m.string if isinstance(m.string, tuple) else [m.string])  # type: ignore[attr-defined]
    ]
    assert not untranslated, untranslated[:10]


def test_the_catalog_holds_no_stale_messages() -> None:
    stale = sorted(map(str, set(_catalog()) - _extracted()))
    assert not stale, f"no longer in the code; run `make messages`: {stale[:10]}"


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w*)[^{}]*\}", text.replace("{{", "").replace("}}", "")))


def test_translations_keep_every_placeholder() -> None:
    """A placeholder lost or misspelt in German would raise KeyError or drop a value."""
    for key, message in _catalog().items():
        ids = key if isinstance(key, tuple) else (key,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)  # type: ignore[attr-defined]
        for msgid, text in zip(ids, strings, strict=True):
            assert _placeholders(text) == _placeholders(msgid), (key, text)


def test_the_compiled_catalog_is_current() -> None:
    with PO.open("rb") as f:
        source = {
            _key(m.id): m.string for m in read_po(f, locale="de") if m.id and "fuzzy" not in m.flags
        }
    compiled = read_mo(io.BytesIO(MO.read_bytes()))
    assert {_key(m.id): _key(m.string) for m in compiled if m.id} == {
        k: _key(v) for k, v in source.items()
    }, "run `make messages`"


@pytest.mark.parametrize(
    ("env", "language"),
    [
        ({}, "de"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "de"),
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, "de"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),
        ({"VADOCS_LANG": "en", "LANG": "de_DE.UTF-8"}, "en"),
        ({"VADOCS_LANG": "de", "LC_ALL": "en_US.UTF-8"}, "de"),
    ],
)
def test_the_language_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], language: str
) -> None:
    for name in ("VADOCS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.language() == language
    assert i18n._("warning") == {"de": "Warnung", "en": "warning"}[language]


def test_the_catalog_ships_with_the_package() -> None:
    assert Path(i18n.LOCALE_DIR, "de", "LC_MESSAGES", "vadocs.mo").is_file()


def test_no_message_is_marked_inside_an_f_string() -> None:
    """Babel does not look into f-strings: a ``_("…")`` there is never extracted nor translated."""
    hidden = []
    for path in sorted((ROOT / "vadocs").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [
                    f"{path.relative_to(ROOT)}:{call.lineno}"
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in ("_", "N_", "ngettext")
                    and isinstance(call.args[0], ast.Constant)
                ]
    assert not hidden, f"move these out of the f-string: {hidden}"
