"""Why a contract document is not written: the messages of
:mod:`vadocs.documents.contract_versions` (a contract changes only by agreement, § 311 Abs. 1
BGB; what the client accepted stays as it was)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from vadocs.documents.kinds import DocumentKind
from vadocs.errors import VadocsError
from vadocs.i18n import _

if TYPE_CHECKING:
    from vadocs.documents.context import Engagement
    from vadocs.documents.contract_versions import Version


class ContractChanged(VadocsError):
    """A contract document cannot be written as the data now stands (see the message)."""


def changed_after_acceptance(
    e: Engagement, kind: DocumentKind, latest: Version, fields: list[str]
) -> ContractChanged:
    """The data changed since ``latest`` was written, and it is (or is now said to be)
    accepted. Names at most eight changed fields."""
    shown = ", ".join(fields[:8])
    where = {"title": kind.title, "client": e.kuerzel, "number": latest.number}
    when = f"{latest.datum:%d.%m.%Y}"
    if latest.accepted:
        return ContractChanged(
            _(
                "{title} for {client} (Fassung {number} vom {datum}) was accepted by the "
                "client and is not rewritten; changed since: {fields}"
            ).format(**where, datum=when, fields=shown),
            hint=_(
                "a change of contract needs a new version agreed with the client: undo the "
                "change, or agree a Nachtrag or a new order confirmation and record it as a "
                "new engagement (new client file)"
            ),
        )
    return ContractChanged(
        _(
            "{title} for {client}: the data changed after Fassung {number} vom {datum} was "
            "written ({fields}), and auftrag.angenommen_am is set — which version did the "
            "client accept?"
        ).format(**where, datum=when, fields=shown),
        hint=_(
            "if the client accepted Fassung {number} as it was sent, undo the change; if the "
            "change is to be agreed, remove angenommen_am, build the new version, send it and "
            "set angenommen_am to the day the client accepts it"
        ).format(number=latest.number),
    )


def acceptance_before_version(
    e: Engagement, kind: DocumentKind, latest: Version, accepted_on: date
) -> ContractChanged:
    """``auftrag.angenommen_am`` lies before the day the latest version was written."""
    return ContractChanged(
        _(
            "{title} for {client}: angenommen_am {accepted} lies before Fassung {number} vom "
            "{datum}; the client cannot have accepted a version written later"
        ).format(
            title=kind.title,
            client=e.kuerzel,
            accepted=f"{accepted_on:%d.%m.%Y}",
            number=latest.number,
            datum=f"{latest.datum:%d.%m.%Y}",
        ),
        hint=_(
            "write the day the client accepted Fassung {number} (on or after {datum}); if the "
            "client accepted an earlier version, undo the changes made since"
        ).format(number=latest.number, datum=f"{latest.datum:%d.%m.%Y}"),
    )
