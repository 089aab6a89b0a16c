"""DOCX → PDF through one warm LibreOffice, driven over UNO.

``import uno`` exists only in Debian's system Python (package python3-uno), so
the UNO side runs as a helper process, :mod:`vadocs.uno_worker`, under
``/usr/bin/python3``; we talk to it in JSON lines. A warm LibreOffice converts a
small document in ≈0.08 s, about what a batch ``soffice --convert-to`` needs per
file after its ≈1 s start; the gain is that start: :meth:`UnoConverter.start`
lets LibreOffice boot while documents still render, and it is paid once per
converter, not once per ``convert()`` call.

The helper and its soffice are disposable: a file that hangs past the timeout,
or a LibreOffice that crashes, gets both killed (their process groups, and any
process naming our private profile) and restarted once per ``convert()`` call.
As with :class:`~vadocs.convert.PdfConverter`, only a real PDF counts as success.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import queue
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import weakref
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from vadocs.convert import _check_inputs, _is_pdf, _make_staging, _publish
from vadocs.errors import ConverterError, ConverterMissingError

__all__ = ["SYSTEM_PYTHON", "UNO_HINT", "UnoConverter", "uno_available"]

log = logging.getLogger(__name__)

SYSTEM_PYTHON = "/usr/bin/python3"
WORKER = Path(__file__).with_name("uno_worker.py")
UNO_HINT = "install python3-uno (sudo apt-get install python3-uno), or set VADOCS_CONVERTER=cli"
_RESTARTS = 1
_REAP_SECONDS = 5.0
_STOP_SECONDS = 5.0
_LOG_TAIL = 800
_POLL_SECONDS = 0.25
_DRAIN_SECONDS = 0.2


@functools.cache
def uno_available(python: str = SYSTEM_PYTHON) -> bool:
    """Whether ``python`` can ``import uno``; asked once per process and interpreter."""
    if not WORKER.is_file() or not os.access(python, os.X_OK):
        return False
    try:
        probe = subprocess.run([python, "-I", "-c", "import uno"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


@dataclass(frozen=True)
class _Outcome:
    error: str = ""  # empty: a PDF was written
    lost: bool = False  # the helper hung or died and has been killed


def _kill_marked(marker: bytes) -> None:
    """SIGKILL every process whose command line contains ``marker``.

    Scans again until no new one turns up: a child forked during a scan is caught
    by the next one, and a killed process forks no more.
    """
    killed: set[int] = set()
    for _ in range(10):
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


class _Worker:
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
            wait = _DRAIN_SECONDS if exited else _POLL_SECONDS
            try:
                return self._answers.get(timeout=max(0.0, min(remaining, wait)))
            except queue.Empty:
                if exited:
                    return None
                if remaining <= wait:
                    raise

    def wait_ready(self, timeout: float) -> _Outcome:
        deadline = time.monotonic() + timeout
        while not self.ready:
            try:
                message = self._next(deadline)
            except queue.Empty:
                return self.lose(f"LibreOffice did not start within {timeout:g} s")
            if message is None:
                return self.lose("the UNO helper exited before LibreOffice was ready")
            if message.get("ready") is False:
                return self.lose(f"LibreOffice did not start: {message.get('error')}")
            self.ready = message.get("ready") is True
        return _Outcome()

    def convert(self, source: Path, target: Path, pdfa: bool, timeout: float) -> _Outcome:
        self._last_id += 1
        request = {"id": self._last_id, "src": str(source), "dst": str(target), "pdfa": pdfa}
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(request).encode() + b"\n")
            self.proc.stdin.flush()
        except OSError:
            return self.lose("the UNO helper is gone")
        started = time.monotonic()
        outcome = self._await_answer(self._last_id, started + timeout, timeout)
        if outcome.error:
            return outcome
        if not _is_pdf(target):  # never trust a reported success
            return _Outcome("LibreOffice reported success but wrote no PDF")
        log.debug("converted %s in %.3f s", source, time.monotonic() - started)
        return outcome

    def _await_answer(self, wanted: int, deadline: float, timeout: float) -> _Outcome:
        while True:
            try:
                message = self._next(deadline)
            except queue.Empty:
                return self.lose(f"LibreOffice did not finish within {timeout:g} s and was stopped")
            if message is None:
                code = self.proc.poll()
                detail = "" if code is None else f" (exit code {code})"
                return self.lose(f"LibreOffice or its UNO helper crashed{detail}")
            if message.get("id") != wanted:
                continue
            if message.get("fatal"):
                return self.lose(f"LibreOffice crashed: {message.get('error')}")
            return _Outcome() if message.get("ok") else _Outcome(str(message.get("error")))

    def lose(self, reason: str) -> _Outcome:
        self.kill()
        return _Outcome(f"{reason}\n{self.log_tail()}".rstrip(), lost=True)

    def log_tail(self) -> str:
        with suppress(OSError):
            text = self.log_file.read_text("utf-8", "replace").strip()
            return f"LibreOffice said:\n{text[-_LOG_TAIL:]}" if text else ""
        return ""

    def stop(self) -> None:
        """Let a ready helper shut LibreOffice down cleanly; kill whatever remains."""
        try:
            if self.ready and self.proc.poll() is None:
                with suppress(OSError):
                    self.proc.stdin.close()  # type: ignore[union-attr]
                with suppress(subprocess.TimeoutExpired):
                    self.proc.wait(timeout=_STOP_SECONDS)
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
        _kill_marked(self.marker)
        with suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=_REAP_SECONDS)
        with suppress(OSError):
            self.proc.stdin.close()  # type: ignore[union-attr]
        with suppress(OSError):  # the socket a killed soffice leaves behind
            Path(f"/tmp/OSL_PIPE_{os.getuid()}_{self.pipe}").unlink(missing_ok=True)


@dataclass
class _Session:
    """What must be cleaned up, kept apart from the converter so a finalizer can reach it."""

    workdir: Path
    worker: _Worker | None = None

    def discard_worker(self) -> None:
        if self.worker is not None:
            self.worker.kill()
            self.worker = None
        # A profile killed halfway through being written may be damaged; start afresh.
        shutil.rmtree(self.workdir / "profile", ignore_errors=True)

    def shutdown(self) -> None:
        try:
            if self.worker is not None:
                self.worker.stop()
                self.worker = None
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)


class UnoConverter:
    """Converts DOCX files to PDF through one warm LibreOffice, file after file.

    Start it early, use it as a context manager so LibreOffice is stopped::

        with UnoConverter(require_soffice()) as converter:
            converter.start()  # returns at once; LibreOffice boots meanwhile
            ...  # render documents
            pdfs = converter.convert(docx_files, out_dir, pdfa=True)

    ``timeout`` bounds LibreOffice's start and each file. ``worker`` replaces the
    helper command (``[python, "-I", uno_worker.py]``), for tests.
    """

    def __init__(
        self,
        soffice: str,
        *,
        timeout: float = 120.0,
        python: str = SYSTEM_PYTHON,
        worker: Sequence[str] | None = None,
    ) -> None:
        self.soffice = soffice
        self.timeout = timeout
        self._command = list(worker) if worker else [python, "-I", str(WORKER)]
        self._session = _Session(Path(tempfile.mkdtemp(prefix="vadocs-uno-")))
        # Runs at close(), at interpreter exit and if the converter is dropped unclosed.
        self._finalizer = weakref.finalize(self, self._session.shutdown)
        self._lock = threading.Lock()

    def __enter__(self) -> UnoConverter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop LibreOffice and remove the private profile; the converter is done."""
        self._finalizer()

    def start(self) -> None:
        """Launch LibreOffice in the background and return at once; ``convert`` waits for it."""
        with self._lock:
            self._worker()

    def convert(
        self, docx_files: Sequence[Path], out_dir: Path, *, pdfa: bool = False
    ) -> dict[Path, Path]:
        """Convert file after file; map each input to its PDF in ``out_dir``.

        Either every PDF is written or none is. ``pdfa`` selects PDF/A-3b.
        Raises :class:`ConverterError` naming every file that failed, and why.
        """
        if not docx_files:
            return {}
        files = [Path(f).resolve() for f in docx_files]
        _check_inputs(files)
        staging = _make_staging(out_dir)
        try:
            with self._lock:
                failures = self._convert_all(files, staging, pdfa)
            if failures:
                raise _failure(failures)
            return {
                original: _publish(staging / f"{source.stem}.pdf", out_dir)
                for original, source in zip(docx_files, files, strict=True)
            }
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _convert_all(self, files: Sequence[Path], staging: Path, pdfa: bool) -> dict[Path, str]:
        """Convert each file; a lost LibreOffice is restarted once and the lost file retried."""
        failures: dict[Path, str] = {}
        losses = index = 0
        try:
            while index < len(files):
                source = files[index]
                outcome = self._convert_one(source, staging / f"{source.stem}.pdf", pdfa)
                if outcome.lost:
                    self._session.discard_worker()
                    losses += 1
                    if losses <= _RESTARTS:
                        log.warning("%s; restarting LibreOffice", outcome.error.splitlines()[0])
                        continue
                    failures[source] = outcome.error
                    failures |= dict.fromkeys(files[index + 1 :], "not converted: see above")
                    break
                if outcome.error:
                    failures[source] = outcome.error
                index += 1
        except BaseException:  # Ctrl-C, SystemExit from SIGTERM: leave no soffice behind
            self._session.discard_worker()
            raise
        return failures

    def _convert_one(self, source: Path, target: Path, pdfa: bool) -> _Outcome:
        worker = self._worker()
        outcome = worker.wait_ready(self.timeout)
        if outcome.lost:
            return outcome
        return worker.convert(source, target, pdfa, self.timeout)

    def _worker(self) -> _Worker:
        """The running helper, launched if there is none."""
        if not self._finalizer.alive:
            raise RuntimeError("UnoConverter used after close()")
        if self._session.worker is None:
            self._session.worker = self._launch()
        return self._session.worker

    def _launch(self) -> _Worker:
        workdir = self._session.workdir
        profile = (workdir / "profile").as_uri()
        pipe = f"vadocs-{os.getpid()}-{secrets.token_hex(6)}"
        command = [*self._command, "--soffice", self.soffice, "--profile", profile]
        command += ["--pipe", pipe, "--connect-timeout", f"{self.timeout:g}"]
        # TMPDIR: what a killed soffice leaves in its temporary folder goes with our workdir.
        (workdir / "tmp").mkdir(exist_ok=True)
        env = {**os.environ, "HOME": str(workdir), "TMPDIR": str(workdir / "tmp")}
        env["SAL_USE_VCLPLUGIN"] = "svp"
        log.debug("starting %s", command)
        try:
            return _Worker(command, env, workdir, profile=profile, pipe=pipe)
        except OSError as exc:
            raise ConverterMissingError(
                f"cannot start the UNO helper {self._command[0]!r}: {exc.strerror or exc}",
                hint=UNO_HINT,
            ) from exc


def _failure(failures: dict[Path, str]) -> ConverterError:
    names = ", ".join(str(f) for f in failures)
    details = "\n".join(f"{f}: {reason}" for f, reason in failures.items())
    return ConverterError(
        f"LibreOffice produced no PDF for {names}\n{details}",
        hint="open the file in Word or LibreOffice: it may be damaged or not a DOCX; "
        "VADOCS_CONVERTER=cli tries the batch converter instead",
    )
