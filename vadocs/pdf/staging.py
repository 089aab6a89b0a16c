"""What both converters share: checking inputs, a staging folder, publishing checked PDFs.

A converter writes into a private staging folder inside the output folder and moves each
PDF into place only after it was checked (:func:`is_pdf`), so the output folder never holds
a half-written PDF.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

from vadocs.errors import ConverterError, OutputError
from vadocs.i18n import _, os_error


def check_inputs(docx_files: Sequence[Path]) -> None:
    """Refuse what LibreOffice would misread: it imports random bytes as plain text."""
    bad = [f for f in docx_files if not f.is_file() or not zipfile.is_zipfile(f)]
    if bad:
        names = ", ".join(str(f) for f in bad)
        raise ConverterError(
            _("not a DOCX file (missing, or not a ZIP archive): {names}").format(names=names),
            hint=_("save the document again in Word or LibreOffice as .docx"),
        )
    seen: dict[str, Path] = {}
    for f in docx_files:
        other = seen.setdefault(f.stem.casefold(), f)
        if other != f:
            raise ValueError(
                _("{other} and {f} would both become {stem}.pdf; convert separately").format(
                    other=other, f=f, stem=f.stem
                )
            )


def make_staging(out_dir: Path) -> Path:
    """A new private folder inside ``out_dir`` (created) for LibreOffice to write into."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        # Absolute, because soffice runs in a working directory of its own.
        return Path(tempfile.mkdtemp(prefix=".vadocs-pdf-", dir=out_dir)).resolve()
    except OSError as exc:
        raise OutputError(
            _("cannot write PDFs into {out_dir}: {exc_strerror_or_exc}").format(
                out_dir=out_dir, exc_strerror_or_exc=os_error(exc)
            )
        ) from exc


def publish(pdf: Path, out_dir: Path) -> Path:
    """Move a checked PDF from the staging folder into ``out_dir``; return its new path."""
    target = out_dir / pdf.name
    try:
        os.replace(pdf, target)
    except OSError as exc:
        raise OutputError(
            _("cannot write {target}: {exc_strerror_or_exc}").format(
                target=target, exc_strerror_or_exc=os_error(exc)
            )
        ) from exc
    return target


def is_pdf(path: Path) -> bool:
    """Whether ``path`` starts like a PDF file (``%PDF-``)."""
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


class ConverterBase:
    """What the converters share: ``with`` closes them, whatever happened inside; a
    conversion through a private staging folder (:meth:`convert_staged`)."""

    _lock: threading.Lock

    def __enter__(self) -> Self:
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
        raise NotImplementedError

    def convert_staged(
        self, docx_files: Sequence[Path], out_dir: Path, *, pdfa: bool = False
    ) -> dict[Path, Path]:
        """Convert ``docx_files``; map each input to its PDF in ``out_dir``.

        Either every PDF is written or none is: the converter writes into a fresh private
        folder inside ``out_dir`` (a stale PDF can never pass for a new one, and the
        rename stays atomic) and only checked PDFs are moved into place. ``pdfa`` selects
        PDF/A-3b. Raises :class:`vadocs.errors.ConverterError`.
        """
        if not docx_files:
            return {}
        files = [Path(f).resolve() for f in docx_files]
        check_inputs(files)
        staging = make_staging(out_dir)
        try:
            with self._lock:
                produced = self._produce(files, staging, pdfa)
            return {
                original: publish(produced[source], out_dir)
                for original, source in zip(docx_files, files, strict=True)
            }
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _produce(self, files: Sequence[Path], staging: Path, pdfa: bool) -> dict[Path, Path]:
        """Write a PDF for each of ``files`` into ``staging``; map each file to its PDF."""
        raise NotImplementedError
