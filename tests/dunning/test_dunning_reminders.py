"""Reminder levels, the € 40 rule, Mahnstopp, cancelled invoices, and `vadocs reminders`."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT, TODAY, copy_workspace, noon, pdf_text
from vadocs.build.results import BuildOptions
from vadocs.build.run import build
from vadocs.checks import check_templates
from vadocs.cli.app import main
from vadocs.data.workspace import Workspace
from vadocs.dunning.basiszins import load_table
from vadocs.dunning.claim import statement
from vadocs.dunning.levels import Faellig, next_level
from vadocs.dunning.records import Gesendet, sent_reminders
from vadocs.dunning.run import plan_reminders
from vadocs.dunning.sources import Forderung, issued_as_open
from vadocs.invoicing.cancellation import cancel_invoice
from vadocs.invoicing.ledger import Ledger
from vadocs.model.mahnwesen import Mahnwesen

SETTINGS = Mahnwesen(erinnerung_nach_tagen=7, mahnung_abstand_tagen=14, mahngebuehr=Decimal("5"))
DUE = date(2026, 3, 10)
ITEM = Forderung(
    "2026-0007", "kunde", date(2026, 2, 24), DUE, Decimal("500.00"), Decimal("500.00"), "open"
)


def _sent(level: int, on: date, fee: str = "0.00") -> Gesendet:
    zero = Decimal("0.00")
    return Gesendet(ITEM.number, level, on, on, None, zero, zero, zero, Decimal(fee), zero, {})


def test_levels_follow_the_profile_intervals() -> None:
    first = DUE + timedelta(days=7)
    assert next_level(ITEM, [], SETTINGS, first - timedelta(days=1)) is None
    assert next_level(ITEM, [], SETTINGS, first) == 0
    after_first = [_sent(0, first)]
    assert next_level(ITEM, after_first, SETTINGS, first + timedelta(days=13)) is None
    assert next_level(ITEM, after_first, SETTINGS, first + timedelta(days=14)) == 1
    second = first + timedelta(days=14)
    after_second = [*after_first, _sent(1, second)]
    assert next_level(ITEM, after_second, SETTINGS, second + timedelta(days=14)) == 2
    done = [*after_second, _sent(2, second + timedelta(days=14))]
    assert next_level(ITEM, done, SETTINGS, date(2027, 1, 1)) is None


@pytest.mark.parametrize("status", ["paid", "overpaid", "cancelled", "written_off"])
def test_no_reminder_for_settled_or_cancelled_invoices(status: str) -> None:
    assert next_level(replace(ITEM, status=status), [], SETTINGS, date(2027, 1, 1)) is None
    assert (
        next_level(replace(ITEM, open_amount=Decimal("0.00")), [], SETTINGS, date(2027, 1, 1))
        is None
    )


@pytest.mark.parametrize("business", [True, False])
def test_flat_fee_only_for_businesses_and_only_in_default(business: bool) -> None:
    table = load_table()
    early = statement(Faellig(ITEM, 0, DUE + timedelta(days=7)), [], business, SETTINGS, table)
    assert early.verzug is None and early.pauschale == 0 and early.zinsen == 0
    late = statement(Faellig(ITEM, 0, DUE + timedelta(days=40)), [], business, SETTINGS, table)
    assert late.verzug is not None
    assert late.pauschale == (Decimal("40.00") if business else 0)
    assert late.zinsen > 0
    assert late.gesamt == late.offen + late.zinsen + late.pauschale + late.gebuehren


def test_reminder_fees_are_credited_against_the_flat_fee_and_interest_is_on_the_open_amount() -> (
    None
):
    table = load_table()
    partly = replace(ITEM, open_amount=Decimal("200.00"), status="partly_paid")
    previous = [_sent(0, DUE + timedelta(days=7)), _sent(1, DUE + timedelta(days=21), "5.00")]
    day = DUE + timedelta(days=35)
    business = statement(Faellig(partly, 2, day), previous, True, SETTINGS, table)
    consumer = statement(Faellig(partly, 2, day), previous, False, SETTINGS, table)
    assert business.gebuehr == consumer.gebuehr == Decimal("5")
    assert business.gebuehren == 0  # 10 € of fees are covered by the 40 € flat fee
    assert consumer.gebuehren == Decimal("10.00")
    assert business.offen == Decimal("200.00")
    assert business.zinsabschnitte[0].von == DUE + timedelta(days=7 + 1)  # day after receipt
    assert all(
        s.exakt == Decimal("200.00") * s.zinssatz * s.tage / (100 * s.jahrestage)
        for s in business.zinsabschnitte
    )


# --- Through the ledger and the command line -------------------------------------------------


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Path]:
    """The umsatzsteuer example with its invoices issued (DOCX only, no LibreOffice)."""
    root = copy_workspace("umsatzsteuer", tmp_path)
    files = sorted((root / "kunden").glob("*.yaml"))
    report = build(files, BuildOptions(pdf="off", today=TODAY, now=noon(TODAY)))
    assert not report.failed
    old = Path.cwd()
    os.chdir(root)
    try:
        yield root
    finally:
        os.chdir(old)


def _plan(root: Path, on: date):  # type: ignore[no-untyped-def]
    workspace = Workspace(root, root / "vadocs.yaml")
    with closing(Ledger(root / ".vadocs" / "ledger.sqlite")) as ledger:
        return plan_reminders(workspace, ledger, on), issued_as_open(ledger, on)


def test_levels_by_date_through_the_ledger(ws: Path) -> None:
    plan, items = _plan(ws, date(2026, 12, 1))
    assert plan.vorschlaege == []
    due = {f.number: f.due_on for f in items}
    first = min(due.values())
    plan, _ = _plan(ws, first + timedelta(days=7))
    assert {v.faellig.forderung.number for v in plan.vorschlaege} == {
        n for n, d in due.items() if d <= first
    }
    assert all(v.faellig.stufe == 0 for v in plan.vorschlaege)


def test_mahnstopp_holds_the_client_back(ws: Path) -> None:
    file = ws / "kunden" / "mueller-gmbh.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(
        text.replace(
            "abrechnung:\n",
            "abrechnung:\n  mahnstopp: true\n  mahnstopp_grund: Ratenzahlung vereinbart\n",
            1,
        ),
        encoding="utf-8",
    )
    assert "mahnstopp: true" in file.read_text(encoding="utf-8")
    plan, _ = _plan(ws, date(2027, 3, 1))
    assert not [v for v in plan.vorschlaege if v.engagement.kuerzel == "mueller-gmbh"]
    held = {h.forderung.client: h.grund for h in plan.zurueckgestellt}
    assert held["mueller-gmbh"] == "Mahnstopp: Ratenzahlung vereinbart"
    assert plan.vorschlaege, "the other clients are still reminded"


def test_no_reminder_for_a_cancelled_invoice(ws: Path) -> None:
    _, items = _plan(ws, date(2027, 3, 1))
    number = next(f.number for f in items if f.client == "lena-fischer")
    result = cancel_invoice(
        ws / "kunden" / "lena-fischer.yaml",
        number,
        "verschoben",
        BuildOptions(pdf="off", today=TODAY, now=noon(TODAY)),
    )
    assert result.error is None
    plan, items = _plan(ws, date(2027, 3, 1))
    assert number not in {v.faellig.forderung.number for v in plan.vorschlaege}
    assert all(f.number != number or f.status == "cancelled" for f in items)
    assert all(v.faellig.forderung.gross > 0 for v in plan.vorschlaege)  # no Stornorechnung


def test_nothing_due_says_so_and_exits_zero(ws: Path) -> None:
    result = CliRunner().invoke(main, ["reminders", "--date", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert "keine Zahlungserinnerung und keine Mahnung fällig" in result.output


def test_build_writes_archives_and_records_each_reminder(ws: Path) -> None:
    day = "2027-01-20"
    listed = CliRunner().invoke(main, ["reminders", "--date", day])
    assert listed.exit_code == 0, listed.output
    assert "Zahlungserinnerung" in listed.output and "mueller-gmbh" in listed.output
    built = CliRunner(env={"VADOCS_TODAY": day}).invoke(
        main, ["reminders", "--date", day, "--build"]
    )
    assert built.exit_code == 0, built.output
    pdfs = sorted((ws / "out").rglob("*_Zahlungserinnerung_*.pdf"))
    assert pdfs, built.output
    with closing(Ledger(ws / ".vadocs" / "ledger.sqlite")) as ledger:
        recorded = sent_reminders(ledger)
        invoices = {i.number: i for i in ledger.all()}
    business = next(p for p in pdfs if "mueller-gmbh" in p.name)
    number = business.name.split("_")[2]
    (row,) = recorded[number]
    assert (row.level, row.sent_on) == (0, date(2027, 1, 20))
    assert row.flat_fee == Decimal("40.00") and row.default_since is not None
    archived = ws / ".vadocs" / "archiv" / "mahnungen" / number
    assert {p.name for p in archived.iterdir()} == set(row.files)
    text = " ".join(pdf_text(business).split())
    assert (
        f"Rechnung Nr. {number}" in text
        and "Verzugspauschale nach § 288 Abs. 5 BGB 40,00 €" in text
    )
    assert f"seit dem {row.default_since.day}." in text
    consumer = next(p for p in pdfs if "lena-fischer" in p.name)
    assert "§ 288 Abs. 5" not in pdf_text(consumer) and "40,00 €" not in pdf_text(consumer)
    # The reminder took no number of the invoice series.
    with closing(Ledger(ws / ".vadocs" / "ledger.sqlite")) as ledger:
        assert {i.number: i for i in ledger.all()}.keys() == invoices.keys()
    again = CliRunner(env={"VADOCS_TODAY": day}).invoke(
        main, ["reminders", "--date", day, "--build"]
    )
    assert again.exit_code == 0 and "keine Zahlungserinnerung" in again.output
    db = sqlite3.connect(ws / ".vadocs" / "ledger.sqlite")
    assert db.execute("SELECT count(*) FROM reminders").fetchone()[0] == len(pdfs)


def test_mahnung_template_passes_check_strict() -> None:
    result = check_templates(
        None, None, True, files=[ROOT / "vadocs" / "templates_de" / "mahnung.docx"]
    )
    assert not result.failed, [p.format() for p in result.problems]
    assert result.renders >= 3


def test_coverage_catches_a_missing_flat_fee(tmp_path: Path) -> None:
    coverage = tmp_path / "coverage"
    coverage.mkdir()
    source = (ROOT / "vadocs" / "resources" / "coverage" / "mahnung.yaml").read_text(
        encoding="utf-8"
    )
    (coverage / "mahnung.yaml").write_text(
        source.replace("Verzugspauschale\\\\s+nach", "Pauschalbetrag\\\\s+nach"), encoding="utf-8"
    )
    result = check_templates(
        None,
        None,
        True,
        files=[ROOT / "vadocs" / "templates_de" / "mahnung.docx"],
        coverage_dir=coverage,
    )
    assert any("MA-06" in p.message for p in result.errors)


def test_mahnstopp_needs_a_reason() -> None:
    from pydantic import ValidationError

    from vadocs.model.client import Abrechnung

    with pytest.raises(ValidationError, match="mahnstopp_grund"):
        Abrechnung(mahnstopp=True)
    assert Abrechnung(mahnstopp=True, mahnstopp_grund="Ratenzahlung").mahnstopp


def test_a_part_paid_during_default_is_charged_until_it_arrived() -> None:
    """1.309 € in default since mid-December, 500 € paid on 05.01.2027, reminder on 08.01.2027:
    interest on 1.309 € until 04.01. and on 809 € for 05.01.–08.01. (field report)."""
    table = load_table()
    paid = (date(2027, 1, 5), Decimal("500.00"))
    item = Forderung(
        "2026-0001",
        "kunde",
        date(2026, 11, 20),
        date(2026, 12, 4),
        Decimal("1309.00"),
        Decimal("809.00"),
        "partly_paid",
        (paid,),
    )
    previous = [_sent(0, date(2026, 12, 11)), _sent(1, date(2026, 12, 25))]
    claim = statement(Faellig(item, 2, date(2027, 1, 8)), previous, True, SETTINGS, table)
    assert claim.verzug is not None
    expected = Decimal(0)
    day = claim.verzug.zinsbeginn
    while day <= date(2027, 1, 8):  # an independent day count
        principal = Decimal("1309.00") if day < paid[0] else Decimal("809.00")
        rate = table.rate_on(day) + 9
        expected += principal * rate / (100 * (366 if day.year % 4 == 0 else 365))
        day += timedelta(days=1)
    assert abs(sum(s.exakt for s in claim.zinsabschnitte) - expected) < Decimal("0.000001")
    assert [s.kapital for s in claim.zinsabschnitte][-1] == Decimal("809.00")
    assert claim.zinsen == sum(s.betrag for s in claim.zinsabschnitte)
    assert claim.zinsen > Decimal("8.00")  # not 5,69 € as when 809 € counted throughout
