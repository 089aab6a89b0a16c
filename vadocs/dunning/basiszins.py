"""The base rate of § 247 BGB, per half-year, from the table shipped in ``vadocs/data``.

The Deutsche Bundesbank fixes the rate for each half-year (1 January, 1 July) and publishes
it in the Bundesanzeiger (§ 247 Abs. 2 BGB). vadocs never fetches it: the table
``vadocs/resources/basiszinssatz.yaml`` names the source of every value and is updated by a release.
A day after the table's ``gilt_bis`` gets the last known rate and a warning.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from vadocs.documents.formatting import prozent
from vadocs.errors import Problem, Severity, VadocsError
from vadocs.i18n import _


@dataclass(frozen=True)
class Basiszins:
    """One half-year's base rate: ``satz`` in percent per year, valid from ``ab``."""

    ab: date
    satz: Decimal
    bekanntgabe: date | None
    fundstelle: str
    geprueft: bool
    """False when the value is derived, not confirmed by a published source."""


@dataclass(frozen=True)
class Basiszinstabelle:
    """The shipped table: rates sorted by start date, valid up to ``gilt_bis`` (inclusive)."""

    file: Path
    quelle: str
    stand: date
    gilt_bis: date
    saetze: tuple[Basiszins, ...]

    def entry_on(self, day: date) -> Basiszins:
        """The table entry in force on ``day``.

        Raises :class:`VadocsError` for a day before the first entry (1 January 2002,
        when § 247 BGB took effect). After ``gilt_bis`` the last entry is used;
        :meth:`coverage_problem` reports that.
        """
        starts = [s.ab for s in self.saetze]
        i = bisect_right(starts, day) - 1
        if i < 0:
            raise VadocsError(
                _(
                    "{file}: no base rate for {day:%d.%m.%Y} (the table starts on {start:%d.%m.%Y})"
                ).format(file=self.named, day=day, start=starts[0])
            )
        return self.saetze[i]

    @property
    def named(self) -> Path:
        """The table as the user sees it: the shipped one by name, never its install path."""
        return (
            Path(_("vadocs: base-rate table")) if self.file == default_table_file() else self.file
        )

    def rate_on(self, day: date) -> Decimal:
        """The base rate in percent in force on ``day`` (see :meth:`entry_on`)."""
        return self.entry_on(day).satz

    def unverified_problem(self, days: Iterable[date]) -> Problem | None:
        """A warning when a rate used for one of ``days`` is marked as not confirmed."""
        unsure = sorted({e.ab for e in map(self.entry_on, days) if not e.geprueft})
        if not unsure:
            return None
        shown = ", ".join(f"{d:%d.%m.%Y}" for d in unsure)
        return Problem(
            self.named,
            _("The base rate from {days} is not backed by a source in the table.").format(
                days=shown
            ),
            hint=_("Check it with the Bundesbank before you send the reminder."),
            severity=Severity.WARNING,
            rule="BASISZINS-UNBELEGT",
        )

    def next_change_after(self, day: date) -> date | None:
        """The first day after ``day`` on which a new table entry starts, if any."""
        return next((s.ab for s in self.saetze if s.ab > day), None)

    def coverage_problem(self, day: date) -> Problem | None:
        """A warning when ``day`` lies after the period the table covers."""
        if day <= self.gilt_bis:
            return None
        return Problem(
            self.named,
            _(
                "The table of base rates only reaches {end:%d.%m.%Y}; for {day:%d.%m.%Y} the "
                "last known rate ({rate}) is assumed."
            ).format(end=self.gilt_bis, day=day, rate=prozent(self.saetze[-1].satz)),
            hint=_(
                "Update vadocs; the Bundesbank publishes the rate in force "
                "(bundesbank.de, search for Basiszinssatz)."
            ),
            severity=Severity.WARNING,
            rule="BASISZINS-TABELLE",
        )


def default_table_file() -> Path:
    return Path(str(resources.files("vadocs") / "resources" / "basiszinssatz.yaml"))


@lru_cache(maxsize=4)
def load_table(file: Path | None = None) -> Basiszinstabelle:
    """Read and check the table; raises :class:`VadocsError` naming the file if it is unusable."""
    path = file or default_table_file()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        saetze = tuple(_entry(e) for e in data["saetze"])
        table = Basiszinstabelle(
            path, str(data["quelle"]), _date(data["stand"]), _date(data["gilt_bis"]), saetze
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise VadocsError(
            _("{path}: the table of base rates cannot be read ({exc})").format(path=path, exc=exc),
            hint=_("install vadocs again"),
        ) from None
    _check_order(table)
    return table


def _entry(e: dict[str, Any]) -> Basiszins:
    ab = _date(e["ab"])
    if (ab.month, ab.day) not in ((1, 1), (7, 1)):
        raise ValueError(
            _("{ab} is not 1 January or 1 July (§ 247 Abs. 1 Satz 2 BGB)").format(ab=ab)
        )
    bekannt = e.get("bekanntgabe")
    return Basiszins(
        ab=ab,
        satz=Decimal(str(e["satz"])),
        bekanntgabe=_date(bekannt) if bekannt else None,
        fundstelle=str(e.get("fundstelle") or ""),
        geprueft=bool(e["geprueft"]),
    )


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _check_order(table: Basiszinstabelle) -> None:
    starts = [s.ab for s in table.saetze]
    if not starts or starts != sorted(set(starts)) or table.gilt_bis < starts[-1]:
        raise VadocsError(
            _(
                "{file}: the entries must be sorted by date and unique, gilt_bis after the last"
            ).format(file=table.file),
            hint=_("install vadocs again"),
        )
