"""Incremental builds: a document whose inputs did not change is not rendered again.

The inputs of a document are the validated data (profile, client, catalogue), the
template file and the vadocs version; their SHA-256 is stored with the hashes of
the files written. When both still match, the files on disk are reused as they are.
Second chance: a document rendered again to the same DOCX (an edit elsewhere in the
client file) is not converted again (:meth:`BuildCache.rendered`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vadocs import __version__
from vadocs.invoicing.ledger import sha256
from vadocs.output import private_dir, write_atomic


class BuildCache:
    def __init__(self, path: Path, *, enabled: bool = True) -> None:
        self.path = path
        self.enabled = enabled
        self.entries: dict[str, dict[str, Any]] = {}
        self.dirty = False
        if path.is_file():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                self.entries = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self.entries = {}  # a damaged cache only costs a rebuild

    @staticmethod
    def key_of(*parts: bytes | str) -> str:
        joined = "\0".join(p if isinstance(p, str) else sha256(p) for p in (__version__, *parts))
        return sha256(joined.encode())

    def fresh(self, out_dir: Path, base: str, inputs: str) -> dict[str, bytes] | None:
        """The files written for ``base`` if its inputs are unchanged and the files intact."""
        entry = self.entries.get(str(out_dir / base))
        if not self.enabled or entry is None or entry.get("inputs") != inputs:
            return None
        return self._intact(out_dir, entry)

    def rendered(self, out_dir: Path, base: str, rendered: str) -> dict[str, bytes] | None:
        """The files written for ``base`` if it was rendered to the same DOCX (and PDF
        metadata: ``rendered`` is their hash) and the files are intact."""
        entry = self.entries.get(str(out_dir / base))
        if not self.enabled or entry is None or entry.get("rendered") != rendered:
            return None
        return self._intact(out_dir, entry)

    @staticmethod
    def _intact(out_dir: Path, entry: dict[str, Any]) -> dict[str, bytes] | None:
        files: dict[str, bytes] = {}
        for name, digest in entry.get("files", {}).items():
            path = out_dir / name
            if not path.is_file():
                return None
            data = path.read_bytes()
            if sha256(data) != digest:
                return None
            files[name] = data
        return files or None

    def remember(
        self, out_dir: Path, base: str, inputs: str, files: dict[str, bytes], rendered: str = ""
    ) -> None:
        entry = {"inputs": inputs, "files": {n: sha256(d) for n, d in files.items()}}
        before = self.entries.get(str(out_dir / base), {})
        if not rendered and before.get("files") == entry["files"]:
            rendered = before.get("rendered", "")  # reused from the cache: still the same
        if rendered:
            entry["rendered"] = rendered
        if before != entry:
            self.entries[str(out_dir / base)] = entry
            self.dirty = True

    def save(self) -> None:
        if self.dirty:
            private_dir(self.path.parent)
            write_atomic(self.path, json.dumps(self.entries, sort_keys=True, indent=1).encode())
