"""The UNO helper process: one ``uno_worker`` under the system Python and its LibreOffice.

:class:`UnoWorker` starts the helper, sends it one file at a time as a JSON line, waits for
the answer within the timeout, and kills the helper's and LibreOffice's process groups (and
any process naming the private profile) when a file hangs or LibreOffice dies.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import secrets
import signal
import subprocess
import threading
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vadocs.i18n import _
from vadocs.pdf.staging import is_pdf

log = logging.getLogger(__name__)

REAP_SECONDS = 5.0
STOP_SECONDS = 5.0
LOG_TAIL = 800
POLL_SECONDS = 0.25
DRAIN_SECONDS = 0.2


@dataclass(frozen=True)
class Outcome:
    error: str = ""  # empty: a PDF was written
    lost: bool = False  # the helper hung or died and has been killed


def kill_marked(marker: bytes) -> None:
    """SIGKILL every process whose command line contains ``marker``.

    Scans again until no new one turns up: a child forked during a scan is caught
    by the next one, and a killed process forks no more.
    """
    killed: set[int] = set()
    for _attempt in range(10):
        found = set(_pids_naming(marker)) - killed
        if not found:
            return
        for pid in found:
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        killed |= found


def _pids_naming(marker: bytes) -> list[int]:
    pids = [int(entry.name) for entry in Path("/proc").glob("[0-9]*")]
    return [pid for pid in pids if pid != os.getpid() and marker in _cmdline(pid)]


def _cmdline(pid: int) -> bytes:
    """The command line of a running process; empty for a zombie or a vanished one."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _kill_group(pgid: int) -> None:
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


class UnoWorker:
    """One helper process with its soffice, and a thread that reads the helper's answers."""

    def __init__(
        self, command: list[str], env: dict[str, str], cwd: Path, *, profile: str, pipe: str
    ) -> None:
        self.marker = profile.encode()  # in the command line of the helper and of soffice
        self.pipe = pipe
        self.log_file = cwd / f"worker-{secrets.token_hex(4)}.log"
        with self.log_file.open("wb") as stderr:
            self.proc = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=env,
                cwd=cwd,
                start_new_session=True,  # Ctrl-C reaches us only; we stop it
            )
        self.soffice_pid: int | None = None
        self.ready = False
        self._answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._last_id = 0
        threading.Thread(target=self._read, name="vadocs-uno-reader", daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                log.debug("UNO helper said: %r", line)
                continue
            if not isinstance(message, dict):
                continue
            if "soffice_pid" in message:
                self.soffice_pid = int(message["soffice_pid"])
                continue
            if message.get("ready") is True:
                self.ready = True  # known to stop() even if nobody waited for it
            self._answers.put(message)
        self.proc.stdout.close()
        self._answers.put(None)  # end of output: the helper is gone

    def _next(self, deadline: float) -> dict[str, Any] | None:
        """The helper's next message, ``None`` once it is gone; ``queue.Empty`` at the deadline.

        An exited helper counts as gone even if its output stays open (a child
        may have inherited it); answers it wrote before exiting still arrive.
        """
        while True:
            remaining = deadline - time.monotonic()
            exited = self.proc.poll() is not None
            wait = DRAIN_SECONDS if exited else POLL_SECONDS
            try:
                return self._answers.get(timeout=max(0.0, min(remaining, wait)))
            except queue.Empty:
                if exited:
                    return None
                if remaining <= wait:
                    raise

    def wait_ready(self, timeout: float) -> Outcome:
        deadline = time.monotonic() + timeout
        while not self.ready:
            try:
                message = self._next(deadline)
            except queue.Empty:
                return self.lose(
                    _("LibreOffice did not start within {timeout:g} s").format(timeout=timeout)
                )
            if message is None:
                return self.lose(_("the UNO helper exited before LibreOffice was ready"))
            if message.get("ready") is False:
                return self.lose(
                    _("LibreOffice did not start: {error}").format(error=message.get("error"))
                )
            self.ready = message.get("ready") is True
        return Outcome()

    def convert(self, source: Path, target: Path, pdfa: bool, timeout: float) -> Outcome:
        self._last_id += 1
        request = {"id": self._last_id, "src": str(source), "dst": str(target), "pdfa": pdfa}
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(request).encode() + b"\n")
            self.proc.stdin.flush()
        except OSError:
            return self.lose(_("the UNO helper is gone"))
        started = time.monotonic()
        outcome = self._await_answer(self._last_id, started + timeout, timeout)
        if outcome.error:
            return outcome
        if not is_pdf(target):  # never trust a reported success
            return Outcome(_("LibreOffice reported success but wrote no PDF"))
        log.debug("converted %s in %.3f s", source, time.monotonic() - started)
        return outcome

    def _await_answer(self, wanted: int, deadline: float, timeout: float) -> Outcome:
        while True:
            try:
                message = self._next(deadline)
            except queue.Empty:
                return self.lose(
                    _("LibreOffice did not finish within {timeout:g} s and was stopped").format(
                        timeout=timeout
                    )
                )
            if message is None:
                code = self.proc.poll()
                return self.lose(
                    _("LibreOffice or its UNO helper crashed")
                    if code is None
                    else _("LibreOffice or its UNO helper crashed (exit code {code})").format(
                        code=code
                    )
                )
            if message.get("id") != wanted:
                continue
            if message.get("fatal"):
                return self.lose(f"LibreOffice crashed: {message.get('error')}")
            return Outcome() if message.get("ok") else Outcome(str(message.get("error")))

    def alive(self) -> bool:
        """Whether the helper runs and its soffice (once known) still runs under our profile."""
        if self.proc.poll() is not None:
            return False
        return self.soffice_pid is None or self.marker in _cmdline(self.soffice_pid)

    def lose(self, reason: str) -> Outcome:
        self.kill()
        return Outcome(f"{reason}\n{self.log_tail()}".rstrip(), lost=True)

    def log_tail(self) -> str:
        with suppress(OSError):
            text = self.log_file.read_text("utf-8", "replace").strip()
            return f"LibreOffice said:\n{text[-LOG_TAIL:]}" if text else ""
        return ""

    def stop(self) -> None:
        """Let a ready helper shut LibreOffice down cleanly; kill whatever remains."""
        try:
            if self.ready and self.proc.poll() is None:
                with suppress(OSError):
                    self.proc.stdin.close()  # type: ignore[union-attr]
                with suppress(subprocess.TimeoutExpired):
                    self.proc.wait(timeout=STOP_SECONDS)
        finally:
            self.kill()

    def kill(self) -> None:
        """Kill the helper's and soffice's process groups and whatever else names our profile."""
        # A group is signalled only while its leader is surely ours (an unreaped
        # child, a process naming our profile): a freed pid may be a stranger's.
        if self.proc.returncode is None:
            _kill_group(self.proc.pid)
        if self.soffice_pid is not None and self.marker in _cmdline(self.soffice_pid):
            _kill_group(self.soffice_pid)
        # Only our processes name our profile: this catches soffice before its pid was known.
        kill_marked(self.marker)
        with suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=REAP_SECONDS)
        with suppress(OSError):
            self.proc.stdin.close()  # type: ignore[union-attr]
        with suppress(OSError):  # the socket a killed soffice leaves behind
            Path(f"/tmp/OSL_PIPE_{os.getuid()}_{self.pipe}").unlink(missing_ok=True)
