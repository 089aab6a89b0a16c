"""Issue 13, the rest: ``--date`` only pretends a day. A day after the real one (the
injected clock ``now``) is a preview: drafts, no number, no contract version; a
cancellation is never moved to another day; hours billed as items count toward the
contingent. Every refusal leaves the ledger and out/ as they were."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import noon
from tests.invoicing.test_irreversible import (
    MONTH,
    NOV,
    client,
    clock,
    error_of,
    invoices,
    state,
)
from vadocs.build.results import BuildOptions
from vadocs.build.run import build
from vadocs.invoicing.cancellation import cancel_invoice
from vadocs.invoicing.readiness import IssueRefused

REAL_DAY = date(2026, 11, 29)


def pretend(day: date, **options: object) -> BuildOptions:
    """``--date day`` while the real clock says 29.11.2026."""
    return BuildOptions(pdf="off", today=day, now=noon(REAL_DAY), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("period", [None, "2026-11"], ids=["build", "invoices run"])
def test_a_date_after_the_real_day_is_a_preview(ws: Path, period: str | None) -> None:
    file = client(ws, NOV)
    report = build([file], pretend(date(2027, 1, 5), period=period))
    assert not report.failed
    assert any("05.01.2027" in n and "29.11.2026" in n for n in report.notes), report.notes
    assert not (ws / ".vadocs" / "ledger.sqlite").is_file() or invoices(ws) == []
    drafts = [p.name for p in (ws / "out").rglob("*Rechnung*")]
    assert drafts and all("ENTWURF" in name for name in drafts)
    assert not (ws / ".vadocs" / "vertraege.json").is_file()


def test_the_same_build_on_the_day_itself_issues(ws: Path) -> None:
    file = client(ws, NOV)
    report = build(
        [file], BuildOptions(pdf="off", today=date(2026, 12, 3), now=noon(date(2026, 12, 3)))
    )
    assert not report.failed and not report.notes
    assert [(n, d) for n, _k, _p, d, _s in invoices(ws)] == [("2026-0001", date(2026, 12, 3))]
    assert json.loads((ws / ".vadocs" / "vertraege.json").read_text("utf-8"))


def test_a_cancellation_is_never_moved_to_another_day(ws: Path) -> None:
    file = client(ws, NOV)
    assert not build([file], clock(date(2026, 12, 3))).failed
    before = state(ws)
    # dated before the invoice it cancels: refused, not post-dated
    with pytest.raises(IssueRefused) as early:
        cancel_invoice(file, "2026-0001", "Irrtum", clock(date(2026, 12, 1)))
    assert "03.12.2026" in early.value.format() and "01.12.2026" in early.value.format()
    # a day that has not come yet: refused
    with pytest.raises(IssueRefused) as future:
        cancel_invoice(
            file,
            "2026-0001",
            "Irrtum",
            BuildOptions(pdf="off", today=date(2026, 12, 9), now=noon(date(2026, 12, 4))),
        )
    assert "09.12.2026" in future.value.format() and "--draft" in future.value.format()
    assert state(ws) == before
    done = cancel_invoice(file, "2026-0001", "Irrtum", clock(date(2026, 12, 4)))
    assert done.error is None
    assert [(n, k, d) for n, k, _p, d, _s in invoices(ws)][-1] == (
        "2026-0002",
        "storno",
        date(2026, 12, 4),
    )


@pytest.mark.parametrize(
    ("hours", "refused"),
    [("8", False), ("8.25", True), ("9", True)],
    ids=["within", "a quarter over", "an hour over"],
)
def test_hours_billed_as_items_count_toward_the_contingent(
    ws: Path, hours: str, refused: bool
) -> None:
    # 2:00 from time entries + ``hours`` as an item in Std. against a contingent of 10 h
    items = (
        "    positionen:\n      - {beschreibung: Recherche, menge: "
        + hours
        + ", einheit: Std., einzelpreis: 50.00}\n"
    )
    file = client(ws, NOV + items, MONTH)
    before = state(ws)
    report = build([file], clock(date(2026, 12, 3)))
    if not refused:
        assert not report.failed
        return
    total = f"{2 + float(hours):.2f}".replace(".", ",")
    assert f"{total} h billed against a contingent of 10,00 h" in error_of(report)
    assert state(ws) == before
