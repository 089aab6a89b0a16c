"""DOCX → PDF through a real, headless LibreOffice.

One :class:`PdfConverter` owns a private LibreOffice user profile for its whole
life, so a batch of documents costs one ``soffice`` start, and two converters
(or a LibreOffice the user has open) never share a profile — a second
``soffice`` on the same profile hands its work to the first one and exits,
silently dropping files.

LibreOffice's exit code means nothing: it exits 0 when it could not load a
file. Success is judged only by the PDFs that actually appear.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from vadocs.errors import ConverterError, ConverterMissingError
from vadocs.i18n import N_, _, os_error
from vadocs.pdf.staging import ConverterBase, is_pdf

__all__ = ["ENV_VAR", "INSTALL_HINT", "PdfConverter", "find_soffice", "require_soffice"]

log = logging.getLogger(__name__)

ENV_VAR = "VADOCS_SOFFICE"
INSTALL_HINT = N_(
    "install LibreOffice: sudo apt-get install libreoffice-writer-nogui "
    "fonts-liberation2 fonts-crosextra-carlito (or set VADOCS_SOFFICE to the soffice program)"
)
"""How to get LibreOffice (a message id: print it as ``_(INSTALL_HINT)``)."""
_OUTPUT_TAIL = 2000
_REAP_SECONDS = 5.0


def find_soffice(configured: str | None = None) -> str | None:
    """The LibreOffice program to run, or ``None`` when there is none.

    Order: ``configured``, then the environment variable ``VADOCS_SOFFICE``,
    then ``soffice`` / ``libreoffice`` on ``PATH``. A configured value or an
    environment variable that does not name an executable (including an empty
    one) means "no LibreOffice"; it never falls back to ``PATH``.
    """
    if configured:
        return shutil.which(configured)
    if ENV_VAR in os.environ:
        value = os.environ[ENV_VAR]
        return shutil.which(value) if value else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice(configured: str | None = None) -> str:
    """Like :func:`find_soffice`, but raise :class:`ConverterMissingError` if none is found."""
    found = find_soffice(configured)
    if found is None:
        wanted = configured or os.environ.get(ENV_VAR) or "soffice"
        raise ConverterMissingError(
            _("LibreOffice not found: {wanted!r}").format(wanted=wanted), hint=_(INSTALL_HINT)
        )
    return found


def _filter_options(pdfa: bool) -> str:
    # Fonts are embedded by default; EmbedStandardFonts also covers the 14
    # PDF base fonts (Helvetica, Times, …), which PDF/A and printers need too.
    options: dict[str, dict[str, str]] = {
        "EmbedStandardFonts": {"type": "boolean", "value": "true"},
    }
    if pdfa:
        options["SelectPdfVersion"] = {"type": "long", "value": "3"}  # PDF/A-3b
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def _tail(*outputs: bytes) -> str:
    text = "\n".join(o.decode("utf-8", "replace").strip() for o in outputs if o.strip())
    return text[-_OUTPUT_TAIL:] if text else _("(LibreOffice printed nothing)")


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill soffice and every process it started (oosplash, soffice.bin), then reap."""
    # The group id is the child's pid (start_new_session); it cannot be reused
    # while the unreaped child or any member of its group still exists.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired, ValueError, OSError):
        proc.communicate(timeout=_REAP_SECONDS)


class PdfConverter(ConverterBase):
    """Converts DOCX files to PDF with one headless LibreOffice run per batch.

    Use it as a context manager so its private profile is removed::

        with PdfConverter(require_soffice()) as converter:
            pdfs = converter.convert(docx_files, out_dir)
    """

    def __init__(self, soffice: str, *, timeout: float = 120.0) -> None:
        self.soffice = soffice
        self.timeout = timeout
        self._workdir = Path(tempfile.mkdtemp(prefix="vadocs-soffice-"))
        self._profile = self._workdir / "profile"
        # One soffice at a time per profile, even when threads share a converter.
        self._lock = threading.Lock()

    def close(self) -> None:
        """Remove the private profile. The converter must not be used afterwards."""
        shutil.rmtree(self._workdir, ignore_errors=True)

    def start(self) -> None:
        """Nothing to start ahead: each :meth:`convert` runs its own soffice.

        Here for :class:`vadocs.pdf.converter.Converter`, whose warm UNO variant
        boots LibreOffice early.
        """

    def convert(
        self, docx_files: Sequence[Path], out_dir: Path, *, pdfa: bool = False
    ) -> dict[Path, Path]:
        """Convert all files in one LibreOffice run; map each input to its PDF in ``out_dir``.

        Either every PDF is written or none is. ``pdfa`` selects PDF/A-3b.
        Raises :class:`ConverterError` (or :class:`ConverterMissingError`).
        """
        if not self._workdir.is_dir():
            raise RuntimeError(_("PdfConverter used after close()"))
        return self.convert_staged(docx_files, out_dir, pdfa=pdfa)

    def _produce(self, files: Sequence[Path], staging: Path, pdfa: bool) -> dict[Path, Path]:
        """One soffice run over all ``files``; only real PDFs count."""
        return self._collect(files, staging, self._run(files, staging, pdfa))

    def _command(self, files: Sequence[Path], staging: Path, pdfa: bool) -> list[str]:
        return [
            self.soffice,
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            f"-env:UserInstallation={self._profile.as_uri()}",
            "--convert-to",
            _filter_options(pdfa),
            "--outdir",
            str(staging),
            *(str(f) for f in files),
        ]

    def _run(self, files: Sequence[Path], staging: Path, pdfa: bool) -> str:
        """Run soffice once and return the tail of what it printed."""
        env = {**os.environ, "HOME": str(self._workdir), "SAL_USE_VCLPLUGIN": "svp"}
        command = self._command(files, staging, pdfa)
        log.debug("running %s", command)
        started = time.monotonic()
        try:
            proc = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                cwd=self._workdir,
                start_new_session=True,
            )
        except OSError as exc:
            raise ConverterMissingError(
                _("cannot start LibreOffice {soffice!r}: {exc_strerror_or_exc}").format(
                    soffice=self.soffice, exc_strerror_or_exc=os_error(exc)
                ),
                hint=_(INSTALL_HINT),
            ) from exc
        try:
            stdout, stderr = proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self._abandon(proc)
            names = ", ".join(str(f) for f in files)
            raise ConverterError(
                _(
                    "LibreOffice did not finish within {timeout:g} s and was stopped: {names}"
                ).format(timeout=self.timeout, names=names),
                hint=_("convert the file by hand to see what hangs, or raise the timeout"),
            ) from None
        except BaseException:  # Ctrl-C, SystemExit from SIGTERM: leave no soffice behind
            self._abandon(proc)
            raise
        log.debug("soffice exited %s after %.2f s", proc.returncode, time.monotonic() - started)
        exit_code = _("(exit code {code})").format(code=proc.returncode)
        return f"{_tail(stdout, stderr)}\n{exit_code}"

    def _abandon(self, proc: subprocess.Popen[bytes]) -> None:
        _kill_group(proc)
        # A profile killed halfway through being written may be damaged; start afresh.
        shutil.rmtree(self._profile, ignore_errors=True)

    @staticmethod
    def _collect(files: Sequence[Path], staging: Path, output: str) -> dict[Path, Path]:
        produced: dict[Path, Path] = {}
        missing: list[Path] = []
        for source in files:
            pdf = staging / f"{source.stem}.pdf"
            if is_pdf(pdf):
                produced[source] = pdf
            else:
                missing.append(source)
        if missing:
            names = ", ".join(str(f) for f in missing)
            raise ConverterError(
                _("LibreOffice produced no PDF for {names}\nLibreOffice said:\n{output}").format(
                    names=names, output=output
                ),
                hint=_("open the file in Word or LibreOffice: it may be damaged or not a DOCX"),
            )
        return produced
