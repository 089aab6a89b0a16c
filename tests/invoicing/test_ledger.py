"""The ledger: consecutive numbers, immutability, concurrency, cancellation, verification."""

from __future__ import annotations

import calendar
import hashlib
import io
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp
from click.testing import CliRunner
from PIL import Image

from tests.conftest import ROOT, copy_workspace, noon, small_client
from vadocs.build.results import BuildOptions
from vadocs.build.run import build
from vadocs.cli import main
from vadocs.invoicing.cancellation import cancel_invoice
from vadocs.invoicing.girocode import girocode_png
from vadocs.invoicing.ledger import Ledger

TODAY = date(2026, 12, 31)
"""The last day of the year: every month of 2026 has ended."""

CLIENT_HEAD = small_client(
    "Jahreskunde GmbH",
    "{art: stunden, stundensatz: 50.00, kontingent_stunden: 10}",
    "  - {art: vorauszahlung, zeitraum: 2026-01}\n",
)


def twelve_months() -> str:
    text = CLIENT_HEAD
    for month in range(2, 12):
        text += (
            f"  - art: monat\n    zeitraum: 2026-{month:02d}\n"
            f"    mehrstunden_vereinbart: {'true' if month >= 10 else 'false'}\n    zeiten:\n"
            f'      - {{datum: 2026-{month:02d}-10, taetigkeit: Postfach, dauer: "{month}:20"}}\n'
        )
    text += (
        "  - art: monat\n    zeitraum: 2026-12\n    positionen:\n"
        "      - {beschreibung: Jahresabschluss-Paket, einzelpreis: 480.00}\n"
    )
    return text


def hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and "-wal" not in p.name
        and "-shm" not in p.name
        and p.name != "template-checks.json"  # a cache of `check` results, not a document
    }


@pytest.fixture
def year_ws(tmp_path: Path) -> Path:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    for old in (ws / "kunden").glob("*.yaml"):
        old.unlink()
    (ws / "kunden" / "jahreskunde.yaml").write_text(twelve_months(), encoding="utf-8")
    return ws


def numbers(ws: Path) -> list[tuple[str, str, str, str]]:
    ledger = Ledger(ws / ".vadocs" / "ledger.sqlite")
    try:
        return [(i.number, i.kind, i.period, i.status) for i in ledger.all()]
    finally:
        ledger.close()


def month_end(month: int) -> date:
    return date(2026, month, calendar.monthrange(2026, month)[1])


def test_twelve_month_scenario(year_ws: Path) -> None:
    """Month by month on an injected clock: each month-end run issues that month only."""
    client = year_ws / "kunden" / "jahreskunde.yaml"
    for month in range(1, 13):
        report = build(
            [client],
            BuildOptions(pdf="require", today=month_end(month), now=noon(month_end(month))),
        )
        assert not report.failed, [c.error for c in report.clients]
        assert len(numbers(year_ws)) == month  # January: the advance
    issued = numbers(year_ws)
    assert [n for n, *_ in issued] == [f"2026-{i:04d}" for i in range(1, 13)]
    assert issued[0][1:3] == ("vorauszahlung", "2026-01")
    assert issued[-1][1:3] == ("monat", "2026-12")
    dates = issued_dates(year_ws)
    assert dates == sorted(dates) and dates[-1] == month_end(12)

    cancelled = cancel_invoice(
        client,
        "2026-0005",
        "Stunden doppelt erfasst",
        BuildOptions(pdf="require", today=month_end(12), now=noon(month_end(12))),
    )
    assert any("Stornorechnung_2026-0013" in p.name for p in cancelled.written)
    by_number = {n: rest for n, *rest in numbers(year_ws)}
    assert by_number["2026-0005"][2] == "cancelled"
    assert by_number["2026-0013"][:2] == ["storno", "2026-05"]

    # the cancelled month is re-issued with the next number; the rest stays as it was
    build([client], BuildOptions(pdf="require", today=month_end(12), now=noon(month_end(12))))
    before = hashes(year_ws)
    report = build(
        [client], BuildOptions(pdf="require", today=month_end(12), now=noon(month_end(12)))
    )
    assert not report.failed
    assert hashes(year_ws) == before
    assert all(not c.written for c in report.clients)
    assert sorted(n for n, *_ in numbers(year_ws))[-1] == "2026-0014"
    dates = issued_dates(year_ws)
    assert dates == sorted(dates)


def issued_dates(ws: Path) -> list[date]:
    """Invoice dates in number order."""
    ledger = Ledger(ws / ".vadocs" / "ledger.sqlite")
    try:
        return [i.issued_on for i in sorted(ledger.all(), key=lambda i: i.number)]
    finally:
        ledger.close()


def test_changed_issued_invoice_is_refused_and_nothing_changes(year_ws: Path) -> None:
    client = year_ws / "kunden" / "jahreskunde.yaml"
    assert not build([client], BuildOptions(pdf="off", today=TODAY, now=noon(TODAY))).failed
    before = hashes(year_ws)
    client.write_text(twelve_months().replace('dauer: "3:20"', 'dauer: "4:20"'), encoding="utf-8")
    before["kunden/jahreskunde.yaml"] = hashlib.sha256(client.read_bytes()).hexdigest()
    result = CliRunner().invoke(main, ["build", "--no-pdf", str(client)])
    assert result.exit_code == 1
    assert "invoice 2026-0003" in result.output
    assert "vadocs invoices cancel 2026-0003" in result.output
    assert hashes(year_ws) == before


def test_drafts_use_no_number(year_ws: Path) -> None:
    client = year_ws / "kunden" / "jahreskunde.yaml"
    report = build([client], BuildOptions(pdf="off", draft=True, today=TODAY, now=noon(TODAY)))
    assert not report.failed
    names = [p.name for c in report.clients for p in c.written]
    assert any("ENTWURF_Rechnung" in n for n in names)
    assert not (year_ws / ".vadocs" / "ledger.sqlite").exists() or numbers(year_ws) == []


CONCURRENT = 8


def test_processes_issuing_at_once_get_distinct_consecutive_numbers(tmp_path: Path) -> None:
    ws = copy_workspace("umsatzsteuer", tmp_path)
    for old in (ws / "kunden").glob("*.yaml"):
        old.unlink()
    head = CLIENT_HEAD.split("rechnungen:")[0]
    clients = []
    for i in range(CONCURRENT):
        path = ws / "kunden" / f"kunde-{i}.yaml"
        path.write_text(
            head + "rechnungen:\n  - {art: vorauszahlung, zeitraum: 2026-02}\n", encoding="utf-8"
        )
        clients.append(path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "vadocs", "build", "--no-pdf", str(c)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for c in clients
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    issued = numbers(ws)
    assert sorted(n for n, *_ in issued) == [f"2026-{i:04d}" for i in range(1, CONCURRENT + 1)]
    ledger = Ledger(ws / ".vadocs" / "ledger.sqlite")
    clients_seen = {i.client for i in ledger.all()}
    ledger.close()
    assert clients_seen == {f"kunde-{i}" for i in range(CONCURRENT)}


def test_verify_detects_a_changed_byte(year_ws: Path, runner: CliRunner) -> None:
    client = year_ws / "kunden" / "jahreskunde.yaml"
    assert not build([client], BuildOptions(pdf="off", today=TODAY, now=noon(TODAY))).failed
    import os

    os.chdir(year_ws)
    ok = runner.invoke(main, ["invoices", "verify"])
    assert ok.exit_code == 0, ok.output
    archived = sorted((year_ws / ".vadocs" / "archiv").rglob("*.docx"))[3]
    data = bytearray(archived.read_bytes())
    data[len(data) // 2] ^= 0x01
    archived.write_bytes(bytes(data))
    bad = runner.invoke(main, ["invoices", "verify"])
    assert bad.exit_code == 1
    assert archived.name in bad.output and "changed since it was issued" in bad.output
    archived.unlink()
    gone = runner.invoke(main, ["invoices", "verify"])
    assert "vanished" in gone.output


def test_girocode_decodes_to_the_epc_payload() -> None:
    png = girocode_png(
        "Anna Schmidt", "DE02120300000000202051", Decimal("1456.26"), "2026-0002", "BYLADEM1001"
    )
    (code,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert code.ec_level == "M"
    lines = code.text.split("\n")
    assert lines[:4] == ["BCD", "002", "1", "SCT"]
    assert lines[4:8] == ["BYLADEM1001", "Anna Schmidt", "DE02120300000000202051", "EUR1456.26"]
    assert lines[-1] == "Rechnung 2026-0002"


def test_export_csv_for_the_tax_advisor(year_ws: Path, runner: CliRunner) -> None:
    client = year_ws / "kunden" / "jahreskunde.yaml"
    assert not build([client], BuildOptions(pdf="off", today=TODAY, now=noon(TODAY))).failed
    import os

    os.chdir(year_ws)
    result = runner.invoke(main, ["invoices", "export", "--format", "csv", "--year", "2026"])
    assert result.exit_code == 0
    rows = [line.split(";") for line in result.output.lstrip("\ufeff").splitlines()]
    assert rows[0][:3] == ["Rechnungsnummer", "Rechnungsdatum", "Kunde"]
    assert rows[1][:3] == ["2026-0001", "31.12.2026", "Jahreskunde GmbH"]
    assert rows[1][6:8] == ["500,00", "95,00"]  # 10 h × 50 € advance, 19 % VAT
    assert len(rows) == 13


def test_backup_is_a_readable_copy(year_ws: Path, tmp_path: Path, runner: CliRunner) -> None:
    client = year_ws / "kunden" / "jahreskunde.yaml"
    assert not build([client], BuildOptions(pdf="off", today=TODAY, now=noon(TODAY))).failed
    import os

    os.chdir(year_ws)
    dest = tmp_path / "sicherung.sqlite"
    assert runner.invoke(main, ["invoices", "backup", str(dest)]).exit_code == 0
    copy = Ledger(dest)
    assert len(copy.all()) == 12
    copy.close()
    assert oct(dest.stat().st_mode & 0o777) == "0o600"


def test_root_is_this_repository() -> None:
    assert (ROOT / "pyproject.toml").is_file()
