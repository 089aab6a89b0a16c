"""Choosing the DOCX → PDF converter of a build, and what every converter offers.

Two routes to LibreOffice satisfy :class:`Converter`:
:class:`vadocs.pdf.oneshot.PdfConverter` runs one ``soffice --convert-to`` per batch
(≈1.2 s start + ≈0.17 s per file), :class:`vadocs.pdf.uno.UnoConverter`
keeps one LibreOffice warm over UNO (≈0.1 s per file, its start hidden behind
rendering). :func:`make_converter` takes UNO wherever python3-uno is installed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from vadocs.errors import ConverterError, ConverterMissingError
from vadocs.i18n import _
from vadocs.pdf.oneshot import PdfConverter
from vadocs.pdf.uno import SYSTEM_PYTHON, UNO_HINT, UnoConverter, uno_available

__all__ = ["ENV_CONVERTER", "Converter", "make_converter"]

ENV_CONVERTER = "VADOCS_CONVERTER"


class Converter(Protocol):
    """Converts DOCX files to PDF; a context manager that leaves no LibreOffice behind."""

    def start(self) -> None:
        """Get LibreOffice going in the background, if the converter can; never blocks."""
        ...

    def convert(
        self, docx_files: Sequence[Path], out_dir: Path, *, pdfa: bool = False
    ) -> dict[Path, Path]:
        """Map each input to its PDF in ``out_dir``; all PDFs are written or none.

        Raises :class:`vadocs.errors.ConverterError` naming every file that failed.
        """
        ...

    def close(self) -> None:
        """Stop LibreOffice and remove the private profile; idempotent."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


UNO_FROM = 30
"""Measured on 2 vCPUs: below ~30 documents one ``soffice --convert-to`` call is as fast or
faster (1 doc: 1.27 s CLI vs 1.52 s UNO; 20: 3.06 vs 3.30 s); from there the warm UNO
connection wins (50 docs: 7.80 s CLI vs 5.75 s UNO)."""


def make_converter(
    soffice: str, *, timeout: float, documents: int = UNO_FROM
) -> PdfConverter | UnoConverter:
    """The converter for a build: warm UNO for large batches when python3-uno is there,
    else the batch CLI.

    ``VADOCS_CONVERTER`` overrides: ``cli`` forces the batch CLI, ``uno`` insists
    on UNO (:class:`ConverterMissingError` without it), ``auto`` or unset chooses.
    For UNO, ``timeout`` bounds LibreOffice's start and each file; for the CLI,
    the whole batch.
    """
    choice = os.environ.get(ENV_CONVERTER, "").strip().lower() or "auto"
    if choice not in ("auto", "cli", "uno"):
        raise ConverterError(
            _("{ENV_CONVERTER}={choice!r} is not a converter").format(
                ENV_CONVERTER=ENV_CONVERTER, choice=choice
            ),
            hint=_("use auto, cli or uno"),
        )
    wanted = choice == "uno" or (choice == "auto" and documents >= UNO_FROM)
    if wanted and uno_available():
        return UnoConverter(soffice, timeout=timeout)
    if choice == "uno":
        raise ConverterMissingError(
            _("{ENV_CONVERTER}=uno, but {SYSTEM_PYTHON} cannot import uno").format(
                ENV_CONVERTER=ENV_CONVERTER, SYSTEM_PYTHON=SYSTEM_PYTHON
            ),
            hint=_(UNO_HINT),
        )
    return PdfConverter(soffice, timeout=timeout)
