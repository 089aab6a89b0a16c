"""Issue 13, the fresh tester's findings on contracts: what the client accepted is on record
and holds the invoices; versions are never overwritten, dated the real day, and an
acceptance names a version that existed."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

from tests.conftest import noon
from tests.documents.test_contract_versions import docx_text, unaccepted
from tests.invoicing.test_irreversible import NOV, clock, error_of, invoices, state
from tests.invoicing.test_irreversible import client as write_client
from vadocs.build.results import BuildOptions
from vadocs.build.run import build
from vadocs.data.workspace import builtin_templates
from vadocs.output import stable_docx

ACCEPTANCE = "  angenommen_am: 2026-01-03\n"


def versions(ws: Path, kind: str = "auftragsbestaetigung") -> list[tuple[int, str, bool]]:
    store = json.loads((ws / ".vadocs" / "vertraege.json").read_text("utf-8"))
    return [(v["number"], v["datum"], v["accepted"]) for v in store["kunde"][kind]]


def test_invoices_run_holds_the_invoices_against_the_accepted_contract(ws: Path) -> None:
    file = write_client(ws, NOV)
    assert not build([file], clock(date(2026, 11, 20))).failed  # contracts, accepted
    file.write_text(file.read_text().replace("stundensatz: 50.00", "stundensatz: 70.00"))
    before = state(ws)
    run = BuildOptions(pdf="off", today=date(2026, 12, 3), now=noon(date(2026, 12, 3)))
    for options in (BuildOptions(**{**run.__dict__, "period": "2026-11"}),
                    BuildOptions(**{**run.__dict__, "only": frozenset({"rechnung"})})):  # fmt: skip
        message = error_of(build([file], options))
        assert "was accepted by the client" in message and "verguetung.stundensatz" in message
    assert state(ws) == before and invoices(ws) == []


def test_a_change_before_the_acceptance_is_recorded_asks_which_version(ws: Path) -> None:
    file = write_client(ws, "  []\n")
    unaccepted(file)
    assert not build([file], clock(date(2026, 1, 2))).failed
    text = file.read_text().replace("stundensatz: 50.00", "stundensatz: 52.00")
    file.write_text(text.replace("  datum: 2026-01-02\n", "  datum: 2026-01-02\n" + ACCEPTANCE))
    before = state(ws)
    message = error_of(build([file], clock(date(2026, 1, 5))))
    assert "which version did the client accept?" in message and "Fassung 1" in message
    assert "was accepted by the client" not in message  # nothing of the kind is on record
    assert versions(ws) == [(1, "2026-01-02", False)] and state(ws) == before


def test_an_acceptance_before_the_version_it_accepts_is_refused(ws: Path) -> None:
    file = write_client(ws, "  []\n")
    unaccepted(file)
    assert not build([file], clock(date(2026, 1, 2))).failed
    file.write_text(file.read_text().replace("stundensatz: 50.00", "stundensatz: 52.00"))
    assert not build([file], clock(date(2026, 1, 9))).failed
    assert [v[:2] for v in versions(ws)] == [(1, "2026-01-02"), (2, "2026-01-09")]
    file.write_text(
        file.read_text().replace("  datum: 2026-01-02\n", "  datum: 2026-01-02\n" + ACCEPTANCE)
    )
    message = error_of(build([file], clock(date(2026, 1, 12))))
    assert "angenommen_am 03.01.2026 lies before Fassung 2 vom 09.01.2026" in message


def test_a_template_change_before_acceptance_makes_a_new_version(ws: Path) -> None:
    file = write_client(ws, "  []\n")
    unaccepted(file)
    assert not build([file], clock(date(2026, 1, 2))).failed
    first = ws / "out" / "kunde" / "2026-01-02_Auftragsbestaetigung_kunde.docx"
    sent = first.read_bytes()
    source = builtin_templates() / "auftragsbestaetigung.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"Auftragsbest\xc3\xa4tigung", b"Auftragsbest\xc3\xa4tigung ", 1
                )
            dst.writestr(item, data)
    (ws / "vorlagen").mkdir(exist_ok=True)
    (ws / "vorlagen" / "auftragsbestaetigung.docx").write_bytes(stable_docx(buffer.getvalue()))
    assert not build([file], clock(date(2026, 1, 9))).failed
    assert first.read_bytes() == sent  # the version sent is kept
    second = ws / "out" / "kunde" / "2026-01-09_Auftragsbestaetigung_Fassung-2_kunde.docx"
    assert "Fassung 2 vom 09.01.2026" in docx_text(second)


def test_versions_carry_the_real_day_and_a_preview_writes_none(ws: Path) -> None:
    file = write_client(ws, "  []\n")
    unaccepted(file)
    assert not build([file], clock(date(2026, 1, 2))).failed
    file.write_text(file.read_text().replace("stundensatz: 50.00", "stundensatz: 52.00"))
    future = BuildOptions(pdf="off", today=date(2026, 2, 1), now=noon(date(2026, 1, 9)))
    report = build([file], future)
    assert not report.failed and any("preview" in n for n in report.notes)
    assert not list((ws / "out" / "kunde").glob("*Fassung-2*"))
    past = BuildOptions(pdf="off", today=date(2026, 1, 5), now=noon(date(2026, 1, 9)))
    assert not build([file], past).failed
    assert versions(ws)[-1][:2] == (2, "2026-01-09")  # written on the 9th, not "on the 5th"


def test_the_sample_records_no_contract(tmp_path: Path) -> None:
    from vadocs.data.scaffold import create_workspace

    create_workspace(tmp_path / "neu")
    sample = tmp_path / "neu" / "kunden" / "beispiel-gmbh.yaml"
    assert not build([sample], clock(date(2026, 11, 29))).failed
    assert not (tmp_path / "neu" / ".vadocs" / "vertraege.json").exists()
