"""Lend the watcher's warm converter to builds in other terminals (see :mod:`vadocs.pdf.shared`).

:class:`ConverterServer` listens on ``.vadocs/converter.sock`` in a background thread and
runs each request through the same converter the watcher uses (its lock serialises them).
Only processes of the same user are served (``SO_PEERCRED``); there is no network port.
"""

from __future__ import annotations

import logging
import os
import socket
import socketserver
import struct
import threading
from pathlib import Path

from vadocs.errors import VadocsError
from vadocs.output import private_dir
from vadocs.pdf.converter import Converter
from vadocs.pdf.shared import SOCKET_NAME, read_message, send_message

__all__ = ["ConverterServer"]

log = logging.getLogger(__name__)
_IDLE_SECONDS = 600.0


def _peer_uid(sock: socket.socket) -> int:
    creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return int(struct.unpack("3i", creds)[2])


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        sock = self.request
        if _peer_uid(sock) != os.getuid():
            return
        sock.settimeout(_IDLE_SECONDS)
        try:
            while True:
                message = read_message(sock)
                send_message(sock, self.server.answer(message))
        except OSError:
            return  # the client hung up, or sent garbage: nothing to answer


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def __init__(self, path: Path, converter: Converter) -> None:
        self.converter = converter
        self.served = 0
        super().__init__(str(path), _Handler)

    def answer(self, message: dict[str, object]) -> dict[str, object]:
        if message.get("ping"):
            return {"ok": True}
        files = message.get("files")
        out_dir = message.get("out_dir")
        if not isinstance(files, list) or not isinstance(out_dir, str):
            return {"ok": False, "error": "malformed request"}
        try:
            pdfs = self.converter.convert(
                [Path(str(f)) for f in files], Path(out_dir), pdfa=bool(message.get("pdfa"))
            )
        except VadocsError as exc:
            return {"ok": False, "error": exc.message, "hint": exc.hint}
        except (OSError, ValueError) as exc:
            return {"ok": False, "error": str(exc)}
        self.served += 1
        return {"ok": True, "pdfs": {str(k): str(v) for k, v in pdfs.items()}}


class ConverterServer:
    """Serves ``converter`` on ``state_dir/converter.sock`` until :meth:`close`.

    The caller must hold the watch lock (:class:`vadocs.watch.lock.WatchLock`): a socket
    file left by a killed watcher is then known to be stale and replaced.
    """

    def __init__(self, state_dir: Path, converter: Converter) -> None:
        private_dir(state_dir)
        self.path = state_dir / SOCKET_NAME
        self.path.unlink(missing_ok=True)
        old = os.umask(0o177)  # the socket is born rw for the user only
        try:
            self._server = _Server(self.path, converter)
        finally:
            os.umask(old)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True
        )
        self._thread.start()

    @property
    def served(self) -> int:
        """How many conversion requests were answered successfully."""
        return self._server.served

    def close(self) -> None:
        """Stop serving and remove the socket; idempotent."""
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()
        self.path.unlink(missing_ok=True)
