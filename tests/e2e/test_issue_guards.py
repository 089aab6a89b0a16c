"""Issue 13 through the installed wheel: nothing irreversible from a bad state.

Each refusal exits 1, names the invoice or document, the rule and what to do, and leaves
out/ and the ledger as they were. The clock is injected with ``--date``.
"""

from __future__ import annotations

import io
import re
import sqlite3
import zipfile
from pathlib import Path

from tests.e2e.conftest import ROOT, Installed, tree
from tests.e2e.conftest import example_workspace as workspace


def ledger_rows(ws: Path) -> list[tuple[object, ...]]:
    db = ws / ".vadocs" / "ledger.sqlite"
    if not db.is_file():
        return []
    with sqlite3.connect(db) as con:
        return con.execute("SELECT number, issued_on FROM invoices ORDER BY number").fetchall()


def test_a_month_that_has_not_ended_is_not_issued(installed: Installed, outside: Path) -> None:
    ws = workspace(outside, "mueller-gmbh")
    preview = installed.run(
        ["invoices", "run", "--period", "2026-12", "--date", "2026-11-27", "--no-pdf", "--draft"],
        cwd=ws,
    )
    assert preview.returncode == 0, preview.stderr
    assert ledger_rows(ws) == []
    done = installed.run(
        ["invoices", "run", "--period", "2026-12", "--date", "2026-11-27", "--no-pdf"], cwd=ws
    )
    # the advance (due before its month) is issued, as `invoices due` lists it; the final
    # invoice of the month is a warning, not a refusal of the whole client
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Rechnung mit Anrechnung der Vorauszahlung Dezember 2026 für mueller-gmbh" in done.stderr
    assert "Zeitraum endet am 31.12.2026" in done.stderr and "--draft" in done.stderr
    assert len(ledger_rows(ws)) == 1


def test_the_sample_workspace_issues_nothing(installed: Installed, outside: Path) -> None:
    assert installed.run(["init", "neu"], cwd=outside).returncode == 0
    ws = outside / "neu"
    done = installed.run(
        ["build", "--no-pdf", "--date", "2027-01-05", "kunden/beispiel-gmbh.yaml"],
        cwd=ws,
        env={"VADOCS_TODAY": "2027-01-05"},
    )
    assert done.returncode == 0, done.stderr
    assert "beispiel: true" in done.stderr and "Um richtig zu beginnen" in done.stderr
    invoices = [n for n in tree(ws / "out") if "Rechnung" in n]
    assert len(invoices) == 2 and all("ENTWURF" in n for n in invoices)
    assert ledger_rows(ws) == []


def test_a_changed_accepted_contract_is_refused(installed: Installed, outside: Path) -> None:
    ws = workspace(outside, "mueller-gmbh")
    first = installed.run(["build", "--no-pdf", "--date", "2026-11-27", "kunden/"], cwd=ws)
    assert first.returncode == 0, first.stderr
    out_before, rows_before = tree(ws / "out"), ledger_rows(ws)
    assert len(rows_before) == 1  # the advance; December is not over yet
    client = ws / "kunden" / "mueller-gmbh.yaml"
    client.write_text(client.read_text().replace("stundensatz: 55.00", "stundensatz: 60.00"))
    done = installed.run(["build", "--no-pdf", "--date", "2026-11-28", "kunden/"], cwd=ws)
    assert done.returncode == 1
    assert "Auftragsbestätigung für mueller-gmbh" in done.stderr
    assert "angenommen und wird nicht neu geschrieben" in done.stderr
    assert "verguetung.stundensatz" in done.stderr
    assert tree(ws / "out") == out_before and ledger_rows(ws) == rows_before
    # the month-end run writes no contract, yet holds the invoice against the accepted one
    month_end = ["invoices", "run", "--period", "2026-12", "--no-pdf"]
    run = installed.run(month_end, cwd=ws, env={"VADOCS_TODAY": "2027-01-04"})
    assert run.returncode == 1 and "verguetung.stundensatz" in run.stderr, run.stderr
    assert tree(ws / "out") == out_before and ledger_rows(ws) == rows_before


def test_a_template_with_a_tracked_change_issues_nothing(
    installed: Installed, outside: Path
) -> None:
    ws = workspace(outside, "mueller-gmbh")
    source = ROOT / "vadocs" / "templates_de" / "rechnung.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                xml = data.decode()
                (run,) = re.findall(r"<w:r>(?:(?!<w:r>).)*?\{\{ briefanrede \}\}</w:t></w:r>", xml)
                ins = '<w:ins w:id="901" w:author="Anna" w:date="2026-11-02T10:00:00Z">'
                data = xml.replace(run, f"{ins}{run}</w:ins>").encode()
            dst.writestr(item, data)
    (ws / "vorlagen").mkdir()
    (ws / "vorlagen" / "rechnung.docx").write_bytes(buffer.getvalue())
    done = installed.run(["build", "--no-pdf", "--date", "2026-11-27", "kunden/"], cwd=ws)
    assert done.returncode == 1
    assert "rechnung.docx" in done.stderr and "vadocs check" in done.stderr
    assert tree(ws / "out") == {} and ledger_rows(ws) == []


def test_a_date_after_today_only_previews(installed: Installed, outside: Path) -> None:
    """``--date`` pretends a day; after the real day (29.11.2026 here) nothing is issued."""
    ws = workspace(outside, "mueller-gmbh")
    run = ["invoices", "run", "--period", "2026-12", "--no-pdf", "--date", "2027-01-05"]
    preview = installed.run(run, cwd=ws, env={"VADOCS_LANG": "en"})
    assert preview.returncode == 0, preview.stderr
    assert "--date 05.01.2027 lies after today (29.11.2026)" in preview.stderr
    assert ledger_rows(ws) == [] and not (ws / ".vadocs" / "vertraege.json").exists()
    drafts = [n for n in tree(ws / "out") if "Rechnung" in n]
    assert drafts and all("ENTWURF" in n for n in drafts)
    issued = installed.run(run, cwd=ws, env={"VADOCS_TODAY": "2027-01-05"})
    assert issued.returncode == 0, issued.stderr
    rows = ledger_rows(ws)  # the advance for December and the final invoice
    assert len(rows) == 2 and {d for _n, d in rows} == {"2027-01-05"}


def test_no_cancellation_or_payment_for_a_day_to_come(installed: Installed, outside: Path) -> None:
    ws = workspace(outside, "mueller-gmbh")
    assert installed.run(["build", "--no-pdf", "kunden/"], cwd=ws).returncode == 0
    ((number, issued_on),) = ledger_rows(ws)
    assert issued_on == "2026-11-29"
    before = tree(ws / "out"), ledger_rows(ws)
    cancel = ["invoices", "cancel", number, "--reason", "Irrtum", "--no-pdf"]
    for day, place, code in (("2026-12-02", "02.12.2026", 2), ("2026-11-28", "28.11.2026", 1)):
        refused = installed.run([*cancel, "--date", day], cwd=ws, env={"VADOCS_LANG": "en"})
        assert refused.returncode == code, refused.stderr
        assert place in refused.stderr and "Traceback" not in refused.stderr
    blank = installed.run(["invoices", "cancel", number, "--reason", " ", "--no-pdf"], cwd=ws)
    assert blank.returncode == 2 and "--reason" in blank.stderr, blank.stderr
    payment = ["payments", "add", number, "--amount", "100,00", "--date", "2026-12-01"]
    refused = installed.run(payment, cwd=ws, env={"VADOCS_LANG": "en"})
    assert refused.returncode == 2 and "has not come yet" in refused.stderr
    assert (tree(ws / "out"), ledger_rows(ws)) == before
    done = installed.run(cancel, cwd=ws)
    assert done.returncode == 0, done.stderr
    assert [d for _n, d in ledger_rows(ws)] == ["2026-11-29", "2026-11-29"]


def test_cancelling_in_a_workspace_without_invoices_creates_nothing(
    installed: Installed, outside: Path
) -> None:
    assert installed.run(["init", "neu"], cwd=outside).returncode == 0
    before = tree(outside / "neu")
    done = installed.run(["invoices", "cancel", "2026-0001", "--reason", "x"], cwd=outside / "neu")
    assert done.returncode == 1 and "2026-0001" in done.stderr
    assert tree(outside / "neu") == before
