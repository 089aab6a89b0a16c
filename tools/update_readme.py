"""Regenerate the CLI reference block in README.md from the commands' help texts."""

from __future__ import annotations

import os
from pathlib import Path

os.environ["VADOCS_LANG"] = "en"  # the README is for developers; set before the help is built

from vadocs.cli import main
from vadocs.cli.reference import reference, replace_block

README = Path(__file__).resolve().parent.parent / "README.md"

if __name__ == "__main__":
    README.write_text(
        replace_block(README.read_text(encoding="utf-8"), reference(main)), encoding="utf-8"
    )
    print(f"updated {README}")
