"""CSV exports of Clockify, Toggl Track and Kimai give the same time entries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vadocs.errors import ProblemsError
from vadocs.timesheets.csv_import import read_entries

CASES = ROOT / "tests" / "cases" / "timesheets"
DEC = (date(2026, 12, 1), date(2026, 12, 31))


@pytest.mark.parametrize("tracker", ["clockify", "toggl", "kimai"])
def test_trackers_agree(tracker: str) -> None:
    entries = read_entries(CASES / f"{tracker}.csv", *DEC, kunde="Müller & Söhne GmbH")
    assert [(e.datum, e.minuten) for e in entries] == [
        (date(2026, 12, 1), 95),
        (date(2026, 12, 3), 20),
    ]
    assert entries[0].taetigkeit == "Postfach sortiert"


def test_rows_outside_the_period_are_skipped() -> None:
    entries = read_entries(CASES / "clockify.csv", *DEC)
    assert len(entries) == 3  # the November row is not billed in December


def test_unreadable_rows_are_named_by_line() -> None:
    with pytest.raises(ProblemsError) as caught:
        read_entries(CASES / "kaputt.csv", *DEC)
    lines = [(p.line, p.message) for p in caught.value.problems]
    assert lines == [(3, "'eine Stunde' is not a duration"), (4, "'31.02.2026' is not a date")]
    assert all(p.file == CASES / "kaputt.csv" for p in caught.value.problems)


def test_missing_columns(tmp_path: Path) -> None:
    bad = tmp_path / "x.csv"
    bad.write_text("Projekt,Betrag\nA,1\n", encoding="utf-8")
    with pytest.raises(ProblemsError, match="no column for date, text, duration"):
        read_entries(bad, *DEC)
