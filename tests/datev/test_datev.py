"""DATEV EXTF Buchungsstapel: header and bookings field by field, encoding, documents ZIP."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.payments.statements import camt053
from tests.payments.test_payments import CLOCK, STATEMENT, ledger_of, scenario  # noqa: F401
from vadocs.cli import main
from vadocs.datev.export import DatevRequest, build_batch
from vadocs.datev.extf import COLUMNS
from vadocs.invoicing.invoice import Rechnung
from vadocs.invoicing.ledger import Issued
from vadocs.invoicing.snapshots import from_snapshot
from vadocs.model.datev import DatevEinstellungen
from vadocs.payments.importing import import_statements


@pytest.fixture(autouse=True)
def german_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the German wording the assistant sees (the default language)."""
    monkeypatch.setenv("VADOCS_LANG", "de")


SETTINGS = DatevEinstellungen(berater_nummer=29098, mandanten_nummer=55003)
CREATED = datetime(2027, 2, 1, 14, 4, 40, 439000)
DATEV_BLOCK = "datev:\n  berater_nummer: 29098\n  mandanten_nummer: 55003\n"


def parse(data: bytes) -> list[list[str]]:
    text = data.decode("cp1252")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def batch(ws: Path, first: date, last: date, **kw: object) -> list[list[str]]:
    ledger = ledger_of(ws)
    try:
        req = DatevRequest(SETTINGS, first, last, ws / "EXTF_x.csv", created=CREATED, **kw)  # type: ignore[arg-type]
        data, _ = build_batch(ledger, req)
    finally:
        ledger.close()
    return parse(data)


def test_header_fields(scenario: Path) -> None:  # noqa: F811
    header, titles, *_ = batch(scenario, date(2026, 1, 1), date(2026, 12, 31))
    assert len(header) == 31
    expected = {
        1: "EXTF", 2: "700", 3: "21", 4: "Buchungsstapel", 5: "13",
        6: "20270201140440439", 11: "29098", 12: "55003", 13: "20260101", 14: "4",
        15: "20260101", 16: "20261231", 19: "1", 21: "0", 22: "EUR", 27: "03",
    }  # fmt: skip
    assert {n: header[n - 1] for n in expected} == expected
    assert titles == list(COLUMNS) and len(titles) == 125


def rechnung_of(ws: Path, number: str) -> tuple[Issued, Rechnung]:
    ledger = ledger_of(ws)
    try:
        inv = ledger.get(number)
        assert inv is not None
        return inv, from_snapshot(inv.snapshot)
    finally:
        ledger.close()


def de(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def test_one_booking_per_invoice_and_rate(scenario: Path) -> None:  # noqa: F811
    _, _, *rows = batch(scenario, date(2026, 1, 1), date(2026, 12, 31))
    assert all(len(r) == 125 for r in rows)
    by_beleg = {r[10]: r for r in rows}
    assert sorted(by_beleg) == ["2026-0001", "2026-0002", "2026-0003", "2026-0004"]
    accounts = {r[10]: int(r[6]) for r in rows}
    assert accounts["2026-0001"] == accounts["2026-0004"]  # one debtor per client
    assert sorted(set(accounts.values())) == [10000, 10001, 10002]
    for number, revenue in [("2026-0001", "8400"), ("2026-0003", "8338")]:
        inv, r = rechnung_of(scenario, number)
        row = by_beleg[number]
        assert row[0] == de(r.brutto) and row[1] == "S" and row[2] == "EUR"
        assert row[7] == revenue and row[8] == ""
        assert row[9] == inv.issued_on.strftime("%d%m")
        assert row[114] == r.leistung_bis.strftime("%d%m%Y")
        assert row[116] == r.faellig.strftime("%d%m%Y")
        assert number in row[13]
    _, r = rechnung_of(scenario, "2026-0004")
    assert by_beleg["2026-0004"][0] == de(r.brutto - r.abzug_brutto)


def test_reverse_charge_and_cancellation(scenario: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.chdir(scenario)
    runner = CliRunner(env={"VADOCS_TODAY": "2026-12-31"})  # the day the scenario issued
    result = runner.invoke(
        main, ["invoices", "cancel", "2026-0003", "--reason", "Fehler", "--no-pdf"]
    )
    assert result.exit_code == 0, result.output
    _, _, *rows = batch(scenario, date(2026, 1, 1), date(2026, 12, 31))
    (storno,) = [r for r in rows if r[1] == "H"]
    original = next(r for r in rows if r[10] == "2026-0003" and r[1] == "S")
    assert storno[0] == original[0] and storno[6:8] == original[6:8]
    assert storno[10] == "2026-0003" and storno[11] == "2026-0005"


def test_skr04_and_payments(scenario: Path) -> None:  # noqa: F811
    (scenario / "a.xml").write_bytes(camt053("08", STATEMENT))
    ledger = ledger_of(scenario)
    import_statements(ledger, [scenario / "a.xml"], CLOCK)
    ledger.close()
    global SETTINGS
    old, SETTINGS = SETTINGS, SETTINGS.model_copy(update={"kontenrahmen": "SKR04"})
    try:
        header, _, *rows = batch(scenario, date(2027, 1, 1), date(2027, 12, 31), payments=True)
    finally:
        SETTINGS = old
    assert header[26] == "04"
    pays = [r for r in rows if r[6] == "1800"]
    assert sorted((r[10], r[0], r[1], r[9]) for r in pays) == [
        ("2026-0001", "1309,00", "S", "0801"),
        ("2026-0002", "200,00", "S", "0901"),
        ("2026-0003", "1430,00", "S", "1201"),
        ("2027-0001", "1250,00", "S", "1201"),
    ]
    # January's invoices: Alpenblick's (listed) and Lena Fischer's (derived, issue 19)
    jan, lena = sorted((r for r in rows if r[6] != "1800"), key=lambda r: r[10])
    assert jan[10] == "2027-0001" and jan[7] == "4338"
    assert lena[10] == "2027-0002" and lena[7] == "4400"


def test_range_across_fiscal_years_is_refused(scenario: Path) -> None:  # noqa: F811
    from vadocs.errors import VadocsError

    with pytest.raises(VadocsError, match="Wirtschaftsjahr"):
        batch(scenario, date(2026, 12, 1), date(2027, 1, 31))


def test_cli_writes_cp1252_file_and_flat_zip(
    scenario: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile = scenario / "vadocs.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + DATEV_BLOCK, encoding="utf-8")
    monkeypatch.chdir(scenario)
    out = scenario / "EXTF_2026.csv"
    args = ["invoices", "export", "--format", "datev", "--year", "2026", "-o", str(out)]
    result = CliRunner().invoke(main, [*args, "--with-documents"])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert "Müller".encode("cp1252") in raw and "Müller".encode() not in raw
    with zipfile.ZipFile(scenario / "EXTF_2026_Belege.zip") as z:
        assert all("/" not in n for n in z.namelist())
    assert "keine PDF" in result.output  # built with pdf="off"


def test_cli_without_datev_block_exits_1(scenario: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.chdir(scenario)
    result = CliRunner().invoke(main, ["invoices", "export", "--format", "datev", "--year", "2026"])
    assert result.exit_code == 1 and "datev:" in result.output
