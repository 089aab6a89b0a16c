"""Rules on the billing rhythm of a client file: the notice date, and listed months that the
engagement now implies (:mod:`vadocs.invoicing.schedule`) — a migration hint, never an error."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from vadocs.data.yaml_source import Document
from vadocs.errors import Problem, Severity, shown
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
    yield from _export_exists(doc, d)
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


def _export_exists(doc: Document, d: Kundendatei) -> Iterator[Problem]:
    """The engagement's time-tracker export (``abrechnung.zeiten_csv``) exists, also before
    a month of it is due (then the month-end run would find it missing)."""
    spec = d.abrechnung.zeiten_csv
    if spec is None:
        return
    path = doc.file.parent / (spec if isinstance(spec, str) else spec.datei)
    if not path.is_file():
        yield doc.problem(
            ("abrechnung", "zeiten_csv"),
            _("time-tracker export not found: {file}").format(file=shown(path)),
            _("give the path relative to the client file"),
        )
