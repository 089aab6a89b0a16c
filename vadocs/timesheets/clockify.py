"""Clockify's detailed report (CSV or XLSX).

``Duration (h)`` is ``h:mm:ss``, ``Duration (decimal)`` decimal hours; the date is written in
the format the user chose in Clockify (MM/DD/YYYY, DD/MM/YYYY, DD-MM-YYYY, MM-DD-YYYY,
YYYY-MM-DD, DD.MM.YYYY), so a slash or dash date's order is inferred from the whole column.
"""

from __future__ import annotations

from vadocs.i18n import N_
from vadocs.timesheets.formats import Format

FORMAT = Format(
    name="Clockify",
    date=("start date",),
    duration=("duration (h)", "duration (decimal)"),
    text=("description",),
    fallback_text=("task", "project"),
    client=("client",),
    project=("project",),
    billable=("billable",),
    start=("start time",),
    end=("end time",),
    numbers="stunden",
    durations="`Duration (h)` as `h:mm:ss`, else `Duration (decimal)` in hours",
    dates="every Clockify setting (MM/DD/YYYY, DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, ISO)",
    date_setting=N_("Clockify: Profile settings → Date format"),
)
