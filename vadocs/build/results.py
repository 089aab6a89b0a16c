"""What a build reports back: per client, which files were written, kept, or why it failed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from vadocs import clock
from vadocs.errors import Problem, VadocsError
from vadocs.timesheets.report import ImportReport

PdfMode = Literal["auto", "require", "off"]
Progress = Callable[[str, str], None]
"""``progress(event, text)``: events ``total`` (the number of documents expected, once per
workspace), ``plan`` (a document), ``convert`` (the number of documents), ``write`` (a path)."""


def no_progress(event: str, text: str) -> None:
    """The default: library code reports nothing by itself."""


@dataclass(frozen=True)
class BuildOptions:
    output: Path | None = None
    only: frozenset[str] | None = None
    pdf: PdfMode = "auto"
    draft: bool = False
    profile: Path | None = None
    soffice: str | None = None
    today: date | None = None
    force: bool = False
    period: str | None = None
    """Only invoices for this month (``invoices run --period``); no contracts."""
    datum: date | None = None
    """The issue date of new invoices (``--datum``): not after ``today``; default today."""
    now: Callable[[], datetime] | None = None
    """The clock of the ledger's UTC issue timestamp (default: the machine's clock)."""

    record: bool = True
    """Record the contract versions written (False for previews, e.g. ``vadocs watch``)."""

    @property
    def real_day(self) -> date:
        """The real day: the injected clock ``now`` when given, else :func:`vadocs.clock.today`."""
        return self.now().date() if self.now else clock.today()

    @property
    def preview(self) -> bool:
        """``--date`` pretends a day after the real one: drafts only, no contract recorded."""
        return self.today is not None and self.today > self.real_day

    @property
    def day(self) -> date:
        """Today by the injected clock (``today``), else by the machine's."""
        return self.today or (self.now().date() if self.now else clock.today())


@dataclass
class ClientResult:
    client_file: Path
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    """Stale drafts deleted because a newer draft or the issued invoice replaced them."""
    warnings: list[Problem] = field(default_factory=list)
    error: VadocsError | None = None
    skipped: str = ""
    imports: list[ImportReport] = field(default_factory=list)
    """What each time-tracker export gave (shown by ``build -v``)."""


@dataclass
class BuildReport:
    clients: list[ClientResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(c.error is not None for c in self.clients)
