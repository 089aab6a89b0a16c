"""Crash safety: killed at any moment, vadocs leaves old files or complete new ones, and the
ledger has an invoice with all its files or not at all. SIGINT/SIGTERM stop LibreOffice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import copy_workspace, small_client
from vadocs.cli import main
from vadocs.invoicing.ledger import Ledger

KILL_ITERATIONS = 50
CLOCK = "2030-12-31"
"""Every month the test invoices (2026-01 … 2030-02) has ended by then."""


def _month(n: int) -> str:
    year, month = 2026 + (n // 12), n % 12 + 1
    return f"  - {{art: monat, zeitraum: {year}-{month:02d}}}\n"


def _vadocs(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "vadocs", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "VADOCS_TODAY": CLOCK},  # the injected real day
    )


def _complete(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".docx":
        try:
            with zipfile.ZipFile(path) as z:
                return z.testzip() is None
        except zipfile.BadZipFile:
            return False
    if path.suffix == ".pdf":
        return data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    return True


def _check_consistent(ws: Path) -> int:
    for path in (ws / "out").rglob("*"):
        if path.is_file() and not path.name.startswith(".tmp-"):
            assert _complete(path), f"partial file {path}"
    ledger_file = ws / ".vadocs" / "ledger.sqlite"
    if not ledger_file.exists():
        return 0
    os.chdir(ws)
    result = CliRunner().invoke(main, ["invoices", "verify"])
    assert result.exit_code == 0, result.output
    ledger = Ledger(ledger_file)
    try:
        issued = ledger.all()
        for inv in issued:
            assert ledger.files(inv.number), f"{inv.number} has no files"
        by_year: dict[str, list[int]] = {}
        for inv in issued:
            year, seq = inv.number.split("-")
            by_year.setdefault(year, []).append(int(seq))
        for year, seqs in by_year.items():
            assert sorted(seqs) == list(range(1, len(seqs) + 1)), f"a gap in {year}"
        return len(issued)
    finally:
        ledger.close()


def test_sigkill_at_random_moments(tmp_path: Path) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    for old in (ws / "kunden").glob("*.yaml"):
        old.unlink()
    clients = [ws / "kunden" / f"crash-{i}.yaml" for i in range(3)]
    texts = [small_client(f"Crash GmbH {i}") for i in range(3)]
    rng = random.Random(20261127)
    start = time.perf_counter()
    proc = _vadocs("build", "--no-pdf", "--date", CLOCK, str(ws / "kunden"))
    proc.communicate()
    typical = time.perf_counter() - start
    for n in range(KILL_ITERATIONS):
        for i, client in enumerate(clients):
            texts[i] += _month(n)
            client.write_text(texts[i], encoding="utf-8")
        proc = _vadocs("build", "--no-pdf", "--date", CLOCK, str(ws / "kunden"))
        time.sleep(rng.uniform(0.2, typical * 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        _check_consistent(ws)
    final = _vadocs("build", "--no-pdf", "--date", CLOCK, str(ws / "kunden"))
    _out, err = final.communicate()
    assert final.returncode == 0, err.decode()
    # plus each client's December 2030, which the engagement implies (the month ended last)
    assert _check_consistent(ws) == 3 * KILL_ITERATIONS + 3
    assert not list((ws / "out").rglob(".tmp-*"))
