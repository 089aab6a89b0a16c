"""One watcher per workspace: an advisory lock on ``.vadocs/watch.lock``.

``flock`` is released by the kernel when the process ends, however it ends, so a
killed watcher never blocks the next one. The file holds the owner's process id,
for the message that refuses a second watcher.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType
from typing import Self

from vadocs.errors import WorkspaceError
from vadocs.i18n import _
from vadocs.output import private_dir

__all__ = ["LOCK_NAME", "WatchLock"]

LOCK_NAME = "watch.lock"


class WatchLock:
    """Held while a ``vadocs watch`` runs on the workspace whose state folder is given.

    Raises :class:`WorkspaceError` on entry when another process holds it.
    """

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`WorkspaceError` naming the watcher that has it."""
        private_dir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise WorkspaceError(
                _("{folder}: `vadocs watch` is already running here (process {owner})").format(
                    folder=self.path.parent.parent, owner=owner
                ),
                hint=_(
                    "use the running watch, or stop it there with Ctrl+C; "
                    "`vadocs build` uses its LibreOffice meanwhile"
                ),
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """Give the lock up; idempotent."""
        if self._fd is not None:
            os.close(self._fd)  # closing releases the flock
            self._fd = None

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
