"""Where a document's Word template comes from: the workspace's own, else the built-in one."""

from __future__ import annotations

from pathlib import Path

from vadocs.data.workspace import Workspace, builtin_templates
from vadocs.documents.kinds import DocumentKind
from vadocs.errors import TemplateError
from vadocs.i18n import _


def search_path(ws: Workspace | None, extra: Path | None = None) -> list[Path]:
    paths = [p for p in (extra, ws.templates_dir if ws else None) if p is not None]
    return [*paths, builtin_templates()]


def template_for(kind: DocumentKind, ws: Workspace | None, extra: Path | None = None) -> Path:
    for folder in search_path(ws, extra):
        candidate = folder / kind.template
        if candidate.is_file():
            return candidate
    raise TemplateError(
        _("no template {template} found in {folders}").format(
            template=kind.template, folders=", ".join(map(str, search_path(ws, extra)))
        ),
        hint=_("reinstall vadocs, or copy the built-in templates with `vadocs templates init`"),
    )
