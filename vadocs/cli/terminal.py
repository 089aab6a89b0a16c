"""How a build looks on the terminal: a progress line while it runs, a summary table after."""

from __future__ import annotations

import sys
from types import TracebackType

import click

from vadocs.build.results import BuildReport
from vadocs.i18n import _, ngettext


class ProgressLine:
    """One updating status line on a terminal (stderr); silent when not a terminal."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.planned = 0
        self.written = 0

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.tty:
            click.echo("\r\033[K", nl=False, err=True)

    def __call__(self, event: str, text: str) -> None:
        if event == "plan":
            self.planned += 1
            status = _("[{n}] planned: {document}").format(n=self.planned, document=text)
        elif event == "convert":
            status = _("LibreOffice: {document} …").format(document=text)
        else:
            self.written += 1
            name = text.rsplit("/", 1)[-1]
            status = _("[{n}] written: {document}").format(n=self.written, document=name)
        if self.tty:
            click.echo(f"\r\033[K{status[:100]}", nl=False, err=True)


def summary_lines(report: BuildReport) -> list[str]:
    """``client  written  unchanged  status`` per client, then the totals."""
    rows = []
    for c in report.clients:
        if c.error is not None:
            status = _("FAILED: {reason}").format(reason=c.error.message.splitlines()[0][:70])
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
