"""A ``vadocs watch`` process for tests: its output lines in a queue, bounded waits."""

from __future__ import annotations

import queue
import subprocess
import threading
import time
from pathlib import Path

WAIT = 90.0
"""Seconds a test waits for a line at most (LibreOffice's start on a busy machine)."""


class Process:
    """A ``vadocs watch`` subprocess whose output lines arrive in a queue."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = WAIT) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            self.seen.append(line)
            if text in line:
                return line
        self.proc.kill()
        raise AssertionError(f"no line with {text!r} within {timeout:g} s: {self.seen}")

    def stop(self, signum: int, timeout: float = 60) -> int:
        self.proc.send_signal(signum)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError(f"still running {timeout:g} s after signal {signum}") from None


def living(marker: Path) -> list[int]:
    """Processes whose command line names ``marker`` (LibreOffice's profile lies below it)."""
    needle = str(marker).encode()
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if needle in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def rest(watch: Process) -> list[str]:
    """The lines still to come from a process that has ended (a second of silence ends them)."""
    lines = []
    while True:
        try:
            lines.append(watch.lines.get(timeout=1))
        except queue.Empty:
            return lines
