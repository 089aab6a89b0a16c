"""Fixtures of the invoicing tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_workspace


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """The VAT-registered example workspace without its clients."""
    folder = copy_workspace("umsatzsteuer", tmp_path)
    for old in (folder / "kunden").glob("*.yaml"):
        old.unlink()
    return folder
