from __future__ import annotations

from vadocs.cli import run

run()
