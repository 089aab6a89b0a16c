"""The installed command, as people run it.

A session-scoped fixture builds the wheel from the checkout (an ordinary wheel, no editable
install), installs it into a fresh virtual environment and runs its ``vadocs`` console script
in subprocesses from folders outside the checkout, without the checkout on ``sys.path``.
These tests prove the exit-status contract, the files written or not, and the messages.
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
        env["VADOCS_LANG"] = "en"  # wording checks read English; tests of German set "de"
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
        return subprocess.run(
            [*head, *map(str, args)],
            cwd=cwd,
            env=self.env(env),
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )


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
