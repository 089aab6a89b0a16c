"""The wheel is complete: everything the code loads at run time is inside it."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

from tests.e2e.conftest import ROOT, Installed

RUNTIME_LOOKUP = """
from vadocs.data.workspace import builtin_catalogue, builtin_templates
from vadocs.checks.coverage import default_coverage_dir
from importlib import resources
import vadocs
root = resources.files("vadocs")
print(builtin_catalogue())
for p in sorted(builtin_templates().glob("*.docx")):
    print(p)
for p in sorted(default_coverage_dir().glob("*.yaml")):
    print(p)
for name in ("vadocs.yaml", "kunden/beispiel-gmbh.yaml", "README.md"):
    print(root / "resources" / "init" / name)
from vadocs.pdf.uno import WORKER
print(WORKER)
"""


def _tracked_package_files() -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files", "vadocs"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return {name for name in listed if "__pycache__" not in name}


def test_the_wheel_holds_every_file_of_the_package(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
    missing = _tracked_package_files() - names
    assert not missing, f"not in the wheel: {sorted(missing)}"


def test_what_the_code_loads_exists_in_the_installed_package(
    installed: Installed, outside: Path
) -> None:
    done = subprocess.run(
        [str(installed.python), "-c", RUNTIME_LOOKUP],
        cwd=outside,
        env=installed.env(),
        capture_output=True,
        text=True,
        check=True,
    )
    paths = [Path(line) for line in done.stdout.splitlines()]
    assert len(paths) >= 1 + 4 + 4 + 3 + 1, paths
    for path in paths:
        assert path.resolve().is_relative_to(installed.prefix.resolve()), path
        assert path.is_file(), path
