"""Kimai's CSV and XLSX export (German and English column names).

Kimai writes ``Duration`` as seconds (recent versions), as ``h:mm`` or as decimal hours,
depending on version and settings; ``From``/``To`` give the clock times, so the unit of a
whole number (seconds) is cross-checked against them.
"""

from __future__ import annotations

from vadocs.timesheets.formats import Format

FORMAT = Format(
    name="Kimai",
    date=("date", "datum"),
    duration=("duration", "dauer"),
    text=("description", "beschreibung"),
    fallback_text=("activity", "tätigkeit", "taetigkeit", "aktivität"),
    client=("customer", "kunde"),
    project=("project", "projekt"),
    billable=("billable", "abrechenbar", "fakturierbar"),
    start=("from", "von", "begin", "beginn"),
    end=("to", "bis", "end", "ende"),
    signature=(("from", "von", "begin", "beginn"), ("to", "bis", "end", "ende")),
    numbers="sekunden-oder-stunden",
    durations="seconds (`900`), `h:mm`, decimal hours (`0.25`)",
    dates="`2026-12-03`, `03.12.2026`",
    date_setting="Kimai: Profil → Einstellungen (Sprache/Format)",
)
