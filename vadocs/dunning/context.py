"""The values the reminder template sees: the shared letter context plus ``mahnung``."""

from __future__ import annotations

from typing import Any

from vadocs.documents.context import Engagement, base_context
from vadocs.dunning.claim import Mahnung


def reminder_context(e: Engagement, m: Mahnung) -> dict[str, Any]:
    """``base_context`` of the client with the reminder's title and date, and ``mahnung``."""
    ctx = base_context(e, m.titel, m.datum)
    ctx["mahnung"] = m
    return ctx
