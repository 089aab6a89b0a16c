"""Twelve month-ends of four clients that list no months: `invoices due`, then `invoices run`.

Amounts are recomputed here from the scenario's figures (not from vadocs' code)."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.invoicing.scenario import (
    PAKET_EXTRA,
    make_workspace,
    paket_hours,
    stunden_minutes,
)
from vadocs.cli.app import main
from vadocs.invoicing.ledger import Ledger

C = Decimal("0.01")


def cents(x: Decimal) -> Decimal:
    return x.quantize(C, ROUND_HALF_UP)


def gross(net: Decimal) -> Decimal:
    return net + cents(net * Decimal("0.19"))


def expected(month: int) -> dict[tuple[str, str], Decimal]:
    """(client, kind) → net of every invoice issued at the end of ``month`` of 2027."""
    out: dict[tuple[str, str], Decimal] = {}
    if month == 1:
        out[("festpreis", "schluss")] = cents(Decimal(900) * 17 / 31)  # 15.–31. January
    else:
        out[("festpreis", "monat")] = Decimal("900.00")
    entries = stunden_minutes(month)
    if entries:
        quarters = sum(-(-m // 15) for m in entries)  # each entry rounded up to 15 minutes
        out[("stunden", "monat")] = cents(Decimal(quarters) / 4 * 50)
    h = paket_hours(month)
    extra = max(0, h - 20) if f"2027-{month:02d}" in PAKET_EXTRA else 0
    out[("paket", "monat")] = cents(Decimal(h - extra) * 45 + Decimal(extra) * 55)
    if month <= 9:
        out[("kuendigung", "monat")] = Decimal("400.00")
    return out


def run(ws: Path, monkeypatch: pytest.MonkeyPatch, cmd: str, period: str, day: date) -> str:
    monkeypatch.chdir(ws)
    monkeypatch.setenv("VADOCS_TODAY", day.isoformat())
    monkeypatch.setenv("VADOCS_LANG", "en")
    args = ["invoices", cmd, "--period", period, "--date", day.isoformat()]
    result = CliRunner().invoke(main, [*args, *(["--no-pdf"] if cmd == "run" else [])])
    assert result.exit_code == 0, result.output
    return result.output


def due_pairs(output: str) -> set[tuple[str, str]]:
    """(client, kind) of the lines under "Due for …" not yet issued."""
    lines = output.split("Nothing due")[0].splitlines()[1:]
    return {tuple(line.split()[:2]) for line in lines if "issued as" not in line}  # type: ignore[misc]


def issued(ws: Path) -> list:  # type: ignore[type-arg]
    ledger = Ledger(ws / ".vadocs" / "ledger.sqlite")
    try:
        return ledger.all()
    finally:
        ledger.close()


def test_twelve_month_ends_issue_the_engagements_invoices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = make_workspace(tmp_path)
    start = run(ws, monkeypatch, "due", "2027-01", date(2027, 1, 15))
    assert due_pairs(start) == {("festpreis", "vorauszahlung")}
    assert "has not ended" in start
    run(ws, monkeypatch, "run", "2027-01", date(2027, 1, 15))
    (advance,) = issued(ws)
    assert (advance.kind, advance.net) == ("vorauszahlung", cents(Decimal(900) * 17 / 31))
    seen = 1
    for month in range(1, 13):
        period, day = f"2027-{month:02d}", date(2027, month, calendar.monthrange(2027, month)[1])
        listed = run(ws, monkeypatch, "due", period, day)
        run(ws, monkeypatch, "run", period, day)
        new = issued(ws)[seen:]
        seen += len(new)
        want = expected(month)
        assert {(i.client, i.kind): i.net for i in new} == want, period
        assert due_pairs(listed) == set(want), period
        for i in new:
            assert (i.issued_on, i.period, i.gross) == (day, period, gross(i.net))
        if month == 8:
            assert "stunden" in listed.split("Nothing due")[1]
            assert "no hours recorded" in listed
        if month >= 10:  # listed as run lists it, with the reason, never as due
            assert "kuendigung" not in listed.split("Nothing due")[0]
            assert f"no day in {period}" in listed.split("Nothing due")[1]
    every = issued(ws)
    assert [i.number for i in every] == [f"2027-{n:04d}" for n in range(1, len(every) + 1)]
    assert sum(1 for i in every if i.kind == "vorauszahlung") == 1
    assert len(every) == 1 + sum(len(expected(m)) for m in range(1, 13))


def test_running_a_month_twice_returns_the_same_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = make_workspace(tmp_path)
    run(ws, monkeypatch, "run", "2027-02", date(2027, 2, 28))
    first = [(i.number, i.client, i.kind) for i in issued(ws)]
    again = run(ws, monkeypatch, "due", "2027-02", date(2027, 3, 2))
    assert "issued as" in again and due_pairs(again) == set()
    run(ws, monkeypatch, "run", "2027-02", date(2027, 3, 2))
    assert [(i.number, i.client, i.kind) for i in issued(ws)] == first
