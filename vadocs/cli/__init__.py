"""The ``vadocs`` command line: one thin module per command group.

Commands parse options, call one library function and print its result; problems become
exit status 1, wrong usage 2, an interruption 130 (see :data:`app.EXIT_STATUS`).
"""

from vadocs.cli.app import EXIT_STATUS, main, run

__all__ = ["EXIT_STATUS", "main", "run"]
