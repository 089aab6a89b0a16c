"""`vadocs watch` as a process: Ctrl-C and SIGTERM stop it with no LibreOffice left behind."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.watch.conftest import make_workspace
from tests.watch.processes import Process, living, rest


@pytest.fixture(autouse=True)
def german_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the German wording the assistant sees (the default language)."""
    monkeypatch.setenv("VADOCS_LANG", "de")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_signal_stops_watch_and_libreoffice(tmp_path: Path, signum: int) -> None:
    root = make_workspace(tmp_path / "ws")
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(private_tmp), "PYTHONUNBUFFERED": "1"}
    watch = Process(
        [sys.executable, "-m", "vadocs", "watch", "--date", "2026-11-27", "kunden"], root, env
    )
    watch.wait_for("beobachte 2 Kundendatei(en)")
    assert living(private_tmp), "LibreOffice runs with its profile in TMPDIR"
    assert (root / ".vadocs" / "converter.sock").is_socket()
    assert watch.stop(signum) == 130
    deadline = time.monotonic() + 5
    while living(private_tmp) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert living(private_tmp) == []
    assert not (root / ".vadocs" / "converter.sock").exists()
    assert "watch beendet" in "\n".join([*watch.seen, *rest(watch)])
