"""A converter that borrows the warm LibreOffice of a running ``vadocs watch``.

``vadocs watch`` serves its converter on a Unix socket, ``.vadocs/converter.sock`` in the
workspace (the folder is the user's alone, mode 0700; the socket 0600; the server also
checks the caller's user id, so no other account and nothing on the network can reach it).
:func:`connect_shared` returns a :class:`SharedConverter` when a watcher answers, else
``None`` and the build starts LibreOffice itself. The PDFs are LibreOffice's either way:
the same converter code runs on the other side of the socket.

Protocol, one JSON object per line: the client sends ``{"files": ["/abs/a.docx", …],
"out_dir": "/abs/dir", "pdfa": true}``; the server answers ``{"ok": true, "pdfs":
{"/abs/a.docx": "/abs/dir/a.pdf", …}}`` or ``{"ok": false, "error": "…", "hint": "…"}``.
A ping (``{"ping": true}``) is answered ``{"ok": true}``.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vadocs.errors import ConverterError
from vadocs.i18n import _
from vadocs.pdf.staging import ConverterBase, check_inputs

__all__ = ["SOCKET_NAME", "SharedConverter", "connect_shared", "read_message", "send_message"]

SOCKET_NAME = "converter.sock"
_CONNECT_SECONDS = 2.0
_MAX_MESSAGE = 1 << 20


def send_message(sock: socket.socket, message: dict[str, Any]) -> None:
    """Send one JSON line."""
    sock.sendall(json.dumps(message).encode() + b"\n")


def read_message(sock: socket.socket) -> dict[str, Any]:
    """Read one JSON line; raises :class:`OSError` when the peer hangs up or sends garbage."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionResetError(_("the other side closed the connection"))
        data += chunk
        if len(data) > _MAX_MESSAGE:
            raise ConnectionError(_("message too long"))
    try:
        message = json.loads(data)
    except ValueError as exc:
        raise ConnectionError(_("not a JSON message: {exc}").format(exc=exc)) from exc
    if not isinstance(message, dict):
        raise ConnectionError(_("not a JSON object"))
    return message


def connect_shared(state_dir: Path, *, timeout: float) -> SharedConverter | None:
    """The watcher's converter for the workspace whose state folder is ``state_dir``,
    or ``None`` when no watcher answers a ping within two seconds.

    ``timeout`` bounds each file of a later :meth:`SharedConverter.convert` (the server
    applies its own per-file timeout too).
    """
    path = state_dir / SOCKET_NAME
    if not path.is_socket():
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(_CONNECT_SECONDS)
        sock.connect(str(path))
        send_message(sock, {"ping": True})
        if read_message(sock).get("ok") is not True:
            raise ConnectionError(_("no ping answer"))
    except OSError:
        sock.close()
        return None
    return SharedConverter(sock, timeout=timeout)


class SharedConverter(ConverterBase):
    """:class:`~vadocs.pdf.converter.Converter` over the watcher's socket; ``close`` only
    hangs up, the watcher's LibreOffice keeps running."""

    def __init__(self, sock: socket.socket, *, timeout: float) -> None:
        self._sock = sock
        self.timeout = timeout

    def start(self) -> None:
        """Nothing to start: the watcher's LibreOffice is warm already."""

    def convert(
        self, docx_files: Sequence[Path], out_dir: Path, *, pdfa: bool = False
    ) -> dict[Path, Path]:
        """As :meth:`vadocs.pdf.uno.UnoConverter.convert`, done by the watcher.

        Raises :class:`ConverterError` when the watcher fails a file or goes away.
        """
        if not docx_files:
            return {}
        files = [Path(f).resolve() for f in docx_files]
        check_inputs(files)
        out = out_dir.resolve()
        out.mkdir(parents=True, exist_ok=True)
        request = {"files": [str(f) for f in files], "out_dir": str(out), "pdfa": pdfa}
        try:
            self._sock.settimeout(self.timeout * (len(files) + 1))
            send_message(self._sock, request)
            answer = read_message(self._sock)
        except OSError as exc:
            raise ConverterError(
                _("the LibreOffice of `vadocs watch` did not answer: {exc}").format(exc=exc),
                hint=_("build again; without a running watch, vadocs starts LibreOffice itself"),
            ) from exc
        if not answer.get("ok"):
            raise ConverterError(str(answer.get("error")), hint=str(answer.get("hint", "")))
        pdfs = answer.get("pdfs", {})
        return {orig: Path(pdfs[str(f)]) for orig, f in zip(docx_files, files, strict=True)}

    def close(self) -> None:
        """Hang up; idempotent."""
        self._sock.close()
