"""Rules on the billing rhythm of a client file: the notice date, and listed months that the
engagement now implies (:mod:`vadocs.invoicing.schedule`) — a migration hint, never an error."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from vadocs.data.yaml_source import Document
from vadocs.errors import Problem, Severity
from vadocs.i18n import _
from vadocs.invoicing.schedule import redundant
from vadocs.model.client import Kundendatei


def schedule_rules(doc: Document, d: Kundendatei) -> Iterator[Problem]:
    """``gekuendigt_zum`` not before ``beginn``; a warning for each ``rechnungen:`` entry that
    only repeats what ``auftrag``/``verguetung``/``abrechnung`` imply."""
    a = d.auftrag
    if a.gekuendigt_zum is not None and a.gekuendigt_zum < a.beginn:
        yield doc.problem(
            ("auftrag", "gekuendigt_zum"),
            _("the notice date lies before the start of the engagement"),
        )
    raw = doc.data.get("rechnungen") if isinstance(doc.data, dict) else None
    for i in redundant(d):
        r = d.rechnungen[i]
        own = raw[i] if isinstance(raw, list) and i < len(raw) else None
        if not isinstance(own, dict) or set(own) != {"art", "zeitraum"}:
            continue  # the entry has times of its own
        problem = doc.problem(
            ("rechnungen", i),
            _(
                "the {art} invoice for {zeitraum} follows from the engagement; this entry is "
                "no longer needed"
            ).format(art=r.art, zeitraum=r.zeitraum),
            _("delete it: rechnungen: is only for exceptions (items, ausgesetzt:, datum:)"),
        )
        yield replace(problem, severity=Severity.WARNING)
