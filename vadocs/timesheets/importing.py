"""Import one tracker export for one invoice period: every row checked, every skip counted.

Two streaming passes over the file: :func:`vadocs.timesheets.columns.plan` fixes the date
format and duration unit from the whole file; the second pass filters (client, project,
period, billable flag) and checks each billed row. Only the billed rows are kept in memory.

Checks on a billed row: a duration of zero or less, or over 24 h (a timer left running), is an
error; over 10 h a warning; where the export has start and end times, the duration must agree
with them within a minute. A day over 16 h in total is a warning.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from vadocs.errors import Problem, ProblemsError, Severity
from vadocs.i18n import N_, _
from vadocs.timesheets import columns
from vadocs.timesheets.formats import Layout
from vadocs.timesheets.mapping import ROLES, mapped_format
from vadocs.timesheets.report import MAX_NAMES, Entry, ImportReport, no_match
from vadocs.timesheets.rows import Row, read_rows
from vadocs.timesheets.table import FORMATS, detect
from vadocs.timesheets.values import billable, clock_seconds, hm, parse_date, whole_minutes
from vadocs.timesheets.values import duration_seconds as seconds_of

DAY = 24 * 3600
LONG_ENTRY, LONG_DAY = 10 * 3600, 16 * 60
FORMAT_HINT = N_(
    "supported: {formats}; for other programs set in the client file "
    "zeiten_csv: {{datei: …, spalten: {{datum: …, dauer: …, taetigkeit: …}}}}"
)


@dataclass(frozen=True)
class Request:
    """What to import: ``von``…``bis`` inclusive; ``client``/``project`` compared ignoring
    case and spacing; ``columns`` maps :data:`~vadocs.timesheets.mapping.ROLES` to header
    names; ``date_format``/``duration_format`` as in :mod:`vadocs.timesheets.values`."""

    file: Path
    von: date
    bis: date
    client: str | None = None
    project: str | None = None
    columns: Mapping[str, str | None] | None = None
    date_format: str | None = None
    duration_format: str | None = None
    include_unbillable: bool = False
    allow_empty: bool = False
    """True: a period without rows is no error (a month derived from the engagement;
    :mod:`vadocs.invoicing.schedule` reports it as "no hours recorded")."""


@dataclass
class Imported:
    """The billed entries (in file order), the report, and the warnings (errors are raised)."""

    entries: list[Entry]
    report: ImportReport
    warnings: list[Problem] = field(default_factory=list)


def import_times(req: Request) -> Imported:
    """Read ``req.file``; raise :class:`~vadocs.errors.ProblemsError` (every problem as
    ``file:line``) or :class:`~vadocs.errors.InputFileError`; never anything else for bad input."""
    first = read_rows(req.file)
    layout = _layout(req, next(first, (1, [])))
    plan = columns.plan(req.file, layout, first, req.date_format, req.duration_format)
    second = read_rows(req.file)
    next(second)
    return _Billing(req, layout, plan).run(second)


def _layout(req: Request, header_row: Row) -> Layout:
    line, cells = header_row
    header = [c.strip().casefold() for c in cells]
    fmt = mapped_format(req.columns) if req.columns else detect(header)
    missing = _missing(req.columns or {}, header)
    if fmt is None or not fmt.matches(header) or missing:
        shown = ", ".join(c.strip() for c in cells[:12]) or _("empty")
        wanted = " " + _("(missing: {names})").format(names=", ".join(missing)) if missing else ""
        message = _("header row not recognised{missing}: {shown}").format(
            missing=wanted, shown=shown
        )
        hint = _(FORMAT_HINT).format(formats=", ".join(f.name for f in FORMATS[:-1]))
        raise ProblemsError([Problem(req.file, message, line=line, hint=hint)])
    lay = Layout.of(fmt, header)
    for wanted_value, index, what in (
        (req.client, lay.client, N_("a client filter is set, but the file has no client column")),
        (
            req.project,
            lay.project,
            N_("a project filter is set, but the file has no project column"),
        ),
    ):
        if wanted_value and index is None:
            message = _(what)
            raise ProblemsError([Problem(req.file, message, line=line)])
    return lay


def _missing(names: Mapping[str, str | None], header: list[str]) -> list[str]:
    """The roles whose named column the header lacks, as ``role: name``."""
    found = []
    for role in ROLES:
        name = names.get(role)
        if name and name.strip().casefold() not in header:
            found.append(f"{role}: {name}")
    return found


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold()


class _Filter:
    """``matches(cell)``: the cell names ``wanted``, ignoring case and spacing (cached: an
    export repeats the same few names on every row)."""

    def __init__(self, wanted: str) -> None:
        self.wanted = _normal(wanted)
        self.seen: dict[str, bool] = {}

    def matches(self, cell: str) -> bool:
        found = self.seen.get(cell)
        if found is None:
            found = _normal(cell) == self.wanted
            if len(self.seen) < MAX_NAMES:
                self.seen[cell] = found
        return found


class _Billing:
    def __init__(self, req: Request, layout: Layout, plan: columns.Plan) -> None:
        self.req, self.layout, self.plan = req, layout, plan
        self.report = ImportReport(req.file, layout.format.name, req.von, req.bis)
        self.entries: list[Entry] = []
        self.problems: list[Problem] = []
        self.days: dict[date, list[int]] = defaultdict(lambda: [0, 0])  # minutes, first line
        self.client_rows = self.project_rows = 0
        self.client = _Filter(req.client) if req.client else None
        self.project = _Filter(req.project) if req.project else None

    def run(self, rows: Iterator[Row]) -> Imported:
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            self.report.read += 1
            try:
                self._row(line, cells)
            except ValueError as exc:
                hint = _("correct the entry in the time tracker and export again")
                self.problems.append(Problem(self.req.file, str(exc), line=line, hint=hint))
                if len(self.problems) >= columns.MAX_PROBLEMS:
                    break
        self._finish()
        if any(p.severity is Severity.ERROR for p in self.problems):
            raise ProblemsError(self.problems)
        return Imported(self.entries, self.report, self.problems)

    def _cell(self, cells: list[str], index: int | None) -> str:
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def _skip(self, reason: str) -> None:
        self.report.skipped[reason] += 1

    def _row(self, line: int, cells: list[str]) -> None:
        lay, req, report = self.layout, self.req, self.report
        client, project = self._cell(cells, lay.client), self._cell(cells, lay.project)
        report.note(report.clients, client)
        if self.client and not self.client.matches(client):
            return self._skip("anderer Kunde")
        self.client_rows += 1
        report.note(report.projects, project)
        if self.project and not self.project.matches(project):
            return self._skip("anderes Projekt")
        self.project_rows += 1
        day = parse_date(cells[lay.date], self.plan.date_shape, self.plan.date_order)
        if not req.von <= day <= req.bis:
            return self._skip("außerhalb des Zeitraums")
        flag = self._cell(cells, lay.billable)
        if lay.billable is not None and not req.include_unbillable and not billable(flag):
            return self._skip("nicht abrechenbar")
        minutes = self._minutes(line, cells)
        text = self._cell(cells, lay.text) or self._cell(cells, lay.fallback_text)
        self.entries.append(Entry(day, text or "(ohne Beschreibung)", minutes, line))
        report.used += 1
        report.minutes += minutes
        totals = self.days[day]
        totals[0] += minutes
        totals[1] = totals[1] or line
        return None

    def _minutes(self, line: int, cells: list[str]) -> int:
        raw = cells[self.layout.duration]
        seconds = seconds_of(raw, self.plan.duration_unit)
        minutes = whole_minutes(seconds)
        if seconds <= 0:
            raise ValueError(_("duration “{raw}” is zero or negative").format(raw=raw.strip()))
        if minutes == 0:
            raise ValueError(
                _("duration “{raw}” is shorter than half a minute").format(raw=raw.strip())
            )
        if seconds > DAY:
            raise ValueError(
                _(
                    "duration {hours} h (“{raw}”) is longer than 24 hours – did the stopwatch "
                    "keep running? Correct the entry in the time tracker"
                ).format(hours=hm(minutes), raw=raw.strip())
            )
        if seconds > LONG_ENTRY:
            message = _("entry over 10 hours ({hours} h) – please check").format(hours=hm(minutes))
            self.problems.append(
                Problem(self.req.file, message, line=line, severity=Severity.WARNING)
            )
        self._check_clock(cells, int(seconds), minutes)
        return minutes

    def _check_clock(self, cells: list[str], seconds: int, minutes: int) -> None:
        start, end = self._cell(cells, self.layout.start), self._cell(cells, self.layout.end)
        if not start or not end:
            return
        span = (clock_seconds(end) - clock_seconds(start)) % DAY
        if abs(span - seconds) > 60:
            raise ValueError(
                _(
                    "duration {hours} h does not match start/end {start}–{end} ({span} h); "
                    "check the unit of the duration (dauerformat)"
                ).format(hours=hm(minutes), start=start, end=end, span=hm(span // 60))
            )

    def _finish(self) -> None:
        req, report = self.req, self.report
        for day, (minutes, line) in sorted(self.days.items()):
            if minutes > LONG_DAY:
                message = _("{day:%d.%m.%Y}: {hours} h in one day altogether (over 16 h)").format(
                    day=day, hours=hm(minutes)
                )
                self.problems.append(
                    Problem(req.file, message, line=line, severity=Severity.WARNING)
                )
        failed = [p for p in self.problems if p.severity is Severity.ERROR]
        if failed or (req.allow_empty and not report.used):
            return
        if req.client and not self.client_rows:
            self._nothing(N_("client"), req.client, report.clients)
        elif req.project and not self.project_rows:
            self._nothing(N_("project"), req.project, report.projects)
        elif not report.used:
            message = _("no row taken – {summary}").format(summary=report.summary())
            self.problems.append(
                Problem(req.file, message, hint=_("check the period and the filters"))
            )

    def _nothing(self, what: str, wanted: str, names: dict[str, None]) -> None:
        message, hint = no_match(what, wanted, names)
        self.problems.append(Problem(self.req.file, message, hint=hint))
