"""Harvest's detailed time report: ``Date``, ``Hours`` in decimal hours, ``Notes``, ``Billable?``."""

from __future__ import annotations

from vadocs.timesheets.formats import Format

FORMAT = Format(
    name="Harvest",
    date=("date",),
    duration=("hours",),
    text=("notes",),
    fallback_text=("task",),
    client=("client",),
    project=("project",),
    billable=("billable?", "billable"),
    signature=(("notes",),),
    numbers="stunden",
    durations="decimal hours (`1.5`) or `h:mm`",
    dates="`2026-12-03`",
)
