"""Saxon in a helper process that lives as long as the vadocs process using it.

SaxonC holds the compiled EN 16931 and Factur-X schematrons in ≈120 MB; in a helper
process that memory is given back when the run ends, and the build itself stays small
(docs/benchmark.md: peak RSS). A ``vadocs build`` starts the helper on its first
e-invoice and stops it at exit; a ``vadocs watch`` keeps it, with its compiled rules,
for the whole session. SaxonC HE cannot export compiled stylesheets (SEF needs
Saxon-EE), so compilation is paid once per helper.

Protocol, one JSON object per line: in ``{"xslt": "/abs/rules.xslt", "xml": "…"}``,
out ``{"svrl": "…"}`` or ``{"error": "…"}``. The helper ends at end of input, so it
never outlives its parent (a killed parent closes the pipe).

    python -m vadocs.einvoice.saxon_child
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import weakref
from pathlib import Path
from typing import IO, Any

from vadocs.errors import EInvoiceError
from vadocs.i18n import _

__all__ = ["SaxonChild", "serve"]

_STOP_SECONDS = 5.0


class SaxonChild:
    """Runs schematron XSLT in the helper; :meth:`transform` as the in-process Saxon does."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _stop, self)

    def transform(self, xslt: Path, xml_text: str) -> str:
        """The SVRL report of ``xslt`` on ``xml_text``; raises :class:`EInvoiceError` when
        Saxon fails or the helper dies."""
        request = json.dumps({"xslt": str(xslt), "xml": xml_text}).encode() + b"\n"
        with self._lock:
            proc = self._started()
            assert proc.stdin is not None and proc.stdout is not None
            try:
                proc.stdin.write(request)
                proc.stdin.flush()
                line = proc.stdout.readline()
                answer = json.loads(line) if line else None
            except (OSError, ValueError):
                answer = None
            if not isinstance(answer, dict):
                self.close()
                raise EInvoiceError(
                    _("schematron {name}: the Saxon helper died").format(name=xslt.name)
                )
        if "error" in answer:
            raise EInvoiceError(
                _("schematron {name} failed to run: {error}").format(
                    name=xslt.name, error=answer["error"]
                )
            )
        return str(answer.get("svrl", ""))

    def _started(self) -> subprocess.Popen[bytes]:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "vadocs.einvoice.saxon_child"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        return self._proc

    def close(self) -> None:
        """Stop the helper (it is started again on the next transform); idempotent."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=_STOP_SECONDS)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def _stop(child: SaxonChild) -> None:
    child.close()


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    """The helper's loop: compile each stylesheet once, answer each request in turn."""
    from saxonche import PySaxonProcessor  # type: ignore[import-not-found, unused-ignore]

    processor = PySaxonProcessor(license=False)
    compiled: dict[str, Any] = {}
    for line in requests:
        try:
            request = json.loads(line)
            xslt = str(request["xslt"])
            if xslt not in compiled:
                compiler = processor.new_xslt30_processor()
                compiled[xslt] = compiler.compile_stylesheet(stylesheet_file=xslt)
            node = processor.parse_xml(xml_text=str(request["xml"]))
            result = compiled[xslt].transform_to_string(xdm_node=node)
            answer: dict[str, str] = {"svrl": str(result or "")}
        except Exception as exc:  # PySaxonApiError and bad requests: the caller reports
            answer = {"error": str(exc) or type(exc).__name__}
        answers.write(json.dumps(answer).encode() + b"\n")
        answers.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
