"""Time-tracker exports in, billed time entries (date, activity, minutes) and a report out.

In: a CSV (UTF-8) or XLSX export of Kimai, Toggl Track, Clockify, Harvest, or any tool whose
columns the client file names (``mapping``), recognised by its header (``table`` lists the
formats; one module per tracker). Out: :class:`~vadocs.timesheets.importing.Imported` — the
rows billed for one period, an :class:`~vadocs.timesheets.report.ImportReport` (rows read,
used, skipped by reason) and warnings; every refusal names ``file:line``.
Stages: ``rows`` streams the file, ``columns`` fixes date format and duration unit from the
whole file, ``importing`` filters and checks, ``values`` reads single cells.
"""

from vadocs.timesheets.importing import Imported, Request, import_times
from vadocs.timesheets.report import Entry, ImportReport

__all__ = ["Entry", "ImportReport", "Imported", "Request", "import_times"]
