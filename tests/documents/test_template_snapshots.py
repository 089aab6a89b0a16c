"""The plain-text snapshots beside the Word templates are current (``make templates-text``).

The .docx files are the one source of the templates; their text, tags included, is kept next
to them as ``NAME.txt`` so that a pull request shows a changed clause in words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from vadocs.documents.text import template_text

TEMPLATES = sorted((ROOT / "vadocs" / "templates_de").glob("*.docx"))


def test_there_are_templates() -> None:
    assert len(TEMPLATES) >= 4


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_snapshot_is_current(template: Path) -> None:
    snapshot = template.with_suffix(".txt")
    assert snapshot.is_file(), f"run `make templates-text` to write {snapshot.name}"
    assert snapshot.read_text(encoding="utf-8") == template_text(template), (
        f"{snapshot.name} is out of date: run `make templates-text`"
    )
