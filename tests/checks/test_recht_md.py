"""docs/recht.md is the checklist the hints point to: current, and naming every ID checked."""

from __future__ import annotations

import re
import runpy

import pytest

from tests.conftest import ROOT

RECHT = ROOT / "docs" / "recht.md"
TOOL = runpy.run_path(str(ROOT / "tools" / "update_recht.py"))


def test_generated_table_is_current() -> None:
    text = RECHT.read_text(encoding="utf-8")
    assert TOOL["replace"](text) == text, "run: .venv/bin/python tools/update_recht.py"


def _review_rows() -> set[str]:
    text = RECHT.read_text(encoding="utf-8").split("## Entscheidungen")[0]
    return set(re.findall(r"^\| (R-[A-Z]+-\d\d) \|", text, re.MULTILINE))


def test_every_review_id_of_legal_md_has_a_row() -> None:
    legal = ROOT.parent / "shared" / "LEGAL.md"
    if not legal.is_file():
        pytest.skip("LEGAL.md is beside the repository only in the development layout")
    wanted = set(re.findall(r"^\| (R-[A-Z]+-\d\d) \|", legal.read_text(encoding="utf-8"), re.M))
    assert wanted and wanted <= _review_rows()


def test_every_id_the_rules_and_checks_report_is_explained() -> None:
    rows = _review_rows()
    rules = (ROOT / "vadocs" / "data" / "review_rules.py").read_text(encoding="utf-8")
    coverage = "".join(
        p.read_text(encoding="utf-8")
        for p in (ROOT / "vadocs" / "resources" / "coverage").glob("*.yaml")
    )
    reported = set(re.findall(r"R-[A-Z]+-\d\d", rules + coverage))
    assert reported <= rows, reported - rows


def test_hints_point_to_the_repository_checklist() -> None:
    for path in ("vadocs/checks/coverage.py", "vadocs/data/review_rules.py", "README.md"):
        text = (ROOT / path).read_text(encoding="utf-8")
        assert "docs/recht.md" in text, path
        assert "in LEGAL.md" not in text, path
