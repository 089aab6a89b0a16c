"""Nothing irreversible from a bad state (issue 13): one regression test per finding.

Every refusal is proven to leave the ledger and out/ untouched.
"""

from __future__ import annotations

import hashlib
import io
import re
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import noon, small_client
from vadocs.build.results import BuildOptions, BuildReport
from vadocs.build.run import build
from vadocs.invoicing.cancellation import cancel_invoice
from vadocs.invoicing.ledger import Ledger
from vadocs.invoicing.reports import verify

MONTH = "{art: stunden, stundensatz: 50.00, kontingent_stunden: 10}"
NOV = "  - art: monat\n    zeitraum: 2026-11\n    zeiten:\n" + (
    '      - {datum: 2026-11-10, taetigkeit: Postfach, dauer: "2:00"}\n'
)
ADVANCE_AND_FINAL = (
    "  - {art: vorauszahlung, zeitraum: 2026-10}\n"
    "  - art: schluss\n    zeitraum: 2026-10\n    zeiten:\n"
    '      - {datum: 2026-10-12, taetigkeit: Postfach, dauer: "9:00"}\n'
)


def clock(day: date) -> BuildOptions:
    return BuildOptions(pdf="off", today=day, now=noon(day))


def client(ws: Path, rechnungen: str, verguetung: str = MONTH, name: str = "kunde") -> Path:
    path = ws / "kunden" / f"{name}.yaml"
    path.write_text(small_client("Kunde GmbH", verguetung, rechnungen), encoding="utf-8")
    return path


def state(ws: Path) -> dict[str, str]:
    """Every file of out/ and the ledger's rows: what a refusal must leave as it was."""
    files = {
        str(p.relative_to(ws)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((ws / "out").rglob("*"))
        if p.is_file()
    }
    db = ws / ".vadocs" / "ledger.sqlite"
    files["ledger"] = files["series"] = "[]"  # an empty ledger file is no change
    if db.is_file():
        with sqlite3.connect(db) as con:
            files["ledger"] = repr(con.execute("SELECT * FROM invoices ORDER BY number").fetchall())
            files["series"] = repr(con.execute("SELECT * FROM series").fetchall())
    return files


def invoices(ws: Path) -> list[tuple[str, str, str, date, str]]:
    ledger = Ledger(ws / ".vadocs" / "ledger.sqlite")
    try:
        return [(i.number, i.kind, i.period, i.issued_on, i.status) for i in ledger.all()]
    finally:
        ledger.close()


def error_of(report: BuildReport) -> str:
    (result,) = report.clients
    assert result.error is not None
    return result.error.format()


def warnings_of(report: BuildReport) -> str:
    return "\n".join(w.format() for c in report.clients for w in c.warnings)


# -- 1. truthful dates ----------------------------------------------------------------------


def test_an_invoice_is_dated_the_day_it_is_issued_with_the_utc_timestamp(ws: Path) -> None:
    file = client(ws, NOV)
    assert not build([file], clock(date(2026, 12, 3))).failed
    assert invoices(ws) == [("2026-0001", "monat", "2026-11", date(2026, 12, 3), "issued")]
    ledger = Ledger(ws / ".vadocs" / "ledger.sqlite")
    assert ledger.get("2026-0001").issued_at == "2026-12-03T09:30:00+00:00"  # type: ignore[union-attr]
    ledger.close()
    # a rebuild on a later day returns the archived files byte for byte
    before = state(ws)
    report = build([file], clock(date(2027, 2, 1)))
    assert not report.failed and state(ws) == before


def test_a_period_that_has_not_ended_is_not_issued(ws: Path) -> None:
    file = client(ws, NOV)
    report = build([file], clock(date(2026, 11, 27)))
    assert not report.failed
    assert "period ends on 30.11.2026" in warnings_of(report)
    assert "--draft" in warnings_of(report)
    assert not (ws / ".vadocs" / "ledger.sqlite").is_file() or not invoices(ws)
    assert not list((ws / "out").rglob("*Rechnung*"))


def test_the_month_asked_for_by_name_is_not_issued_before_its_end(ws: Path) -> None:
    file = client(ws, NOV)
    options = BuildOptions(
        pdf="off", today=date(2026, 11, 27), period="2026-11", now=noon(date(2026, 11, 27))
    )
    before = state(ws)
    report = build([file], options)  # a warning, not a refusal: the rest of the month issues
    assert [c.error for c in report.clients] == [None]
    message = warnings_of(report)
    assert "Rechnung November 2026 for kunde" in message and "--draft" in message
    assert state(ws) == before


def test_a_future_datum_in_the_client_file_is_not_issued(ws: Path) -> None:
    nov = NOV.replace("zeitraum: 2026-11\n", "zeitraum: 2026-11\n    datum: 2026-12-20\n")
    file = client(ws, nov)
    before = state(ws)
    report = build([file], clock(date(2026, 12, 3)))
    assert "would be dated 20.12.2026, after today (03.12.2026)" in warnings_of(report)
    assert "remove datum:" in warnings_of(report)
    assert {k: v for k, v in state(ws).items() if "Rechnung" in k} == {}
    assert state(ws)["ledger"] == before["ledger"]
    options = BuildOptions(
        pdf="off", today=date(2026, 12, 3), period="2026-11", now=noon(date(2026, 12, 3))
    )
    assert "would be dated 20.12.2026" in warnings_of(build([file], options))


def test_an_earlier_datum_dates_the_invoice(ws: Path) -> None:
    file = client(ws, NOV)
    options = BuildOptions(
        pdf="off", today=date(2026, 12, 3), datum=date(2026, 11, 30), now=noon(date(2026, 12, 3))
    )
    assert not build([file], options).failed
    assert invoices(ws)[0][3] == date(2026, 11, 30)


def test_datum_in_the_future_and_dates_against_numbers_are_refused(ws: Path) -> None:
    first = client(ws, NOV, name="erst")
    assert not build([first], clock(date(2026, 12, 5))).failed
    second = client(ws, NOV, name="zweit")
    before = state(ws)
    with pytest.raises(Exception, match="after today"):
        build(
            [second],
            BuildOptions(
                pdf="off",
                today=date(2026, 12, 5),
                datum=date(2026, 12, 6),
                now=noon(date(2026, 12, 5)),
            ),
        )
    assert state(ws) == before
    options = BuildOptions(
        pdf="off", today=date(2026, 12, 5), datum=date(2026, 12, 4), now=noon(date(2026, 12, 5))
    )
    message = error_of(build([second], options))
    assert "05.12.2026" in message and "numbers ascend with dates" in message
    assert state(ws) == before


# -- 2. no issue from a template with errors -------------------------------------------------


def broken_template(ws: Path, old: str, new: str) -> None:
    source = Path(__file__).resolve().parents[2] / "vadocs" / "templates_de" / "rechnung.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode(), 1)
            dst.writestr(item, data)
    (ws / "vorlagen").mkdir(exist_ok=True)
    (ws / "vorlagen" / "rechnung.docx").write_bytes(out.getvalue())


TRACKED = ("tracked", "change")


@pytest.mark.parametrize(
    "edit",
    [("<w:t>{{ briefanrede }}</w:t>", "<w:t>{{ briefanrede }</w:t>"), TRACKED],
    ids=["tag-missing-brace", "tracked-change"],
)
def test_a_template_with_check_errors_issues_nothing(ws: Path, edit: tuple[str, str]) -> None:
    xml = (
        zipfile.ZipFile(
            Path(__file__).resolve().parents[2] / "vadocs" / "templates_de" / "rechnung.docx"
        )
        .read("word/document.xml")
        .decode()
    )
    run = re.findall(r"<w:r>(?:(?!<w:r>).)*?\{\{ briefanrede \}\}</w:t></w:r>", xml)
    assert len(run) == 1
    insert = '<w:ins w:id="901" w:author="Anna" w:date="2026-11-02T10:00:00Z">'
    old, new = edit if edit is not TRACKED else (run[0], f"{insert}{run[0]}</w:ins>")
    broken_template(ws, old, new)
    file = client(ws, NOV)
    before = state(ws)
    message = error_of(build([file], clock(date(2026, 12, 3))))
    assert "rechnung.docx" in message and "vadocs check" in message
    assert state(ws) == before
    drafts = build(
        [file],
        BuildOptions(pdf="off", today=date(2026, 12, 3), draft=True, now=noon(date(2026, 12, 3))),
    )
    assert not drafts.failed and "draft built from a template with errors" in warnings_of(drafts)


# -- 3. cancellation keeps the set consistent ------------------------------------------------


def test_an_advance_deducted_by_a_final_invoice_is_cancelled_only_with_it(ws: Path) -> None:
    file = client(ws, ADVANCE_AND_FINAL)
    assert not build([file], clock(date(2026, 11, 2))).failed
    numbers = {kind: n for n, kind, *_ in invoices(ws)}
    before = state(ws)
    with pytest.raises(Exception) as refused:
        cancel_invoice(file, numbers["vorauszahlung"], "Irrtum", clock(date(2026, 11, 5)))
    text = str(refused.value) + getattr(refused.value, "hint", "")
    assert numbers["schluss"] in text and "--with-dependents" in text
    assert state(ws) == before
    done = cancel_invoice(
        file, numbers["vorauszahlung"], "Irrtum", clock(date(2026, 11, 5)), with_dependents=True
    )
    assert done.error is None
    rows = invoices(ws)
    stornos = [(n, p) for n, kind, p, *_ in rows if kind == "storno"]
    assert [n for n, _ in stornos] == ["2026-0003", "2026-0004"]  # the final invoice first
    ledger = Ledger(ws / ".vadocs" / "ledger.sqlite")
    try:
        assert ledger.get("2026-0003").cancels == numbers["schluss"]  # type: ignore[union-attr]
        assert all(i.issued_on == date(2026, 11, 5) for i in ledger.all() if i.kind == "storno")
        assert verify(ledger)[1] == []
    finally:
        ledger.close()


def test_verify_reports_a_final_invoice_deducting_a_cancelled_advance(ws: Path) -> None:
    file = client(ws, ADVANCE_AND_FINAL)
    assert not build([file], clock(date(2026, 11, 2))).failed
    with sqlite3.connect(ws / ".vadocs" / "ledger.sqlite") as con:  # as older versions allowed
        con.execute("UPDATE invoices SET status='cancelled' WHERE kind='vorauszahlung'")
    ledger = Ledger(ws / ".vadocs" / "ledger.sqlite")
    try:
        problems = verify(ledger)[1]
    finally:
        ledger.close()
    assert any("deducts the cancelled advance 2026-0001" in p.message for p in problems)
