"""Regenerate README.md's CLI reference (from the help texts) and its table of time-tracker
formats (from :data:`vadocs.timesheets.table.FORMATS`)."""

from __future__ import annotations

import os
from pathlib import Path

os.environ["VADOCS_LANG"] = "en"  # the README is for developers; set before the help is built

from vadocs.cli import main
from vadocs.cli.reference import reference, replace_block
from vadocs.timesheets.table import replace_table

README = Path(__file__).resolve().parent.parent / "README.md"

if __name__ == "__main__":
    README.write_text(
        replace_table(replace_block(README.read_text(encoding="utf-8"), reference(main))),
        encoding="utf-8",
    )
    print(f"updated {README}")
