"""How a build looks on the terminal: a progress line while it runs, a summary table after."""

from __future__ import annotations

import sys
from types import TracebackType

import click

from vadocs.build.results import BuildReport


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
            status = f"[{self.planned}] planned: {text}"
        elif event == "convert":
            status = f"LibreOffice: {text} …"
        else:
            self.written += 1
            status = f"[{self.written}] written: {text.rsplit('/', 1)[-1]}"
        if self.tty:
            click.echo(f"\r\033[K{status[:100]}", nl=False, err=True)


def summary_lines(report: BuildReport) -> list[str]:
    """``client  written  unchanged  status`` per client, then the totals."""
    rows = []
    for c in report.clients:
        if c.error is not None:
            status = "FAILED: " + c.error.message.splitlines()[0][:70]
        else:
            status = c.skipped or "ok"
        rows.append((c.client_file.stem, len(c.written), len(c.unchanged), status))
    width = max([len(r[0]) for r in rows] + [6])
    lines = [f"{'client':<{width}}  written  unchanged  status"]
    lines += [f"{n:<{width}}  {w:>7}  {u:>9}  {s}" for n, w, u, s in rows]
    failed = sum(1 for c in report.clients if c.error is not None)
    idle = sum(1 for c in report.clients if c.error is None and c.skipped)
    lines.append(
        f"{len(rows)} client(s): {len(rows) - failed - idle} built, "
        + (f"{idle} with nothing due, " if idle else "")
        + f"{failed} failed; "
        f"{sum(r[1] for r in rows)} file(s) written, "
        f"{sum(r[2] for r in rows)} unchanged"
    )
    return lines
