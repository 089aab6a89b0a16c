"""Toggl Track's detailed report (CSV or XLSX): ``Start date``, ``Duration`` as ``h:mm:ss``."""

from __future__ import annotations

from vadocs.i18n import N_
from vadocs.timesheets.formats import Format

FORMAT = Format(
    name="Toggl Track",
    date=("start date",),
    duration=("duration",),
    text=("description",),
    fallback_text=("task", "project"),
    client=("client",),
    project=("project",),
    billable=("billable",),
    start=("start time",),
    end=("end time",),
    signature=(("start time",),),
    durations="`h:mm:ss`",
    dates="`2026-12-03`, or as set (DD/MM/YYYY, MM/DD/YYYY)",
    date_setting=N_("Toggl Track: Profile settings → Date format"),
)
