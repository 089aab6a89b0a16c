"""Which documents a set of changed files makes stale.

Rules (the inputs of each document, as :mod:`vadocs.build.cache` hashes them):

* a client file → every document of that client;
* the profile ``vadocs.yaml``, the catalogue, an image (the logo) → every watched client;
* a template in ``vorlagen/`` → that document for every watched client (a contract
  template rebuilds the contracts, so the merged Vertragsunterlagen stay whole; the
  unchanged ones come from the build cache);
* a time-tracker CSV → the invoices of the clients whose file names it.

A file whose bytes did not change (saved again unchanged, touched) changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vadocs.data.workspace import CATALOGUE_NAME, PROFILE_NAME, Workspace
from vadocs.documents.kinds import BY_KEY, CONTRACTS, RECHNUNG

__all__ = ["Inputs", "Plan", "Watched", "plan_rebuild"]

Only = frozenset[str] | None
"""Document keys to build (``--only``); ``None``: all of them."""

Plan = dict[Path, Only]
_CONTRACT_KEYS = frozenset(k.key for k in CONTRACTS)
_IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".bmp", ".tif", ".tiff"}


@dataclass(frozen=True)
class Watched:
    """What one watch session looks after: client files named, and folders of client files
    (new files in them are picked up)."""

    ws: Workspace
    files: tuple[Path, ...] = ()
    folders: tuple[Path, ...] = ()

    def clients(self) -> list[Path]:
        """Every watched client file that exists now, resolved, in a stable order."""
        found = {f.resolve() for f in self.files if f.is_file()}
        for folder in self.folders:
            found |= {p.resolve() for p in folder.glob("*.y*ml") if _is_client(p)}
        return sorted(found)


def _is_client(path: Path) -> bool:
    return path.suffix in (".yaml", ".yml") and path.name not in (PROFILE_NAME, CATALOGUE_NAME)


@dataclass
class Inputs:
    """The SHA-256 of every input seen, to tell a real edit from a file saved unchanged."""

    digests: dict[Path, str] = field(default_factory=dict)

    def remember(self, paths: Iterable[Path]) -> None:
        for path in paths:
            self.digests[path] = _digest(path)

    def changed(self, paths: Iterable[Path]) -> set[Path]:
        """The paths whose content differs from the last look (or that appeared or vanished);
        their new digests are remembered."""
        out = set()
        for path in paths:
            now = _digest(path)
            if self.digests.get(path) != now:
                self.digests[path] = now
                out.add(path)
        return out


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # gone, or a folder


def plan_rebuild(watched: Watched, changed: Iterable[Path]) -> Plan:
    """Map changed paths (resolved) to ``{client file: documents to build}``."""
    clients = watched.clients()
    ws = watched.ws
    plan: Plan = {}
    for path in changed:
        if path in clients:
            _add(plan, path, None)
        elif _shared_input(path, ws):
            _add_all(plan, clients, None)
        elif path.parent == ws.templates_dir.resolve() and path.suffix == ".docx":
            _add_all(plan, clients, _template_kinds(path.name))
        elif path.suffix.lower() == ".csv":
            users = [c for c in clients if path.name in _text(c)]
            _add_all(plan, users, frozenset({RECHNUNG.key}))
    return {client: only for client, only in plan.items() if only is None or only}


def _shared_input(path: Path, ws: Workspace) -> bool:
    """The profile, the catalogue or an image (the logo): inputs of every document."""
    if path in (ws.profile_file.resolve(), ws.root.resolve() / CATALOGUE_NAME):
        return True
    return path.suffix.lower() in _IMAGES and not _in_output(path, ws)


def _template_kinds(name: str) -> frozenset[str]:
    keys = {k.key for k in BY_KEY.values() if k.template == name}
    if keys & _CONTRACT_KEYS:
        return _CONTRACT_KEYS
    return frozenset(keys & {RECHNUNG.key})  # reminders are not previewed by watch


def _in_output(path: Path, ws: Workspace) -> bool:
    return path.is_relative_to(ws.default_output.resolve()) or ".vadocs" in path.parts


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _add(plan: Plan, client: Path, only: Only) -> None:
    if client in plan:
        before = plan[client]
        plan[client] = None if before is None or only is None else before | only
    else:
        plan[client] = only


def _add_all(plan: Plan, clients: Iterable[Path], only: Only) -> None:
    for client in clients:
        _add(plan, client, only)
