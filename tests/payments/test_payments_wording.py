"""The final invoice names the advance as paid only when the ledger knows it was paid."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import copy_workspace, noon
from vadocs.build.results import BuildOptions
from vadocs.build.run import build
from vadocs.invoicing.ledger import Ledger
from vadocs.payments.importing import add_payment


def final_invoice_text(ws: Path) -> str:
    (docx,) = (ws / "out" / "mueller-gmbh").glob("*Rechnung_2026-0002*.docx")
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode()
    return " ".join("".join(part.split(">")[-1] for part in xml.split("<")).split())


@pytest.mark.parametrize("paid", [True, False])
def test_advance_wording_follows_payment_status(tmp_path: Path, paid: bool) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    for other in ("studio-wien", "alpenblick-ag", "lena-fischer"):
        (ws / "kunden" / f"{other}.yaml").unlink()
    client = ws / "kunden" / "mueller-gmbh.yaml"
    full = client.read_text(encoding="utf-8")
    head = full.partition("rechnungen:")[0]
    # first only the advance invoice (derived from the engagement, issue 19)
    client.write_text(head, encoding="utf-8")
    options = BuildOptions(
        pdf="off",
        today=date(2026, 11, 23),
        only=frozenset({"rechnung"}),
        now=noon(date(2026, 11, 23)),
    )
    assert not build([client], options).failed
    ledger = Ledger(ws / ".vadocs" / "ledger.sqlite")
    if paid:
        add_payment(ledger, "2026-0001", Decimal("1309.00"), date(2026, 11, 25))
    ledger.close()
    client.write_text(full, encoding="utf-8")
    options = BuildOptions(
        pdf="off",
        today=date(2026, 12, 31),
        only=frozenset({"rechnung"}),
        now=noon(date(2026, 12, 31)),
    )
    assert not build([client], options).failed
    text = final_invoice_text(ws)
    if paid:
        assert "Die geleistete Vorauszahlung ist" in text
        assert "gemäß Rechnung" not in text
    else:
        assert "Die Vorauszahlung gemäß Rechnung Nr. 2026-0001 vom 23.11.2026 ist" in text
        assert "geleistete" not in text
