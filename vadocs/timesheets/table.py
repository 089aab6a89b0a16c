"""The recognised export formats, in the order they are tried, and their documentation table.

``docs/zeiterfassung.md`` holds :func:`markdown`'s output between markers; a test keeps it equal.
"""

from __future__ import annotations

from vadocs.timesheets import clockify, harvest, kimai, toggl
from vadocs.timesheets.formats import Format
from vadocs.timesheets.mapping import GENERIC

FORMATS: tuple[Format, ...] = (
    clockify.FORMAT,
    toggl.FORMAT,
    harvest.FORMAT,
    kimai.FORMAT,
    GENERIC,
)
"""Most specific first: Clockify's ``Duration (h)`` before Toggl's ``Duration``."""

START = "<!-- timesheet-formats:start -->"
END = "<!-- timesheet-formats:end -->"


def detect(header: list[str]) -> Format | None:
    """The first format whose columns the casefolded ``header`` holds, else ``None``."""
    return next((f for f in FORMATS if f.matches(header)), None)


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(f"`{n}`" for n in names) or "–"


def markdown() -> str:
    """The table of recognised formats (Markdown), generated from :data:`FORMATS`."""
    rows = [
        "| Tracker | date | duration | description | client / project / billable | "
        "start / end | durations | dates |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for f in FORMATS:
        filters = " / ".join(_names(n) for n in (f.client, f.project, f.billable))
        clock = f"{_names(f.start)} / {_names(f.end)}"
        rows.append(
            f"| {f.name} | {_names(f.date)} | {_names(f.duration)} | "
            f"{_names(f.text + f.fallback_text)} | {filters} | {clock} | {f.durations} | {f.dates} |"
        )
    return "\n".join(rows) + "\n"


def replace_table(text: str) -> str:
    """``text`` with the block between :data:`START` and :data:`END` regenerated."""
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{markdown()}{END}{tail}"
