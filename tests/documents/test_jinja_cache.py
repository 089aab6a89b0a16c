"""Compiled templates are kept between runs, in a folder only the user can write."""

from __future__ import annotations

from pathlib import Path

import pytest

from vadocs.documents.environment import make_environment
from vadocs.documents.jinja_cache import ENV_CACHE, bytecode_cache, cache_dir, compile_cached

SOURCE = "{% for x in items %}{{ x|upper }};{% endfor %}"


def test_second_run_loads_the_compiled_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "c"))
    first = compile_cached(make_environment(), bytecode_cache(), "k1", SOURCE)
    assert first.render(items=["a", "b"]) == "A;B;"
    assert len(list((tmp_path / "c").iterdir())) == 1
    fresh = make_environment()  # a new run: nothing in memory

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(fresh, "compile", no_compiling)
    again = compile_cached(fresh, bytecode_cache(), "k1", SOURCE)
    assert again.render(items=["c"]) == "C;"


def test_changed_source_under_the_same_key_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_CACHE, str(tmp_path))
    compile_cached(make_environment(), bytecode_cache(), "k", SOURCE)
    other = compile_cached(make_environment(), bytecode_cache(), "k", "{{ 1 + 1 }}")
    assert other.render() == "2"


@pytest.mark.parametrize("mode", [0o777, 0o770])
def test_a_folder_others_can_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(mode)
    monkeypatch.setenv(ENV_CACHE, str(folder))
    assert cache_dir() is None
    assert compile_cached(make_environment(), bytecode_cache(), "k", SOURCE).render(items=[]) == ""


def test_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_CACHE, "off")
    assert cache_dir() is None and bytecode_cache() is None


def test_default_is_private_below_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_CACHE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = cache_dir()
    assert folder == tmp_path / "vadocs" / "jinja"
    assert folder.stat().st_mode & 0o777 == 0o700
