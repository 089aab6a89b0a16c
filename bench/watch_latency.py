"""Edit → fresh PDF under `vadocs watch`, for bench_build.py (same run, same workspace).

A `vadocs watch` process (interpreter and LibreOffice started once) watches one client's
bundle; each round saves an edit and measures until watch reports the rebuilt PDFs
(it prints its line after writing them). Two edits: the client file (its street: every
document changes) and the NDA template in vorlagen/ (one document and the merged PDF).
"""

from __future__ import annotations

import io
import queue
import re
import statistics
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

WAIT = 120.0


class Watcher:
    """`python -m vadocs watch FILE` with its output lines in a queue."""

    def __init__(self, root: Path, client: Path) -> None:
        cmd = [sys.executable, "-m", "vadocs", "watch", "--date", "2026-11-27", str(client)]
        self.proc = subprocess.Popen(
            cmd, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def wait_for(self, pattern: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            if re.search(pattern, line):
                return line
        raise RuntimeError(f"watch printed no {pattern!r} within {WAIT:g} s")

    def stop(self) -> None:
        self.proc.terminate()  # SIGTERM: a background job may have inherited SIGINT ignored
        self.proc.wait(timeout=60)


def _template_variant(template: Path, round_: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"nachstehend", f"nachstehend (Fassung {round_})".encode(), 1)
            dst.writestr(item, data)
    return out.getvalue()


def _timed_edit(watcher: Watcher, target: Path, data: bytes, client_name: str) -> float:
    start = time.perf_counter()
    target.write_bytes(data)
    watcher.wait_for(rf"{re.escape(client_name)}: \d+ PDF neu")
    return time.perf_counter() - start


def watch_latency(root: Path, client: Path, builtin_nda: Path, repeat: int = 5) -> dict[str, float]:
    """Median seconds from save to reported PDFs: ``client`` and ``template`` edits."""
    watcher = Watcher(root, client)
    try:
        watcher.wait_for("beobachte")
        original = client.read_text(encoding="utf-8")
        client_times = []
        for i in range(repeat):
            text = original.replace("Hauptstraße 5", f"Hauptstraße {6 + i}")
            client_times.append(_timed_edit(watcher, client, text.encode(), client.name))
            time.sleep(0.3)
        own = root / "vorlagen" / builtin_nda.name
        own.parent.mkdir(exist_ok=True)
        template_times = []
        for i in range(repeat + 1):  # the first save creates the override: not counted
            seconds = _timed_edit(watcher, own, _template_variant(builtin_nda, i), client.name)
            if i:
                template_times.append(seconds)
            time.sleep(0.3)
        client.write_text(original, encoding="utf-8")
        own.unlink()
    finally:
        watcher.stop()
    return {
        "client": statistics.median(client_times),
        "template": statistics.median(template_times),
    }
