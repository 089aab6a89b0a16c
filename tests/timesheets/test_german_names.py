"""The generic format and the trackers' date settings are named in the user's language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from vadocs.timesheets.clockify import FORMAT as CLOCKIFY
from vadocs.timesheets.columns import date_hint
from vadocs.timesheets.report import ImportReport


def test_generic_and_clockify_in_german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VADOCS_LANG", "de")
    report = ImportReport(Path("x.csv"), "Generic", date(2026, 12, 1), date(2026, 12, 31))
    assert "(allgemeines Format," in report.summary()
    assert "Profileinstellungen → Datumsformat" in date_hint(CLOCKIFY)
    monkeypatch.setenv("VADOCS_LANG", "en")
    assert "(Generic," in report.summary()
