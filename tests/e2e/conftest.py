"""The installed command, as people run it.

A session-scoped fixture builds the wheel from the checkout (an ordinary wheel, no editable
install), installs it into a fresh virtual environment and runs its ``vadocs`` console script
in subprocesses from folders outside the checkout, without the checkout on ``sys.path``.
These tests prove the exit-status contract, the files written or not, and the messages.

They run in German, as the assistant does (``LANG=de_DE.UTF-8``, no ``VADOCS_LANG``), and every
run is checked for its language (:mod:`tests.e2e.prose`): English prose in a German run fails
the test that ran the command; a run asked for English (``env={"VADOCS_LANG": "en"}`` or an
``en`` locale) must hold no German prose.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e import prose

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-29"
"""The real day of every e2e run (``VADOCS_TODAY``): no test depends on the machine's date."""


@dataclass(frozen=True)
class Installed:
    """A fresh virtual environment holding the built wheel."""

    prefix: Path
    wheel: Path

    @property
    def vadocs(self) -> Path:
        return self.prefix / "bin" / "vadocs"

    @property
    def python(self) -> Path:
        return self.prefix / "bin" / "python"

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env["PATH"] = f"{self.prefix / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        env.pop("VADOCS_DEBUG", None)
        for name in ("VADOCS_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
            env.pop(name, None)
        env["LANG"] = "de_DE.UTF-8"  # the assistant's locale; tests of English ask for it
        env["VADOCS_TODAY"] = TODAY  # the injected real day; a test may set another
        env.update(extra or {})
        return env

    def run(
        self,
        args: Sequence[str | Path],
        cwd: Path,
        *,
        module: bool = False,
        env: dict[str, str] | None = None,
        timeout: float = 300,
    ) -> subprocess.CompletedProcess[str]:
        """``vadocs ARGS`` (or ``python -m vadocs ARGS``) in ``cwd``; never raises on exit status."""
        assert not cwd.resolve().is_relative_to(ROOT), "e2e tests run outside the checkout"
        head = [str(self.python), "-m", "vadocs"] if module else [str(self.vadocs)]
        full = self.env(env)
        done = subprocess.run(
            [*head, *map(str, args)],
            cwd=cwd,
            env=full,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        if not full.get("_VADOCS_COMPLETE"):  # shell completion scripts are no messages
            check_language(done, english=_asks_for_english(full))
        return done


def _asks_for_english(env: dict[str, str]) -> bool:
    """What :func:`vadocs.i18n.language` decides for ``env``."""
    for name in ("VADOCS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name, "").strip():
            return env[name].strip().lower().startswith("en")
    return False


def check_language(done: subprocess.CompletedProcess[str], *, english: bool) -> None:
    """Fail when a German run printed English prose, or an English run German prose."""
    for stream, text in (("stdout", done.stdout), ("stderr", done.stderr)):
        if english:
            found = prose.german_words(text)
            assert not found, f"German {found} in the English {stream} of {done.args}:\n{text}"
        else:
            lines = "\n".join(prose.english_lines(text))
            assert not lines, f"English prose in the {stream} of {done.args[1:]}:\n{lines}"


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Build the wheel from the checkout and install it into a new virtual environment."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        cwd=base,
    )
    (wheel,) = dist.glob("vadocs-*.whl")
    prefix = base / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(prefix)
    subprocess.run(
        [str(prefix / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        cwd=base,
    )
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    return Installed(prefix, wheel)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A working folder far from the checkout."""
    assert not tmp_path.resolve().is_relative_to(ROOT)
    return tmp_path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its content: to prove that nothing was written."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def example_workspace(outside: Path, *clients: str) -> Path:
    """A copy of the VAT-registered example workspace in ``outside/ws``, with only ``clients``."""
    ws = outside / "ws"
    shutil.copytree(
        ROOT / "examples" / "umsatzsteuer", ws, ignore=shutil.ignore_patterns("out", ".vadocs")
    )
    for file in (ws / "kunden").glob("*.yaml"):
        if file.stem not in clients:
            file.unlink()
    return ws
