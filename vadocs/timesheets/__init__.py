"""Time-tracker exports in, time entries (date, activity, minutes) out.

One module per source format; :func:`read_entries` is the entry point the data stage uses.
"""

from vadocs.timesheets.csv_import import read_entries

__all__ = ["read_entries"]
