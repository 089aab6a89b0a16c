"""Saxon in a helper process: the same reports as in-process, and no helper left over."""

from __future__ import annotations

from pathlib import Path

import pytest

from vadocs.einvoice.rulesets import facturx_dir
from vadocs.einvoice.saxon_child import SaxonChild
from vadocs.errors import EInvoiceError

RULES = next(facturx_dir("facturx-minimum").glob("*.xsl*"))
NOT_AN_INVOICE = "<invoice/>"


def test_reports_and_stops(tmp_path: Path) -> None:
    child = SaxonChild()
    svrl = child.transform(RULES, NOT_AN_INVOICE)
    assert "schematron-output" in svrl
    proc = child._proc
    assert proc is not None and proc.poll() is None
    child.close()
    assert proc.poll() is not None, "the helper has ended"
    assert "schematron-output" in child.transform(RULES, NOT_AN_INVOICE), "started again"
    child.close()


def test_saxon_errors_are_einvoice_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xsl"
    broken.write_text("<not-a-stylesheet/>")
    child = SaxonChild()
    try:
        with pytest.raises(EInvoiceError, match=r"broken\.xsl failed to run"):
            child.transform(broken, NOT_AN_INVOICE)
        assert "schematron-output" in child.transform(RULES, NOT_AN_INVOICE), "still serving"
    finally:
        child.close()


def test_a_dead_helper_is_an_error_then_replaced() -> None:
    child = SaxonChild()
    try:
        child.transform(RULES, NOT_AN_INVOICE)
        assert child._proc is not None
        child._proc.stdout.close()  # type: ignore[union-attr]  # the answers are lost
        with pytest.raises(EInvoiceError, match="Saxon helper died"):
            child.transform(RULES, NOT_AN_INVOICE)
        assert "schematron-output" in child.transform(RULES, NOT_AN_INVOICE)
    finally:
        child.close()
