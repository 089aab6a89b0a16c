"""Details of the terminal look: when to colour, what colour changes, when the progress bar
shows, how summaries count, the `invoices list` table and the names of stale drafts."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from vadocs.build.results import BuildReport, ClientResult
from vadocs.cli import colour
from vadocs.cli.invoice_table import invoice_rows
from vadocs.cli.terminal import FEW, BuildProgress, summary_lines
from vadocs.documents.planning import draft_names
from vadocs.errors import Problem, Severity
from vadocs.invoicing.ledger import Issued

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Tty(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VADOCS_LANG", "en")


@pytest.mark.parametrize(
    ("no_color", "force_color", "tty", "term", "expected"),
    [
        ("", "", True, "xterm", True),
        ("", "", False, "xterm", False),
        ("", "", True, "dumb", False),
        ("1", "", True, "xterm", False),
        ("", "1", False, "xterm", True),
        ("", "1", False, "dumb", True),
        ("1", "1", False, "xterm", False),  # NO_COLOR wins
        ("1", "1", True, "xterm", False),
        ("yes", "0", True, "xterm", False),
    ],
)
def test_when_to_colour(
    monkeypatch: pytest.MonkeyPatch,
    no_color: str,
    force_color: str,
    tty: bool,
    term: str,
    expected: bool,
) -> None:
    for name, value in (("NO_COLOR", no_color), ("FORCE_COLOR", force_color), ("TERM", term)):
        monkeypatch.setenv(name, value)
    stream = Tty() if tty else io.StringIO()
    assert colour.wants_colour(stream) is expected


@pytest.mark.parametrize("severity", list(Severity))
def test_paint_adds_only_escapes(severity: Severity) -> None:
    problem = Problem(Path("kunden/x.yaml"), "write a date", line=3, column=7, hint="2026-12-01")
    text = replace(problem, severity=severity).format()
    painted = colour.paint(text, severity)
    assert painted != text and ANSI.sub("", painted) == text
    first = painted.split("\n")[0]
    assert first.startswith("\x1b[" + ("1;31" if severity is Severity.ERROR else "33") + "m")


def test_a_closed_or_missing_stream_is_no_terminal() -> None:
    closed = io.StringIO()
    closed.close()
    assert not colour.is_terminal(closed)
    assert not colour.is_terminal(object())  # type: ignore[arg-type]


def _feed(progress: BuildProgress, documents: int) -> None:
    progress("total", str(documents))
    for i in range(documents):
        progress("plan", f"client: document {i}")
    progress("convert", str(documents))
    for i in range(documents):
        progress("write", f"out/client/{i}.docx")


@pytest.mark.parametrize("documents", [FEW + 1, 12])
def test_progress_bar_on_a_terminal_for_more_than_a_few(
    monkeypatch: pytest.MonkeyPatch, documents: int
) -> None:
    monkeypatch.setenv("TERM", "xterm")
    stream = Tty()
    with BuildProgress(stream) as progress:
        _feed(progress, documents)
        assert progress.bar is not None
        stages = [t.description for t in progress.bar.tasks]
        assert stages[0] == "preparing documents" and progress.bar.tasks[0].completed == documents
        assert stages[1] == f"LibreOffice: {documents} documents to PDF"
        assert stages[2] == "writing files" and progress.bar.tasks[2].completed == documents
    assert progress.bar is None and "preparing documents" in stream.getvalue()


@pytest.mark.parametrize(("documents", "tty"), [(FEW, True), (1, True), (40, False)])
def test_no_progress_bar_for_a_few_or_off_a_terminal(
    monkeypatch: pytest.MonkeyPatch, documents: int, tty: bool
) -> None:
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("FORCE_COLOR", "1")  # colour may be forced; the bar still needs a tty
    stream = Tty() if tty else io.StringIO()
    with BuildProgress(stream) as progress:
        _feed(progress, documents)
        assert progress.bar is None
    assert stream.getvalue() == ""


def test_summary_counts_nothing_due_apart_from_built() -> None:
    report = BuildReport(
        [
            ClientResult(Path("a.yaml"), written=[Path("out/a/x.pdf")]),
            ClientResult(Path("b.yaml"), skipped="nothing due for 2026-11"),
            ClientResult(Path("c.yaml"), skipped="nothing due for 2026-11"),
        ]
    )
    lines = summary_lines(report)
    assert lines[-1].startswith("3 clients: 1 built, 2 with nothing due, 0 failed;")
    assert lines[2].split()[-4:] == ["nothing", "due", "for", "2026-11"]


def _issued(number: str, kind: str, gross: str, **kw: object) -> Issued:
    fields: dict[str, object] = {
        "number": number,
        "client": "mueller-gmbh",
        "kind": kind,
        "period": "2026-12",
        "issued_on": date(2027, 1, 5),
        "status": "issued",
        "data_hash": "",
        "net": Decimal(gross),
        "vat": Decimal("0.00"),
        "gross": Decimal(gross),
        "vat_by_rate": {},
        "cancels": None,
        "reason": None,
        "snapshot": {},  # unreadable: the amount due falls back to the gross
        **kw,
    }
    return Issued(**fields)  # type: ignore[arg-type]


def test_invoice_table_has_a_header_and_names_cancellations_both_ways() -> None:
    every = [
        _issued("2027-0001", "monat", "1430.00", status="cancelled"),
        _issued("2027-0002", "storno", "-1430.00", cancels="2027-0001"),
        _issued("2026-0009", "monat", "12.00", status="cancelled"),  # its storno not listed
    ]
    head, first, second, third = invoice_rows(every, every[:2])
    assert head.split() == [
        "number",
        "date",
        "client",
        "kind",
        "period",
        "gross",
        "amount",
        "due",
        "note",
    ]
    assert first.endswith("cancelled by 2027-0002")
    assert second.endswith("cancels 2027-0001")
    assert third.endswith("cancelled")
    gross_end = head.index("gross") + len("gross")
    assert first[gross_end - 1] == second[gross_end - 1] == "€"  # money aligned right


def test_invoice_table_in_german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VADOCS_LANG", "de")
    every = [_issued("2027-0002", "storno", "-1.00", cancels="2027-0001")]
    head, row = invoice_rows(every, every)
    assert head.split() == [
        "Nummer",
        "Datum",
        "Kunde",
        "Art",
        "Zeitraum",
        "Brutto",
        "Zahlbetrag",
        "Vermerk",
    ]
    assert row.endswith("Storno zu 2027-0001")


@pytest.mark.parametrize(
    ("name", "stale"),
    [
        ("2026-11-29_ENTWURF_Rechnung_schluss-2026-12_mueller-gmbh.docx", True),
        ("2026-11-30_ENTWURF_Rechnung_schluss-2026-12_mueller-gmbh.pdf", True),
        ("2026-11-30_ENTWURF_Rechnung_schluss-2026-12_mueller-gmbh_XRechnung.xml", True),
        ("2026-11-30_ENTWURF_Rechnung_schluss-2027-01_mueller-gmbh.pdf", False),
        ("2026-11-30_ENTWURF_Rechnung_vorauszahlung-2026-12_mueller-gmbh.pdf", False),
        ("2026-11-30_ENTWURF_Rechnung_schluss-2026-12_mueller-gmbh-2.pdf", False),
        ("2026-11-30_Rechnung_2026-0004_mueller-gmbh.pdf", False),
        ("notizen.txt", False),
    ],
)
def test_draft_names_match_only_drafts_of_the_same_invoice(name: str, stale: bool) -> None:
    from vadocs.invoicing.invoice import Rechnung

    invoice = _rechnung(Rechnung)
    assert bool(draft_names("mueller-gmbh", invoice).fullmatch(name)) is stale


def _rechnung(cls: type) -> object:
    """An issued final invoice for December (only kind, period and number matter here)."""
    fields = {f: None for f in cls.__dataclass_fields__}
    fields.update(art="schluss", zeitraum="2026-12", nummer="2026-0004")
    return cls(**fields)
