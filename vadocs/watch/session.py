"""A watch session: one warm LibreOffice, rebuilds of exactly what a save made stale.

:class:`WatchSession` holds the workspace lock, a warm converter (lent to other builds
through :class:`~vadocs.watch.server.ConverterServer`) and the digests of the inputs;
:meth:`WatchSession.run` waits for file changes (the ``watchfiles`` library, inotify)
and rebuilds through :func:`vadocs.build.run.build` with that converter. Invoices are
always drafts (ENTWURF, no number taken from the ledger) and contracts are previews: a
changed offer is shown as its next version but recorded only by ``vadocs build``, so
saving the client file ten times does not make ten versions. The e-invoice validator
(Saxon, :mod:`vadocs.einvoice.validate`) is loaded once per process and so stays loaded
for the session. Nothing here prints: each rebuild is handed to a callback.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import Self

from vadocs.build.results import BuildOptions, ClientResult
from vadocs.build.run import build
from vadocs.build.writing import CONVERT_TIMEOUT
from vadocs.errors import VadocsError
from vadocs.pdf.converter import ENV_CONVERTER, Converter
from vadocs.pdf.oneshot import PdfConverter
from vadocs.pdf.uno import UnoConverter, uno_available
from vadocs.watch.lock import WatchLock
from vadocs.watch.plan import Inputs, Only, Plan, Watched, plan_rebuild
from vadocs.watch.server import ConverterServer

__all__ = ["Rebuild", "WatchSession"]

_DEBOUNCE_MS = 80
_STEP_MS = 20
_IDLE_MS = 1000
_IGNORED_NAMES = ("~$", ".~lock", ".#", ".vadocs-")


@dataclass
class Rebuild:
    """One rebuild: what triggered it, each client's result, seconds taken (wall clock)."""

    trigger: list[Path]
    clients: list[ClientResult] = field(default_factory=list)
    seconds: float = 0.0
    error: VadocsError | None = None
    """A problem of the whole run (the profile is broken, LibreOffice failed)."""
    notes: list[str] = field(default_factory=list)


class WatchSession:
    """Use as a context manager; see the module docstring.

    ``timeout`` bounds LibreOffice's start and each file (a hang is killed and LibreOffice
    restarted). Raises :class:`~vadocs.errors.WorkspaceError` on entry when another watch
    holds the workspace.
    """

    def __init__(
        self,
        watched: Watched,
        options: BuildOptions,
        soffice: str | None,
        *,
        timeout: float = CONVERT_TIMEOUT,
    ) -> None:
        self.watched = watched
        self.options = replace(options, draft=True, force=False, record=False)
        self.soffice = soffice
        self.timeout = timeout
        self.inputs = Inputs()
        self.converter: Converter | None = None
        self.server: ConverterServer | None = None
        self._lock = WatchLock(watched.ws.state_dir)

    def __enter__(self) -> Self:
        self._lock.acquire()
        try:
            self.converter = self._warm_converter()
            if self.converter is not None:
                self.converter.start()
                self.server = ConverterServer(self.watched.ws.state_dir, self.converter)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop serving, stop LibreOffice, release the lock; idempotent."""
        try:
            if self.server is not None:
                self.server.close()
        finally:
            try:
                if self.converter is not None:
                    self.converter.close()
            finally:
                self._lock.release()

    def _warm_converter(self) -> Converter | None:
        if self.soffice is None:
            return None
        if os.environ.get(ENV_CONVERTER, "").strip().lower() != "cli" and uno_available():
            return UnoConverter(self.soffice, timeout=self.timeout)
        return PdfConverter(self.soffice, timeout=self.timeout)

    def initial(self) -> Rebuild:
        """Bring every watched client up to date (unchanged documents come from the cache)."""
        ws = self.watched.ws
        clients = self.watched.clients()
        self.inputs.remember([*clients, ws.profile_file.resolve(), *self._templates()])
        return self.rebuild(dict.fromkeys(clients), [])

    def _templates(self) -> list[Path]:
        folder = self.watched.ws.templates_dir
        return sorted(p.resolve() for p in folder.glob("*.docx")) if folder.is_dir() else []

    def rebuild(self, plan: Plan, trigger: list[Path]) -> Rebuild:
        """Build the planned documents through the warm converter; never raises a
        :class:`VadocsError` (it is reported in the result)."""
        started = time.perf_counter()
        result = Rebuild(trigger)
        groups: dict[Only, list[Path]] = {}
        for client, only in plan.items():
            groups.setdefault(only, []).append(client)
        try:
            for only, files in groups.items():
                options = replace(self.options, only=only)
                report = build(files, options, converter=self.converter)
                result.clients += report.clients
                result.notes += report.notes
        except VadocsError as exc:
            result.error = exc
        result.seconds = time.perf_counter() - started
        self.keep_warm()
        return result

    def keep_warm(self) -> None:
        """Restart LibreOffice in the background if it died since the last conversion."""
        if isinstance(self.converter, UnoConverter):
            self.converter.revive()

    def run(
        self,
        report: Callable[[Rebuild], None],
        stop: threading.Event | None = None,
        ready: Callable[[], None] | None = None,
    ) -> None:
        """Rebuild on every change until ``stop`` is set or KeyboardInterrupt (Ctrl-C,
        SIGTERM as set up by the CLI) ends the wait. ``ready`` is called once the watcher
        is known to listen (its first idle tick, within a second)."""
        for changed in self._changes(stop or threading.Event(), ready or (lambda: None)):
            plan = plan_rebuild(self.watched, self.inputs.changed(changed))
            if plan:
                report(self.rebuild(plan, sorted(changed)))

    def _changes(self, stop: threading.Event, ready: Callable[[], None]) -> Iterator[set[Path]]:
        from watchfiles import watch  # imported here: only this command needs it

        roots = {self.watched.ws.root, *self.watched.folders}
        roots |= {f.resolve().parent for f in self.watched.files}
        for changes in watch(
            *sorted(roots),
            watch_filter=self._wanted,
            debounce=_DEBOUNCE_MS,
            step=_STEP_MS,
            rust_timeout=_IDLE_MS,
            yield_on_timeout=True,
            stop_event=stop,
        ):
            if not changes:
                ready()
                ready = _nothing
                self.keep_warm()
                continue
            yield {Path(p).resolve() for _, p in changes}

    def _wanted(self, change: object, path: str) -> bool:
        p = Path(path)
        if p.name.startswith(_IGNORED_NAMES) or p.name.endswith(("~", ".tmp")):
            return False
        out = (self.options.output or self.watched.ws.default_output).resolve()
        return ".vadocs" not in p.parts and not p.is_relative_to(out) and ".git" not in p.parts


def _nothing() -> None:
    """Called instead of ``ready`` after the first time."""
