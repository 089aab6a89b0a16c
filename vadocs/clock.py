"""The one clock of vadocs: what day it really is.

Everything irreversible — an invoice's issue date, the ledger's UTC timestamp, a contract
version's date — is measured against :func:`today`, never against ``--date``: ``--date``
only *pretends* a day for checks and previews, so a ``--date`` later than the real day
can produce drafts but never issue (§ 14 Abs. 4 Nr. 3 UStG: the issue date is the day of
issue; GoBD: a truthful record).

Tests and demonstrations set the real day through the environment variable
``VADOCS_TODAY`` (``YYYY-MM-DD``); nothing else reads the machine's date.

>>> import os
>>> os.environ["VADOCS_TODAY"] = "2027-01-05"
>>> today()
datetime.date(2027, 1, 5)
>>> now_utc().date()
datetime.date(2027, 1, 5)
>>> del os.environ["VADOCS_TODAY"]
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from vadocs.errors import VadocsError
from vadocs.i18n import _

ENV = "VADOCS_TODAY"
"""Environment variable naming the real day (``YYYY-MM-DD``) for tests and demos."""


def _override() -> date | None:
    text = os.environ.get(ENV, "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise VadocsError(
            _("{variable}={value}: write the day as YYYY-MM-DD, e.g. 2026-11-29").format(
                variable=ENV, value=text
            )
        ) from None


def today() -> date:
    """The real day: ``VADOCS_TODAY`` when set, else the machine's local date.

    Raises ``VadocsError`` when ``VADOCS_TODAY`` is not a date.
    """
    return _override() or date.today()


def now_utc() -> datetime:
    """The real moment in UTC; with ``VADOCS_TODAY`` set, that day at the current UTC time."""
    moment = datetime.now(UTC)
    day = _override()
    return moment if day is None else datetime.combine(day, moment.timetz())
