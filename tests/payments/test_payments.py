"""Payments: statements in, the right invoices settled, open items right, re-import idempotent."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import build_in_steps, copy_workspace
from tests.payments.statements import Tx, camt053, mt940
from vadocs.cli import main
from vadocs.errors import LedgerError
from vadocs.invoicing.ledger import Ledger
from vadocs.payments import open_amount, open_items
from vadocs.payments.importing import add_payment, import_statements, match_by_hand, unmatched
from vadocs.payments.status import Zahlstatus, invoice_status, statuses
from vadocs.payments.store import PaymentStore


@pytest.fixture(autouse=True)
def german_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the German wording the assistant sees (the default language)."""
    monkeypatch.setenv("VADOCS_LANG", "de")


D = Decimal
CLOCK = datetime(2027, 1, 20, 9, 0)
MUELLER = "DE89370400440532013000"
FISCHER = "DE12500105170648489890"
ALPEN = "CH9300762011623852957"
JANUARY = "  - {art: monat, zeitraum: 2027-01, datum: 2027-01-31}\n"


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    """Three clients, six invoices, issued without PDFs (Lena Fischer's fixed-price
    January follows from her engagement at its end, issue 19)."""
    ws = copy_workspace("umsatzsteuer", tmp_path)
    (ws / "kunden" / "studio-wien.yaml").unlink()
    alpen = ws / "kunden" / "alpenblick-ag.yaml"
    alpen.write_text(alpen.read_text(encoding="utf-8") + JANUARY, encoding="utf-8")
    files = sorted((ws / "kunden").glob("*.yaml"))
    report = build_in_steps(files, date(2027, 1, 31), pdf="off")
    assert not report.failed, [c.error.format() for c in report.clients if c.error]
    return ws


def ledger_of(ws: Path) -> Ledger:
    return Ledger(ws / ".vadocs" / "ledger.sqlite")


STATEMENT = [
    Tx(date(2027, 1, 8), D("1309.00"), "Mueller und Soehne GmbH", MUELLER,
       "Rechnung 2026-0001", "R-1"),  # exact
    Tx(date(2027, 1, 9), D("200.00"), "Lena Fischer", FISCHER,
       "Rechnung 2026- 0002 Teilzahlung", "R-2"),  # partial, number split by the bank
    Tx(date(2027, 1, 12), D("2680.00"), "Alpenblick Reisen AG", ALPEN,
       "Rechnungen 2026-0003 2027-0001", "R-3"),  # two invoices, one transfer
    Tx(date(2027, 1, 14), D("77.00"), "Max Unbekannt", "DE75512108001245126199",
       "Spende", "R-4"),  # unknown
    Tx(date(2027, 1, 15), D("-12.50"), "Bank", "", "Kontofuehrung", "R-5"),  # outgoing
]  # fmt: skip


def invoices_of(ws: Path) -> dict[str, tuple[str, str]]:
    ledger = ledger_of(ws)
    try:
        return {i.number: (i.client, i.kind) for i in ledger.all()}
    finally:
        ledger.close()


def test_scenario_has_three_clients_and_six_invoices(scenario: Path) -> None:
    found = invoices_of(scenario)
    assert len(found) == 6
    assert len({client for client, _ in found.values()}) == 3
    assert found["2027-0001"] == ("alpenblick-ag", "monat")
    # derived, not listed: the month of a fixed price is invoiced once it has ended
    assert found["2027-0002"] == ("lena-fischer", "monat")


@pytest.mark.parametrize("version", ["02", "08"])
def test_camt053_import_settles_the_right_invoices(scenario: Path, version: str) -> None:
    statement = scenario / "auszug.xml"
    statement.write_bytes(camt053(version, STATEMENT))
    ledger = ledger_of(scenario)
    report = import_statements(ledger, [statement], CLOCK)
    assert len(report.new) == 5 and report.known == 0
    st = statuses(ledger)
    assert st["2026-0001"].status is Zahlstatus.BEZAHLT
    assert st["2026-0001"].paid_on == date(2027, 1, 8)
    assert st["2026-0002"].status is Zahlstatus.TEILWEISE
    assert st["2026-0002"].open == D("345.10") - D("200.00")
    assert st["2026-0003"].status is Zahlstatus.BEZAHLT
    assert st["2027-0001"].status is Zahlstatus.BEZAHLT
    assert st["2026-0004"].status is Zahlstatus.OFFEN
    items = open_items(ledger, date(2027, 1, 31))
    final = from_ledger_due(ledger, "2026-0004")
    assert [(i.number, i.open) for i in items] == [
        ("2026-0002", D("145.10")),
        ("2026-0004", final),
        ("2027-0002", D("345.10")),  # Lena Fischer's January, not in the statement
    ]
    assert [o.booking.payer for o in report.of_kind("unmatched")] == ["Max Unbekannt"]
    assert [o.booking.amount for o in report.of_kind("ignored")] == [D("-12.50")]
    assert [b.payer for b, _ in unmatched(ledger)] == ["Max Unbekannt"]
    ledger.close()


def from_ledger_due(ledger: Ledger, number: str) -> Decimal:
    """The final invoice's Zahlbetrag: its gross less the advance's gross."""
    final = ledger.get(number)
    advance = ledger.get("2026-0001")
    assert final is not None and advance is not None
    return final.gross - advance.gross


def test_reimport_changes_nothing(scenario: Path) -> None:
    statement = scenario / "auszug.xml"
    statement.write_bytes(camt053("08", STATEMENT))
    ledger = ledger_of(scenario)
    import_statements(ledger, [statement], CLOCK)
    before = PaymentStore(ledger).events(), statuses(ledger)
    again = import_statements(ledger, [statement], CLOCK)
    assert again.new == [] and again.known == len(STATEMENT)
    assert (PaymentStore(ledger).events(), statuses(ledger)) == before
    ledger.close()


def test_zip_and_mt940_give_the_same_result_as_xml(scenario: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("2027-01/auszug.xml", camt053("02", STATEMENT[:2]))
    (scenario / "a.zip").write_bytes(buffer.getvalue())
    (scenario / "b.sta").write_bytes(mt940(STATEMENT[2:]))
    ledger = ledger_of(scenario)
    import_statements(ledger, [scenario / "a.zip", scenario / "b.sta"], CLOCK)
    assert open_amount(ledger, "2026-0002") == D("145.10")
    assert open_amount(ledger, "2026-0003") == 0
    assert open_amount(ledger, "2027-0001") == 0
    ledger.close()


def test_payment_without_number_matches_by_amount_and_known_iban(scenario: Path) -> None:
    ledger = ledger_of(scenario)
    first = scenario / "1.xml"
    first.write_bytes(camt053("08", STATEMENT[:1]))
    import_statements(ledger, [first], CLOCK)  # teaches vadocs Müller's IBAN
    due = from_ledger_due(ledger, "2026-0004")
    second = scenario / "2.xml"
    second.write_bytes(camt053("08", [Tx(date(2027, 1, 20), due, "M", MUELLER, "Danke", "R-9")]))
    report = import_statements(ledger, [second], CLOCK)
    assert [a.number for a in report.new[0].allocations] == ["2026-0004"]
    assert invoice_status(ledger, "2026-0004").status is Zahlstatus.BEZAHLT
    ledger.close()


def test_unmatched_payment_lists_candidates_and_is_settled_by_hand(scenario: Path) -> None:
    ledger = ledger_of(scenario)
    statement = scenario / "s.xml"
    stranger = Tx(date(2027, 1, 20), D("145.10"), "L. Fischer-Meier", "DE44500105175407324931",
                  "Restzahlung", "R-7")  # fmt: skip
    statement.write_bytes(camt053("08", [*STATEMENT[1:2], stranger]))
    report = import_statements(ledger, [statement], CLOCK)
    (left,) = report.of_kind("unmatched")
    assert left.candidates[0].number == "2026-0002"
    assert "Betrag" in left.candidates[0].reasons
    match_by_hand(ledger, "R-7", ["2026-0002"], CLOCK)
    assert open_amount(ledger, "2026-0002") == 0
    assert unmatched(ledger) == []
    ledger.close()


def test_manual_payment_and_overpayment_and_refund(scenario: Path) -> None:
    ledger = ledger_of(scenario)
    with pytest.raises(LedgerError, match="Überzahlung"):
        add_payment(ledger, "2026-0002", D("400.00"), date(2027, 1, 3), "bar", CLOCK)
    assert invoice_status(ledger, "2026-0002").status is Zahlstatus.OFFEN
    add_payment(ledger, "2026-0002", D("400.00"), date(2027, 1, 3), "bar", CLOCK, overpay=True)
    assert invoice_status(ledger, "2026-0002").status is Zahlstatus.UEBERZAHLT
    refund = Tx(date(2027, 1, 10), D("-54.90"), "Lena Fischer", FISCHER,
                "Erstattung Rechnung 2026-0002", "R-8")  # fmt: skip
    (scenario / "r.xml").write_bytes(camt053("08", [refund]))
    report = import_statements(ledger, [scenario / "r.xml"], CLOCK)
    assert report.new[0].kind == "refund"
    st = invoice_status(ledger, "2026-0002")
    assert (st.status, st.paid, st.paid_on) == (Zahlstatus.BEZAHLT, D("345.10"), date(2027, 1, 3))
    ledger.close()


def test_open_items_as_of_a_day_ignore_later_payments(scenario: Path) -> None:
    ledger = ledger_of(scenario)
    add_payment(ledger, "2026-0002", D("345.10"), date(2027, 1, 3), "", CLOCK)
    before = {i.number for i in open_items(ledger, date(2027, 1, 2))}
    after = {i.number for i in open_items(ledger, date(2027, 1, 3))}
    assert "2026-0002" in before and "2026-0002" not in after
    ledger.close()


def test_events_are_append_only(scenario: Path) -> None:
    ledger = ledger_of(scenario)
    add_payment(ledger, "2026-0002", D("1.00"), date(2027, 1, 3), "", CLOCK)
    with pytest.raises(Exception, match="append-only"):
        ledger.db.execute("UPDATE payment_events SET amount_cents = 0")
    ledger.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<Document><unclosed></Document>", "kein gültiges XML"),
        (b"<Document xmlns='urn:example'/>", "kein camt-Kontoauszug"),
        (camt053("08", STATEMENT[:1]).replace(b"1309.00", b"13,09"), "kein Betrag"),
        (b":20:X\r\n:60F:C270101EUR0,00\r\n", "es fehlt: :25:, :61:"),
        (mt940(STATEMENT[:1]).split(b":62F:")[0][:-20], "Schlusssaldo"),  # cut off in :86:
        (b"Datum;Betrag\n", "weder camt"),
    ],
)
def test_invalid_statement_exits_1_and_writes_nothing(
    scenario: Path, content: bytes, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = scenario / "gut.xml"
    good.write_bytes(camt053("08", STATEMENT))
    bad = scenario / "kaputt.xml"
    bad.write_bytes(content)
    monkeypatch.chdir(scenario)
    result = CliRunner().invoke(main, ["payments", "import", str(good), str(bad)])
    assert result.exit_code == 1
    assert "kaputt.xml" in result.output and message in result.output
    ledger = ledger_of(scenario)
    assert PaymentStore(ledger).bookings() == []
    ledger.close()


def test_cli_import_list_open_and_csv(scenario: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (scenario / "auszug.xml").write_bytes(camt053("02", STATEMENT))
    monkeypatch.chdir(scenario)
    runner = CliRunner(env={"VADOCS_TODAY": "2027-01-31"})
    first = runner.invoke(main, ["payments", "import", "auszug.xml"])
    assert first.exit_code == 0, first.output
    assert "1 offen" in first.output and "5 neue Buchung(en)" in first.output
    again = runner.invoke(main, ["payments", "import", "auszug.xml"])
    assert "0 neue Buchung(en)" in again.output and "5 bereits bekannt" in again.output
    listed = runner.invoke(main, ["invoices", "list", "--open", "--date", "2027-01-31"])
    assert listed.exit_code == 0, listed.output
    rows = [line for line in listed.output.splitlines() if line.startswith("202")]
    assert [r.split()[0] for r in rows] == ["2026-0002", "2026-0004", "2027-0002"]
    assert "145,10" in rows[0] and rows[0].rstrip().endswith("–")
    csv = runner.invoke(main, ["invoices", "export", "--format", "csv"]).output
    head, *lines = csv.lstrip("\ufeff").splitlines()
    assert head.split(";")[-2:] == ["Bezahlt am", "Offener Betrag"]
    by_number = {line.split(";")[0]: line.split(";") for line in lines}
    assert by_number["2026-0001"][-2:] == ["08.01.2027", "0,00"]
    assert by_number["2026-0002"][-2:] == ["", "145,10"]
    added = runner.invoke(
        main, ["payments", "add", "2026-0002", "--amount", "145,10", "--date", "2027-01-25"]
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(main, ["invoices", "list", "--open", "--date", "2027-01-31"])
    assert "2026-0002" not in listed.output and "2026-0004" in listed.output


def test_a_second_transfer_for_a_paid_invoice_is_not_booked_as_overpayment(scenario: Path) -> None:
    """Field report: a repeated transfer put 1.456,26 € on an invoice with 147,26 € open."""
    ledger = ledger_of(scenario)
    add_payment(ledger, "2026-0002", D("345.10"), date(2027, 1, 3), "", CLOCK)
    again = Tx(date(2027, 1, 9), D("345.10"), "Lena Fischer", FISCHER,
               "Rechnung 2026-0002", "R-9")  # fmt: skip
    (scenario / "again.xml").write_bytes(camt053("08", [again]))
    report = import_statements(ledger, [scenario / "again.xml"], CLOCK)
    assert report.new[0].kind == "unmatched"
    assert invoice_status(ledger, "2026-0002").status is Zahlstatus.BEZAHLT
    with pytest.raises(LedgerError, match="Überzahlung"):
        match_by_hand(ledger, "R-9", ["2026-0002"], CLOCK)
    match_by_hand(ledger, "R-9", ["2026-0002"], CLOCK, overpay=True)
    assert invoice_status(ledger, "2026-0002").status is Zahlstatus.UEBERZAHLT
    ledger.close()


def test_the_same_booking_from_camt_and_mt940_counts_once(scenario: Path) -> None:
    """Field report: camt.053 names the account by IBAN, MT940 by BLZ/Konto; one booking."""
    ledger = ledger_of(scenario)
    (scenario / "a.xml").write_bytes(camt053("08", STATEMENT[:1]))
    (scenario / "a.sta").write_bytes(mt940(STATEMENT[:1]))
    first = import_statements(ledger, [scenario / "a.xml"], CLOCK)
    second = import_statements(ledger, [scenario / "a.sta"], CLOCK)
    assert len(first.new) == 1 and second.new == [] and second.known == 1
    ledger.close()
