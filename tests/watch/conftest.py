"""A small workspace to watch, and a running watch session with its reports in a queue."""

from __future__ import annotations

import queue
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, TODAY, noon, small_client
from tests.watch.processes import WAIT
from vadocs.build.results import BuildOptions
from vadocs.data.workspace import find_workspace
from vadocs.pdf.oneshot import find_soffice
from vadocs.watch.plan import Watched
from vadocs.watch.session import Rebuild, WatchSession


def _offer(name: str) -> str:
    """A client still at the offer stage: watch previews edits of contracts that are not
    accepted yet (an accepted contract's data is frozen, issue 13)."""
    text = small_client(name, rechnungen="  - {art: vorauszahlung, zeitraum: 2026-01}\n")
    return "".join(line for line in text.splitlines(keepends=True) if "angenommen_am" not in line)


CLIENTS = {"alpha": _offer("Alpha GmbH"), "beta": _offer("Beta GmbH")}


def make_workspace(root: Path) -> Path:
    """A workspace with two small clients (confirmation + one advance invoice each)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / "umsatzsteuer" / "vadocs.yaml", root / "vadocs.yaml")
    (root / "kunden").mkdir()
    for name, text in CLIENTS.items():
        (root / "kunden" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


@dataclass
class Running:
    """A watch session running in a thread; ``next()`` is its next rebuild."""

    root: Path
    session: WatchSession
    reports: queue.Queue[Rebuild]

    def next(self, timeout: float = WAIT) -> Rebuild:
        try:
            return self.reports.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no rebuild within {timeout:g} s") from None

    def quiet(self, seconds: float) -> bool:
        """Whether no rebuild is reported for ``seconds``."""
        try:
            self.reports.get(timeout=seconds)
        except queue.Empty:
            return True
        return False


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    soffice = find_soffice()
    assert soffice, "LibreOffice (soffice) is required for these tests"
    root = make_workspace(tmp_path / "ws")
    ws = find_workspace(root / "kunden")
    options = BuildOptions(today=TODAY, now=noon(TODAY))
    reports: queue.Queue[Rebuild] = queue.Queue()
    stop = threading.Event()
    with WatchSession(Watched(ws, folders=(root / "kunden",)), options, soffice) as session:
        first = session.initial()
        assert first.error is None and all(c.error is None for c in first.clients)
        listening = threading.Event()
        thread = threading.Thread(
            target=session.run, args=(reports.put, stop, listening.set), daemon=True
        )
        thread.start()
        assert listening.wait(WAIT), "the watcher did not start listening"
        try:
            yield Running(root, session, reports)
        finally:
            stop.set()
            thread.join(timeout=20)
            assert not thread.is_alive(), "the watch loop did not stop"
