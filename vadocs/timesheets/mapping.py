"""Any other tracker: the columns named in the client file, or a plain header.

``zeiten_csv:`` as a mapping names the columns (``spalten:`` with ``datum``, ``dauer``,
``taetigkeit``, ``kunde``, ``projekt``, ``abrechenbar``, ``beginn``, ``ende``); without one,
a file whose header has a date, a duration and a description column is read as
:data:`GENERIC`, where a whole number of unknown unit is refused.
"""

from __future__ import annotations

from collections.abc import Mapping

from vadocs.i18n import N_
from vadocs.timesheets.formats import Format

GENERIC = Format(
    name=N_("Generic"),
    date=("date", "datum", "start date", "startdatum"),
    duration=("duration", "dauer"),
    text=("description", "beschreibung", "tätigkeit", "taetigkeit", "activity", "task"),
    client=("client", "customer", "kunde"),
    project=("project", "projekt"),
    billable=("billable", "abrechenbar"),
    signature=(("description", "beschreibung", "tätigkeit", "taetigkeit", "activity", "task"),),
    durations="`h:mm`, `h:mm:ss`, decimal hours (`1,5`); whole numbers only with `dauerformat`",
    dates="ISO, `DD.MM.YYYY`; slash dates by the whole column",
)

ROLES = ("datum", "dauer", "taetigkeit", "kunde", "projekt", "abrechenbar", "beginn", "ende")
"""The keys of ``spalten:`` in the client file."""


def mapped_format(columns: Mapping[str, str | None]) -> Format:
    """The format the client file describes: ``columns`` maps a role of :data:`ROLES` to
    the column's header text (``datum`` and ``dauer`` are required)."""

    def name(role: str) -> tuple[str, ...]:
        value = columns.get(role)
        return (value.strip().casefold(),) if value else ()

    return Format(
        name="Zuordnung aus der Kundendatei",
        date=name("datum"),
        duration=name("dauer"),
        text=name("taetigkeit"),
        client=name("kunde"),
        project=name("projekt"),
        billable=name("abrechenbar"),
        start=name("beginn"),
        end=name("ende"),
        numbers="nur-dezimal",
        durations="as `dauerformat` says",
        dates="as `datumsformat` says",
    )
