"""Where things are: the workspace root (``vadocs.yaml``), its catalogue, output and ledger."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from vadocs.errors import WorkspaceError
from vadocs.i18n import _

PROFILE_NAME = "vadocs.yaml"
CATALOGUE_NAME = "unterauftragsverarbeiter.yaml"
STATE_DIR = ".vadocs"


@dataclass(frozen=True)
class Workspace:
    root: Path
    profile_file: Path

    @property
    def catalogue_file(self) -> Path | None:
        own = self.root / CATALOGUE_NAME
        return own if own.is_file() else None

    @property
    def templates_dir(self) -> Path:
        return self.root / "vorlagen"

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    @property
    def default_output(self) -> Path:
        return self.root / "out"


def find_workspace(start: Path, profile: Path | None = None) -> Workspace:
    """Find ``vadocs.yaml`` by walking up from ``start`` (like git and mkdocs), or take ``profile``."""
    if profile is not None:
        if not profile.is_file():
            raise WorkspaceError(
                _("{profile}: no such profile file").format(profile=profile),
                hint=_("check --profile"),
            )
        return Workspace(root=profile.resolve().parent, profile_file=profile)
    try:
        here = start.resolve()
        folder = here if here.is_dir() else here.parent
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise WorkspaceError(
            _("{start}: cannot be resolved ({exc})").format(start=start, exc=exc),
            hint=_("check the path for a symbolic link loop"),
        ) from None
    for candidate in (folder, *folder.parents):
        if (candidate / PROFILE_NAME).is_file():
            return Workspace(root=candidate, profile_file=candidate / PROFILE_NAME)
    raise WorkspaceError(
        _("{start}: no {PROFILE_NAME} found in this folder or any folder above it").format(
            start=start, PROFILE_NAME=PROFILE_NAME
        ),
        hint=_("run `vadocs init` to create a workspace, or pass --profile FILE"),
    )


def builtin_catalogue() -> Path:
    return Path(str(resources.files("vadocs") / "resources" / CATALOGUE_NAME))


def builtin_templates() -> Path:
    """The shipped Word templates (``vadocs/templates_de/``, package data of the wheel)."""
    return Path(str(resources.files("vadocs") / "templates_de"))
