"""Month-end edge cases with the installed `vadocs` (fresh tester's findings on issue 19):
a month with an advance whose final invoice cannot be issued, time after the end."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

from tests.conftest import EXAMPLES
from tests.invoicing.scenario import CLIENT

HOURLY = "{art: stunden, stundensatz: 50.00, kontingent_stunden: 8, mehrstundensatz: 60.00}"
ADVANCE = "\n  vorauszahlung: true\n  anteilig: tage\n  zeiten:\n{zeiten}"


def workspace(root: Path, *, extra: str = "", abrechnung: str, rechnungen: str = "",
              verguetung: str = HOURLY, beginn: str = "2026-12-16") -> Path:  # fmt: skip
    ws = root / "ws"
    (ws / "kunden").mkdir(parents=True)
    shutil.copy(EXAMPLES / "umsatzsteuer" / "vadocs.yaml", ws / "vadocs.yaml")
    text = CLIENT.format(
        name="Anteil GmbH",
        beginn=beginn,
        extra_auftrag=extra,
        verguetung=verguetung,
        abrechnung=abrechnung,
        rechnungen=rechnungen,
    )
    text = text.replace("2027-01-04", "2026-11-20").replace("2027-01-05", "2026-11-21")
    (ws / "kunden" / "a.yaml").write_text(text.replace("2026-12-15", "2026-11-10"), "utf-8")
    return ws


def times(*rows: tuple[str, str]) -> str:
    return "".join(f'    - {{datum: {d}, taetigkeit: Büro, dauer: "{t}"}}\n' for d, t in rows)


def call(installed: Any, ws: Path, cmd: str, period: str, day: str, *more: str) -> Any:
    extra = ["--no-pdf"] if cmd == "run" else []
    env = {"VADOCS_LANG": "en", "VADOCS_TODAY": day}
    return installed.run(["invoices", cmd, "--period", period, *extra, *more], cwd=ws, env=env)


def ledger(ws: Path) -> list[tuple[str, str, str]]:
    db = sqlite3.connect(ws / ".vadocs" / "ledger.sqlite")
    try:
        return list(db.execute("SELECT number, kind, period FROM invoices ORDER BY number"))
    finally:
        db.close()


def test_month_with_advance_says_why_its_final_invoice_is_not_due(
    installed: Any, tmp_path: Path
) -> None:
    zeiten = times(("2026-12-17", "5:00"), ("2026-12-18", "5:00"))
    ws = workspace(tmp_path, abrechnung=ADVANCE.format(zeiten=zeiten))
    assert call(installed, ws, "run", "2026-12", "2026-12-16").returncode == 0
    due = call(installed, ws, "due", "2026-12", "2026-12-31")
    assert due.returncode == 0, due.stderr
    listed, nothing = due.stdout.split("Nothing due")
    assert "vorauszahlung" in listed
    assert "a " in nothing and "above the contingent" in nothing
    named = call(installed, ws, "due", "2026-12", "2026-12-31", "kunden/a.yaml")
    assert named.returncode == 0  # the advance is due: something is
    run = call(installed, ws, "run", "2026-12", "2026-12-31")
    assert run.returncode == 0, run.stderr
    assert "above the contingent" in run.stdout + run.stderr
    assert [k for _n, k, _p in ledger(ws)] == ["vorauszahlung"]


def test_month_with_advance_and_no_hours_says_so(installed: Any, tmp_path: Path) -> None:
    ws = workspace(tmp_path, abrechnung=ADVANCE.format(zeiten="    []\n"))
    due = call(installed, ws, "due", "2026-12", "2026-12-31")
    assert "no hours recorded for 2026-12" in due.stdout.split("Nothing due")[1]
    run = call(installed, ws, "run", "2026-12", "2026-12-31")
    assert "no hours recorded for 2026-12" in run.stdout + run.stderr


def test_time_after_the_notice_date_is_not_billed(installed: Any, tmp_path: Path) -> None:
    csv = (
        "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
        "End date,End time,Duration,Tags,Amount ()\n"
        "A,a@x.de,Anteil GmbH,,,Postfach,Yes,2027-01-19,09:00:00,2027-01-19,,02:00:00,,\n"
        "A,a@x.de,Anteil GmbH,,,Postfach,Yes,2027-01-25,09:00:00,2027-01-25,,02:00:00,,\n"
    )
    ws = workspace(
        tmp_path,
        beginn="2026-12-01",
        extra="  gekuendigt_zum: 2027-01-20\n",
        verguetung="{art: stunden, stundensatz: 50.00}",
        abrechnung="{vorauszahlung: false, zeiten_csv: t.csv}",
    )
    (ws / "kunden" / "t.csv").write_text(csv, encoding="utf-8")
    due = call(installed, ws, "due", "2027-01", "2027-01-31")
    assert due.returncode == 0, due.stderr
    assert "2 h" in due.stdout and "net 100,00" in due.stdout
    run = call(installed, ws, "run", "2027-01", "2027-01-31", "-v")
    assert run.returncode == 0, run.stderr
    assert "1 outside the period" in run.stdout
    assert [(k, p) for _n, k, p in ledger(ws)] == [("monat", "2027-01")]


def test_run_issues_the_advance_due_lists_and_notes_the_open_month(
    installed: Any, tmp_path: Path
) -> None:
    listed = "rechnungen:\n  - {art: schluss, zeitraum: 2026-12, mehrstunden_vereinbart: true}\n"
    zeiten = times(("2026-12-17", "5:00"))
    ws = workspace(tmp_path, abrechnung=ADVANCE.format(zeiten=zeiten), rechnungen=listed)
    due = call(installed, ws, "due", "2026-12", "2026-11-29")
    assert due.returncode == 0, due.stderr
    assert "vorauszahlung" in due.stdout.split("Nothing due")[0]
    run = call(installed, ws, "run", "2026-12", "2026-11-29")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "not issued yet" in run.stdout + run.stderr
    assert [(k, p) for _n, k, p in ledger(ws)] == [("vorauszahlung", "2026-12")]
    # the issued advance's data changes: due shows the conflict run refuses
    client = ws / "kunden" / "a.yaml"
    client.write_text(client.read_text("utf-8").replace("50.00", "55.00"), "utf-8")
    changed = call(installed, ws, "due", "2026-12", "2026-11-29")
    assert changed.returncode == 1
    assert "has changed since" in changed.stdout + changed.stderr
    assert "issued as" not in changed.stdout
    refused = call(installed, ws, "run", "2026-12", "2026-11-29")
    assert refused.returncode == 1


def test_period_out_of_range_is_a_usage_error_in_german(installed: Any, tmp_path: Path) -> None:
    ws = workspace(tmp_path, abrechnung=ADVANCE.format(zeiten="    []\n"))
    for cmd in ("due", "run"):
        for period in ("0000-01", "9999-12"):
            got = installed.run(
                ["invoices", cmd, "--period", period, "--date", "2026-11-29"],
                cwd=ws,
                env={"VADOCS_LANG": "de"},
            )
            assert got.returncode == 2, got.stderr
            assert "schreiben Sie den Monat als JJJJ-MM" in got.stderr
            assert "Traceback" not in got.stderr


def test_due_lists_a_client_without_a_day_in_the_month_as_run_does(
    installed: Any, tmp_path: Path
) -> None:
    ws = workspace(tmp_path, abrechnung=ADVANCE.format(zeiten="    []\n"))
    due = call(installed, ws, "due", "2026-10", "2026-11-29")
    assert due.returncode == 0
    assert "no day in 2026-10" in due.stdout
    run = call(installed, ws, "run", "2026-10", "2026-11-29")
    assert any(line.split()[:1] == ["a"] for line in run.stdout.splitlines())


def test_hours_are_shown_once_with_a_decimal_comma(installed: Any, tmp_path: Path) -> None:
    zeiten = times(("2026-12-17", "3:30"))
    hourly = "{art: stunden, stundensatz: 50.00}"
    ws = workspace(tmp_path, verguetung=hourly, abrechnung="{vorauszahlung: false, zeiten: [" +
                   '{datum: 2026-12-17, taetigkeit: Büro, dauer: "3:30"}]}')  # fmt: skip
    del zeiten
    due = installed.run(
        ["invoices", "due", "--period", "2026-12"],
        cwd=ws,
        env={"VADOCS_LANG": "de", "VADOCS_TODAY": "2026-12-31"},
    )
    assert due.returncode == 0, due.stderr
    assert "3,5 Std." in due.stdout and "Std. Std." not in due.stdout


def test_validate_warns_about_a_redundant_month_of_an_hourly_client(
    installed: Any, tmp_path: Path
) -> None:
    listed = "rechnungen:\n  - {art: monat, zeitraum: 2027-01}\n"
    ws = workspace(
        tmp_path,
        verguetung="{art: stunden, stundensatz: 50.00}",
        abrechnung="{vorauszahlung: false, zeiten_csv: t.csv}",
        rechnungen=listed,
    )
    header = (
        "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
        "End date,End time,Duration,Tags,Amount ()\n"
        "A,a@x.de,Anteil GmbH,,,Postfach,Yes,2027-01-19,09:00:00,2027-01-19,,02:00:00,,\n"
    )
    (ws / "kunden" / "t.csv").write_text(header, encoding="utf-8")
    got = installed.run(["validate", "kunden/a.yaml"], cwd=ws, env={"VADOCS_LANG": "en"})
    assert "follows from the engagement" in got.stdout + got.stderr
