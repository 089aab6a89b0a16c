"""How a build looks on the terminal: a progress bar while it runs, a summary table after."""

from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import Any, TextIO

from vadocs.build.results import BuildReport
from vadocs.cli.colour import is_terminal
from vadocs.i18n import _, ngettext

FEW = 3
"""A batch of up to this many documents shows no progress bar: it is done at a glance."""


class BuildProgress:
    """A :mod:`rich` progress display of a build on stderr, only on a terminal and only for
    more than :data:`FEW` documents; otherwise (a pipe, a file, a CI log) it shows nothing.

    Called as the build's ``progress(event, text)`` (:data:`vadocs.build.results.Progress`):
    ``total`` (documents expected) starts the display, ``plan`` advances the rendering bar,
    ``convert`` (number of documents) and ``write`` (a path) each show their own stage.
    The display is transient: it is cleared before the summary is printed.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = is_terminal(self.stream) and os.environ.get("TERM", "") != "dumb"
        self.expected = 0
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> BuildProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def __call__(self, event: str, text: str) -> None:
        if event == "total":
            self.expected += int(text)
            if self.bar is None and self.live and self.expected > FEW:
                self._start()
            elif self.bar is not None:
                self.bar.update(self.task, total=self.expected)
            return
        if self.bar is None:
            return
        if event == "plan":
            self.bar.update(self.task, advance=1)
        elif event == "convert":
            self._stage(
                ngettext(
                    "LibreOffice: {n} document to PDF",
                    "LibreOffice: {n} documents to PDF",
                    int(text),
                ).format(n=int(text))
            )
        elif event == "write":
            if self.bar.tasks[-1].fields.get("stage") != "write":
                self._stage(_("writing files"), stage="write")
            self.bar.update(self.task, advance=1)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(file=self.stream, highlight=False),
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.task = self.bar.add_task(_("preparing documents"), total=self.expected)
        self.bar.start()

    def _stage(self, description: str, stage: str = "") -> None:
        """Finish the current stage and show the next one (a bar without a known end)."""
        previous = self.bar.tasks[-1]
        self.bar.update(self.task, completed=previous.total or previous.completed)
        self.task = self.bar.add_task(description, total=None, stage=stage)


def summary_lines(report: BuildReport) -> list[str]:
    """``client  written  unchanged  status`` per client, then the totals."""
    rows = []
    for c in report.clients:
        if c.error is not None:
            status = _("FAILED: {reason}").format(reason=cut(c.error.message, 70))
        else:
            status = c.skipped or _("ok")
        rows.append((c.client_file.stem, len(c.written), len(c.unchanged), status))
    head = (_("client"), _("written"), _("unchanged"), _("status"))
    width = max([len(r[0]) for r in rows] + [len(head[0])])
    w1, w2 = len(head[1]), len(head[2])
    lines = [f"{head[0]:<{width}}  {head[1]}  {head[2]}  {head[3]}"]
    lines += [f"{n:<{width}}  {w:>{w1}}  {u:>{w2}}  {s}" for n, w, u, s in rows]
    failed = sum(1 for c in report.clients if c.error is not None)
    idle = sum(1 for c in report.clients if c.error is None and c.skipped)
    lines.append(_totals(len(rows), len(rows) - failed - idle, idle, failed, rows))
    return lines


def cut(text: str, limit: int) -> str:
    """The first line of ``text``, at most ``limit`` characters, cut at a word with "…"."""
    line = (text.splitlines() or [""])[0]
    if len(line) <= limit:
        return line
    head = line[: limit - 1].rsplit(" ", 1)[0] if " " in line[: limit - 1] else line[: limit - 1]
    return head.rstrip(" ,;:") + "…"


def _totals(
    clients: int, built: int, idle: int, failed: int, rows: list[tuple[str, int, int, str]]
) -> str:
    """``3 Kunden: 2 gebaut, 1 nichts fällig, 0 fehlgeschlagen; 5 Dateien geschrieben, …``."""
    written = sum(r[1] for r in rows)
    parts = [ngettext("{n} client", "{n} clients", clients).format(n=clients) + ": "]
    parts.append(_("{n} built").format(n=built))
    if idle:
        parts.append(", " + _("{n} with nothing due").format(n=idle))
    parts.append(", " + _("{n} failed").format(n=failed) + "; ")
    parts.append(ngettext("{n} file written", "{n} files written", written).format(n=written))
    parts.append(", " + _("{n} unchanged").format(n=sum(r[2] for r in rows)))
    return "".join(parts)
