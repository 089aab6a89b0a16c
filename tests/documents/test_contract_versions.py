"""Issue 13, findings 4–7: samples, acceptance, contract versions, invoices that agree with it."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tests.invoicing.test_irreversible import (
    ADVANCE_AND_FINAL,
    MONTH,
    NOV,
    clock,
    error_of,
    invoices,
    state,
    warnings_of,
)
from tests.invoicing.test_irreversible import client as write_client
from vadocs.build.run import build
from vadocs.data.scaffold import create_workspace
from vadocs.invoicing.ledger import sha256


def docx_text(path: Path) -> str:
    return zipfile.ZipFile(path).read("word/document.xml").decode() + "".join(
        zipfile.ZipFile(path).read(n).decode()
        for n in zipfile.ZipFile(path).namelist()
        if n.startswith("word/footer")
    )


def test_the_sample_workspace_issues_nothing(tmp_path: Path) -> None:
    create_workspace(tmp_path / "neu")
    sample = tmp_path / "neu" / "kunden" / "beispiel-gmbh.yaml"
    report = build([sample], clock(date(2027, 1, 5)))
    assert not report.failed
    assert "beispiel: true" in warnings_of(report) and "To start for real" in warnings_of(report)
    names = sorted(p.name for p in (tmp_path / "neu" / "out" / "beispiel-gmbh").iterdir())
    invoices_written = [n for n in names if "Rechnung" in n]
    assert invoices_written and all("ENTWURF" in n for n in invoices_written)
    assert len(invoices_written) == 2  # advance and final: two drafts, not one overwritten
    assert invoices(tmp_path / "neu") == []


def unaccepted(path: Path) -> None:
    path.write_text(path.read_text().replace("  angenommen_am: 2026-01-03\n", ""))


def test_until_acceptance_every_invoice_is_a_draft(ws: Path) -> None:
    file = write_client(ws, ADVANCE_AND_FINAL)
    unaccepted(file)
    report = build([file], clock(date(2026, 11, 2)))
    assert not report.failed and "has not accepted the order yet" in warnings_of(report)
    assert invoices(ws) == []
    assert all("ENTWURF" in p.name for p in (ws / "out" / "kunde").glob("*Rechnung*"))
    file.write_text(
        file.read_text().replace(
            "  datum: 2026-01-02\n", "  datum: 2026-01-02\n  angenommen_am: 2026-11-01\n"
        )
    )
    assert not build([file], clock(date(2026, 11, 2))).failed
    assert [k for _, k, *_ in invoices(ws)] == ["vorauszahlung", "schluss"]


def test_a_changed_unaccepted_contract_becomes_version_2(ws: Path) -> None:
    file = write_client(ws, "  []\n")
    unaccepted(file)
    assert not build([file], clock(date(2026, 1, 2))).failed
    first = ws / "out" / "kunde" / "2026-01-02_Auftragsbestaetigung_kunde.docx"
    kept = first.read_bytes()
    file.write_text(file.read_text().replace("stundensatz: 50.00", "stundensatz: 52.00"))
    assert not build([file], clock(date(2026, 1, 9))).failed
    second = ws / "out" / "kunde" / "2026-01-09_Auftragsbestaetigung_Fassung-2_kunde.docx"
    assert second.is_file() and first.read_bytes() == kept
    assert "Fassung 2 vom 09.01.2026" in docx_text(second)
    assert "52,00" in docx_text(second) and "52,00" not in docx_text(first)


def test_a_changed_accepted_contract_is_refused_naming_the_fields(ws: Path) -> None:
    file = write_client(ws, "  []\n")
    assert not build([file], clock(date(2026, 1, 5))).failed
    before = state(ws)
    file.write_text(file.read_text().replace("stundensatz: 50.00", "stundensatz: 60.00"))
    message = error_of(build([file], clock(date(2026, 1, 9))))
    assert "accepted by the client" in message and "verguetung.stundensatz" in message
    assert "Nachtrag" in message
    assert state(ws) == before


def test_a_template_change_does_not_touch_an_accepted_contract(ws: Path) -> None:
    file = write_client(ws, "  []\n")
    assert not build([file], clock(date(2026, 1, 5))).failed
    before = state(ws)
    report = build([file], clock(date(2026, 2, 1)))
    assert not report.failed and state(ws) == before


@pytest.mark.parametrize(
    ("rechnungen", "expected"),
    [
        (
            NOV + "    positionen:\n      - {beschreibung: Messe, menge: 3, einheit: Std., "
            "einzelpreis: 60.00}\n",
            "60,00 € per hour, but the contract agrees 50,00 €",
        ),
        (NOV.replace('"2:00"', '"11:45"'), "11,75 h billed against a contingent of 10,00 h"),
    ],
    ids=["price", "contingent"],
)
def test_invoices_that_disagree_with_the_contract_are_refused(
    ws: Path, rechnungen: str, expected: str
) -> None:
    file = write_client(ws, rechnungen, MONTH)
    before = state(ws)
    message = error_of(build([file], clock(date(2026, 12, 3))))
    assert expected in message
    assert state(ws) == before
    fixed = rechnungen.replace("einzelpreis: 60.00}", "einzelpreis: 60.00, abweichung: Wochenende}")
    fixed = fixed.replace(
        "zeitraum: 2026-11\n", "zeitraum: 2026-11\n    mehrstunden_vereinbart: true\n"
    )
    write_client(ws, fixed, MONTH)
    assert not build([file], clock(date(2026, 12, 3))).failed


def test_recorded_hours_and_a_notice_are_no_contract_change(ws: Path) -> None:
    # Issue 19: abrechnung.zeiten/zeiten_csv and auftrag.gekuendigt_zum are bookkeeping
    # under the contract; abrechnung.anteilig is printed in the order confirmation.
    file = write_client(ws, "  []\n")
    assert not build([file], clock(date(2026, 1, 5))).failed
    hours = (
        "abrechnung:\n  zeiten:\n"
        '    - {datum: 2026-01-07, taetigkeit: Postfach, dauer: "2:00"}\n'
        "  zeiten_csv: zeiten/export.csv\n  zeiten_kunde: Kunde GmbH\n"
    )
    file.write_text(file.read_text() + hours)
    (file.parent / "zeiten").mkdir()
    (file.parent / "zeiten" / "export.csv").write_text("Datum;Dauer;Tätigkeit\n", "utf-8")
    assert not build([file], clock(date(2026, 1, 9))).failed
    file.write_text(
        file.read_text().replace(
            "  beginn: 2026-01-05\n", "  beginn: 2026-01-05\n  gekuendigt_zum: 2026-06-30\n"
        )
    )
    assert not build([file], clock(date(2026, 1, 12))).failed
    before = state(ws)
    file.write_text(file.read_text().replace("abrechnung:\n", "abrechnung:\n  anteilig: tage\n"))
    message = error_of(build([file], clock(date(2026, 1, 14))))
    assert "accepted by the client" in message and "abrechnung.anteilig" in message
    assert "zeiten" not in message.split("changed since:")[1]
    assert state(ws) == before


def test_a_contract_recorded_before_anteilig_existed_is_unchanged(ws: Path) -> None:
    # An accepted contract recorded by a vadocs without abrechnung.anteilig (issue 19) is
    # the same contract at the default voller_monat; tage is a change.
    file = write_client(ws, "  []\n")
    assert not build([file], clock(date(2026, 1, 5))).failed
    store = ws / ".vadocs" / "vertraege.json"
    data = json.loads(store.read_text())
    for versions in data["kunde"].values():
        for v in versions:
            del v["snapshot"]["abrechnung.anteilig"]
            v["data_hash"] = sha256(json.dumps(v["snapshot"], sort_keys=True).encode())
    store.write_text(json.dumps(data))
    before = state(ws)
    assert not build([file], clock(date(2026, 1, 9))).failed
    assert state(ws) == before
    file.write_text(file.read_text() + "abrechnung:\n  anteilig: tage\n")
    message = error_of(build([file], clock(date(2026, 1, 14))))
    assert "accepted by the client" in message and "abrechnung.anteilig" in message
