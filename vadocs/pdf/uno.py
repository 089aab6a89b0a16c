"""DOCX → PDF through one warm LibreOffice, driven over UNO.

``import uno`` exists only in Debian's system Python (package python3-uno), so
the UNO side runs as a helper process, :mod:`vadocs.pdf.uno_worker`, under
``/usr/bin/python3``; we talk to it in JSON lines. A warm LibreOffice converts a
small document in ≈0.08 s, about what a batch ``soffice --convert-to`` needs per
file after its ≈1 s start; the gain is that start: :meth:`UnoConverter.start`
lets LibreOffice boot while documents still render, and it is paid once per
converter, not once per ``convert()`` call.

The helper and its soffice are disposable: a file that hangs past the timeout,
or a LibreOffice that crashes, gets both killed (their process groups, and any
process naming our private profile) and restarted once per ``convert()`` call.
As with :class:`~vadocs.pdf.oneshot.PdfConverter`, only a real PDF counts as success.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
import shutil
import subprocess
import tempfile
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from vadocs.errors import ConverterError, ConverterMissingError
from vadocs.i18n import N_, _, os_error
from vadocs.pdf.staging import ConverterBase
from vadocs.pdf.uno_process import Outcome, UnoWorker

__all__ = ["SYSTEM_PYTHON", "UNO_HINT", "UnoConverter", "uno_available"]

log = logging.getLogger(__name__)

SYSTEM_PYTHON = "/usr/bin/python3"
WORKER = Path(__file__).with_name("uno_worker.py")
UNO_HINT = N_("install python3-uno (sudo apt-get install python3-uno), or set VADOCS_CONVERTER=cli")
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


@dataclass
class _Session:
    """What must be cleaned up, kept apart from the converter so a finalizer can reach it."""

    workdir: Path
    worker: UnoWorker | None = None

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


class UnoConverter(ConverterBase):
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

    def close(self) -> None:
        """Stop LibreOffice and remove the private profile; the converter is done."""
        self._finalizer()

    def start(self) -> None:
        """Launch LibreOffice in the background and return at once; ``convert`` waits for it."""
        with self._lock:
            self._worker()

    def revive(self) -> None:
        """If LibreOffice died while idle, clear it away and start a new one in the
        background; a live one is left alone. Never blocks on LibreOffice's start."""
        with self._lock:
            worker = self._session.worker
            if worker is not None and not worker.alive():
                log.warning("LibreOffice is gone; starting it again")
                self._session.discard_worker()
                self._worker()

    def convert(
        self, docx_files: Sequence[Path], out_dir: Path, *, pdfa: bool = False
    ) -> dict[Path, Path]:
        """Convert file after file; map each input to its PDF in ``out_dir``.

        Either every PDF is written or none is. ``pdfa`` selects PDF/A-3b.
        Raises :class:`ConverterError` naming every file that failed, and why.
        """
        return self.convert_staged(docx_files, out_dir, pdfa=pdfa)

    def _produce(self, files: Sequence[Path], staging: Path, pdfa: bool) -> dict[Path, Path]:
        """File after file through the warm LibreOffice; any failure fails them all."""
        failures = self._convert_all(files, staging, pdfa)
        if failures:
            raise _failure(failures)
        return {source: staging / f"{source.stem}.pdf" for source in files}

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
                    failures |= dict.fromkeys(files[index + 1 :], _("not converted: see above"))
                    break
                if outcome.error:
                    failures[source] = outcome.error
                index += 1
        except BaseException:  # Ctrl-C, SystemExit from SIGTERM: leave no soffice behind
            self._session.discard_worker()
            raise
        return failures

    def _convert_one(self, source: Path, target: Path, pdfa: bool) -> Outcome:
        worker = self._worker()
        outcome = worker.wait_ready(self.timeout)
        if outcome.lost:
            return outcome
        return worker.convert(source, target, pdfa, self.timeout)

    def _worker(self) -> UnoWorker:
        """The running helper, launched if there is none."""
        if not self._finalizer.alive:
            raise RuntimeError(_("UnoConverter used after close()"))
        if self._session.worker is None:
            self._session.worker = self._launch()
        return self._session.worker

    def _launch(self) -> UnoWorker:
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
            return UnoWorker(command, env, workdir, profile=profile, pipe=pipe)
        except OSError as exc:
            raise ConverterMissingError(
                _("cannot start the UNO helper {self__command_0!r}: {exc_strerror_or_exc}").format(
                    self__command_0=self._command[0], exc_strerror_or_exc=os_error(exc)
                ),
                hint=_(UNO_HINT),
            ) from exc


def _failure(failures: dict[Path, str]) -> ConverterError:
    names = ", ".join(str(f) for f in failures)
    details = "\n".join(f"{f}: {reason}" for f, reason in failures.items())
    return ConverterError(
        _("LibreOffice produced no PDF for {names}\n{details}").format(
            names=names, details=details
        ),
        hint=_(
            "open the file in Word or LibreOffice: it may be damaged or not a DOCX; VADOCS_CONVERTER=cli tries the batch converter instead"
        ),
    )
