"""``vadocs init``: a new workspace with a profile, one example client and a short README."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from vadocs.data.schema_export import SCHEMAS, render
from vadocs.errors import WorkspaceError
from vadocs.i18n import _
from vadocs.output import private_dir, write_atomic

FILES = ("vadocs.yaml", "kunden/beispiel-gmbh.yaml", "README.md")


def create_workspace(directory: Path) -> list[Path]:
    """Create the workspace files in ``directory``; refuse to overwrite anything.

    Raises :class:`WorkspaceError` when ``directory`` is a file or a file would be replaced.
    """
    if directory.exists() and not directory.is_dir():
        raise WorkspaceError(
            _("{directory}: is a file, not a folder").format(directory=directory),
            hint=_("name a new folder: vadocs init NEW-FOLDER"),
        )
    existing = [directory / f for f in FILES if (directory / f).exists()]
    if existing:
        raise WorkspaceError(
            _("{existing_0}: exists already; vadocs init never overwrites files").format(
                existing_0=existing[0]
            ),
            hint=_("choose an empty folder: vadocs init NEW-FOLDER"),
        )
    private_dir(directory)
    source = resources.files("vadocs") / "resources" / "init"
    created = []
    for name in FILES:
        target = directory / name
        write_atomic(target, (source / name).read_bytes())
        created.append(target)
    for name in SCHEMAS:
        target = directory / "schemas" / name
        write_atomic(target, render(name).encode("utf-8"))
        created.append(target)
    return created
