"""Following the money through the installed command: payments, open items, reminders, DATEV."""

from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, Installed, tree
from tests.payments.statements import Tx, camt053

BUILD_DAY = "2026-11-27"


@pytest.fixture
def ws(installed: Installed, tmp_path: Path) -> Path:
    """The umsatzsteuer example, its invoices issued (DOCX only, fast)."""
    dest = tmp_path / "ws"
    shutil.copytree(
        ROOT / "examples" / "umsatzsteuer", dest, ignore=shutil.ignore_patterns("out", ".vadocs")
    )
    done = installed.run(["build", "kunden/", "--no-pdf", "--date", BUILD_DAY], cwd=dest)
    assert done.returncode == 0, done.stdout + done.stderr
    return dest


def _open_numbers(installed: Installed, ws: Path, day: str) -> set[str]:
    listed = installed.run(["invoices", "list", "--open", "--date", day], cwd=ws)
    assert listed.returncode == 0, listed.stderr
    return set(re.findall(r"^(\d{4}-\d{4}) ", listed.stdout, re.MULTILINE))


def test_a_statement_settles_an_invoice_once(installed: Installed, ws: Path) -> None:
    before = _open_numbers(installed, ws, "2027-03-01")
    assert "2026-0001" in before
    (ws / "auszug.xml").write_bytes(
        camt053(
            "08",
            [
                Tx(
                    date(2026, 12, 1),
                    Decimal("1309.00"),
                    "Müller & Söhne GmbH",
                    "DE89370400440532013000",
                    "Rechnung 2026-0001",
                    "REF-1",
                )
            ],
        )
    )
    first = installed.run(["payments", "import", "auszug.xml"], cwd=ws)
    assert first.returncode == 0, first.stderr
    assert "2026-0001" in first.stdout
    assert _open_numbers(installed, ws, "2027-03-01") == before - {"2026-0001"}
    ledger = (ws / ".vadocs" / "ledger.sqlite").read_bytes()
    again = installed.run(["payments", "import", "auszug.xml"], cwd=ws)
    assert again.returncode == 0 and "1 bereits bekannt" in again.stdout
    assert _open_numbers(installed, ws, "2027-03-01") == before - {"2026-0001"}
    assert len((ws / ".vadocs" / "ledger.sqlite").read_bytes()) == len(ledger)


def test_a_broken_statement_is_1_and_changes_nothing(installed: Installed, ws: Path) -> None:
    (ws / "kaputt.xml").write_text("<Document/>", encoding="utf-8")
    state = tree(ws / ".vadocs")
    done = installed.run(["payments", "import", "kaputt.xml"], cwd=ws)
    assert done.returncode == 1, done
    assert "kaputt.xml" in done.stderr and "Traceback" not in done.stderr
    assert tree(ws / ".vadocs") == state


def test_reminders_list_what_is_due(installed: Installed, ws: Path) -> None:
    early = installed.run(["reminders", "--date", "2026-12-01"], cwd=ws)
    assert early.returncode == 0, early.stderr
    due = installed.run(["reminders", "--date", "2027-03-01"], cwd=ws)
    assert due.returncode == 0, due.stderr
    assert "Zahlungserinnerung" in due.stdout and "2026-0001" in due.stdout
    assert not (ws / "out" / "mahnungen").exists()


def test_datev_export_needs_the_advisors_numbers(installed: Installed, ws: Path) -> None:
    missing = installed.run(["invoices", "export", "--format", "datev", "--year", "2026"], cwd=ws)
    assert missing.returncode == 1 and "datev" in missing.stderr
    profile = ws / "vadocs.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8")
        + "datev:\n  berater_nummer: 1234567\n  mandanten_nummer: 12345\n",
        encoding="utf-8",
    )
    done = installed.run(
        ["invoices", "export", "--format", "datev", "--year", "2026", "-o", "extf.csv"], cwd=ws
    )
    assert done.returncode == 0, done.stderr
    head = (ws / "extf.csv").read_bytes().decode("cp1252").splitlines()
    assert head[0].startswith('"EXTF";700;21;"Buchungsstapel"')
    bookings = [line for line in head[2:] if line.strip()]
    listed = installed.run(["invoices", "list"], cwd=ws).stdout
    issued = re.findall(r"^(\d{4}-\d{4}) ", listed, re.MULTILINE)
    assert issued and len(bookings) == len(issued)  # one per invoice and VAT rate (one each)
    assert all(f'"{number}"' in "".join(bookings) for number in issued)


def test_a_changed_reminder_fails_verify(installed: Installed, ws: Path) -> None:
    built = installed.run(
        ["reminders", "--date", "2027-03-01", "--build"], cwd=ws, env={"VADOCS_TODAY": "2027-03-01"}
    )
    assert built.returncode == 0, built.stderr
    archived = sorted((ws / ".vadocs" / "archiv" / "mahnungen").rglob("*.docx"))
    assert archived
    assert installed.run(["invoices", "verify"], cwd=ws).returncode == 0
    archived[0].write_bytes(archived[0].read_bytes() + b"x")
    bad = installed.run(["invoices", "verify"], cwd=ws)
    assert bad.returncode == 1 and archived[0].name in bad.stderr
