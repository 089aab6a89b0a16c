"""SaxonC inside this process (``VADOCS_SAXON=inline``, and the helper process's own worker).

One processor per process, each stylesheet compiled once, runs serialised. SaxonC's native
error output is captured and put into the error message instead of onto the terminal.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vadocs.errors import EInvoiceError
from vadocs.i18n import N_, _

SAXON_HINT = N_("install it with: pip install saxonche")


@contextmanager
def native_stderr_captured() -> Iterator[Callable[[], str]]:
    """SaxonC's native code writes its stack traces straight to file descriptor 2; keep
    them off the user's terminal and hand them to the error message instead."""
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield lambda: (sink.seek(0), sink.read().decode("utf-8", "replace"))[1]
        finally:
            os.dup2(saved, 2)
            os.close(saved)


class SaxonInline:
    """One SaxonC processor per process; stylesheets compiled once, runs serialised."""

    @staticmethod
    def check_installed() -> None:
        """Raise :class:`EInvoiceError` when saxonche is missing (never a silent pass)."""
        try:
            import saxonche  # type: ignore[import-not-found, unused-ignore]  # noqa: F401
        except ImportError:
            raise EInvoiceError(
                _("cannot check e-invoices: the Python package saxonche is missing"),
                hint=_(SAXON_HINT),
            ) from None

    def __init__(self) -> None:
        self.check_installed()
        from saxonche import PySaxonProcessor  # type: ignore[import-not-found, unused-ignore]

        self._processor = PySaxonProcessor(license=False)
        self._compiled: dict[Path, Any] = {}
        self._lock = threading.Lock()

    def transform(self, xslt: Path, xml_text: str) -> str:
        with self._lock, native_stderr_captured() as said:
            try:
                executable = self._compiled.get(xslt)
                if executable is None:
                    compiler = self._processor.new_xslt30_processor()
                    executable = compiler.compile_stylesheet(stylesheet_file=str(xslt))
                    self._compiled[xslt] = executable
                node = self._processor.parse_xml(xml_text=xml_text)
                result = executable.transform_to_string(xdm_node=node)
            except Exception as exc:  # PySaxonApiError; SaxonC gives no finer types
                detail = " ".join(said().split())[:300]
                raise EInvoiceError(
                    _("schematron {name} failed to run: {error}").format(name=xslt.name, error=exc)
                    + (f" ({detail})" if detail else "")
                ) from exc
        if not result:
            raise EInvoiceError(_("schematron {name} produced no report").format(name=xslt.name))
        return str(result)
