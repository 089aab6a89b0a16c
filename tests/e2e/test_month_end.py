"""The month-end routine with the installed `vadocs`: `invoices due` then `invoices run`,
for clients that list no months (scenario in tests/invoicing/scenario.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tests.e2e.conftest import tree
from tests.invoicing.scenario import make_workspace


def call(installed: Any, ws: Path, cmd: str, period: str, day: str, *more: str) -> Any:
    env = {"VADOCS_LANG": "en", "VADOCS_TODAY": day}
    extra = ["--no-pdf"] if cmd == "run" else []
    args = ["invoices", cmd, "--period", period, "--date", day, *extra, *more]
    return installed.run(args, cwd=ws, env=env)


def rows(ws: Path) -> list[tuple[str, str, str, str]]:
    db = sqlite3.connect(ws / ".vadocs" / "ledger.sqlite")
    try:
        return list(db.execute("SELECT number, client, kind, period FROM invoices ORDER BY number"))
    finally:
        db.close()


def test_due_lists_what_run_issues_and_writes_nothing(installed: Any, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path)
    before = tree(ws)
    due = call(installed, ws, "due", "2027-08", "2027-08-31")
    assert due.returncode == 0, due.stderr
    assert tree(ws) == before
    assert "stunden" in due.stdout.split("Nothing due")[1]  # no hours in August
    run = call(installed, ws, "run", "2027-08", "2027-08-31")
    assert run.returncode == 0, run.stderr
    issued = {(c, k) for _n, c, k, _p in rows(ws)}
    listed = {
        tuple(line.split()[:2]) for line in due.stdout.split("Nothing due")[0].splitlines()[1:]
    }
    assert issued == listed == {("festpreis", "monat"), ("paket", "monat"), ("kuendigung", "monat")}


def test_named_client_with_nothing_due_exits_1(installed: Any, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path)
    due = call(installed, ws, "due", "2027-10", "2027-10-31", "kunden/kuendigung.yaml")
    assert due.returncode == 1
    assert "no day in 2027-10" in due.stdout
    early = call(installed, ws, "due", "2027-03", "2027-03-20", "kunden/paket.yaml")
    assert early.returncode == 1 and "has not ended" in early.stdout
    run = call(installed, ws, "run", "2027-10", "2027-10-31", "kunden/kuendigung.yaml")
    assert run.returncode == 1
    assert not (ws / ".vadocs" / "ledger.sqlite").exists() or rows(ws) == []


def test_key_month_ends_number_consecutively(installed: Any, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path)
    for period, day in (
        ("2027-01", "2027-01-15"),
        ("2027-01", "2027-01-31"),
        ("2027-04", "2027-04-30"),
    ):
        assert call(installed, ws, "run", period, day).returncode == 0
    again = call(installed, ws, "run", "2027-04", "2027-05-03")
    assert again.returncode == 0, again.stderr
    got = rows(ws)
    assert [n for n, *_rest in got] == [f"2027-{i:04d}" for i in range(1, len(got) + 1)]
    assert [(c, k, p) for _n, c, k, p in got][:1] == [("festpreis", "vorauszahlung", "2027-01")]
    assert sum(1 for _n, c, k, p in got if p == "2027-04") == 4
