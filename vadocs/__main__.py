from __future__ import annotations

from vadocs.cli import main

main(prog_name="vadocs")
