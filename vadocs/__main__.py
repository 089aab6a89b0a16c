"""The process entry point: ``vadocs`` (console script) and ``python -m vadocs``.

Signals are set up before the command line is imported, because importing it takes about a
second: an interruption during that second ends quietly with status 130 like any other.
"""

from __future__ import annotations

import signal
import sys


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C: context managers stop LibreOffice and roll back the ledger.
    raise KeyboardInterrupt


def main() -> None:
    """Install the signal handlers, import the command line, run it."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        from vadocs.cli import run
    except KeyboardInterrupt:
        from vadocs.i18n import _

        sys.stderr.write(_("interrupted: nothing was done") + "\n")
        sys.exit(130)
    run()


if __name__ == "__main__":
    main()
