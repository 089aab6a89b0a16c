"""The installed vadocs looks like a modern terminal tool without breaking pipes: colour only on
a terminal (NO_COLOR wins over FORCE_COLOR), a progress bar only on a terminal, a headed
`invoices list` naming cancellations both ways, summaries that count "nichts fällig"
separately, and one file per invoice in out/ (old drafts removed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, Installed

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
DE = {"VADOCS_LANG": "de"}
BROKEN = "kunden/beispiel-gmbh.yaml"


def _day(day: str) -> dict[str, str]:
    """German, and ``day`` as the real day (VADOCS_TODAY) so invoices may be issued."""
    return {**DE, "VADOCS_TODAY": day}


@pytest.fixture
def broken(installed: Installed, outside: Path) -> Path:
    """A fresh workspace whose client file holds a date written the German way."""
    assert installed.run(["init", "ws"], cwd=outside).returncode == 0
    client = outside / "ws" / BROKEN
    text = client.read_text(encoding="utf-8")
    client.write_text(text.replace("  beginn: 2026-12-01", "  beginn: 1.12.2026"), "utf-8")
    return outside / "ws"


@pytest.fixture
def example(outside: Path) -> Path:
    """The umsatzsteuer example: four clients, invoices for 2026-12."""
    dest = outside / "um"
    shutil.copytree(
        ROOT / "examples" / "umsatzsteuer", dest, ignore=shutil.ignore_patterns("out", ".vadocs")
    )
    return dest


def test_piped_output_has_no_escape_sequences(installed: Installed, broken: Path) -> None:
    done = installed.run(["validate", BROKEN], cwd=broken, env={**DE, "TERM": "xterm-256color"})
    assert done.returncode == 1
    assert "1.12.2026" in done.stderr and BROKEN + ":24:11:" in done.stderr
    assert not ANSI.search(done.stderr + done.stdout), done.stderr


def test_force_color_colours_an_error_without_changing_its_text(
    installed: Installed, broken: Path
) -> None:
    plain = installed.run(["validate", BROKEN], cwd=broken, env=DE)
    coloured = installed.run(["validate", BROKEN], cwd=broken, env={**DE, "FORCE_COLOR": "1"})
    assert coloured.returncode == plain.returncode == 1
    assert "\x1b[1;31m" in coloured.stderr  # the error line in bold red
    assert ANSI.sub("", coloured.stderr) == plain.stderr  # same characters, only escapes added


def test_no_color_wins_over_force_color(installed: Installed, broken: Path) -> None:
    env = {**DE, "FORCE_COLOR": "1", "NO_COLOR": "1"}
    done = installed.run(["validate", BROKEN], cwd=broken, env=env)
    assert done.returncode == 1 and "1.12.2026" in done.stderr
    assert not ANSI.search(done.stderr), done.stderr


def _on_a_terminal(installed: Installed, args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run ``vadocs ARGS`` with stderr on a pseudo-terminal (stdout a pipe); return stderr."""
    leader, follower = os.openpty()
    try:
        done = subprocess.run(
            [str(installed.vadocs), *args],
            cwd=cwd,
            env=installed.env({**env, "TERM": "xterm"}),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=300,
            check=False,
        )
    finally:
        os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once everything is read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert done.returncode == 0, done.stdout
    assert not ANSI.search(done.stdout.decode()), "stdout is a pipe: no escapes"
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal(installed: Installed, example: Path) -> None:
    args = ["build", "kunden/", "--no-pdf", "--draft", "--date", "2026-11-27"]
    shown = _on_a_terminal(installed, args, example, _day("2026-11-27"))
    # 12 documents expected: 8 contracts, 4 invoices (Studio Wien's December follows from
    # its engagement only once the month has ended, issue 19)
    assert "Dokumente vorbereiten" in shown and "/12" in shown
    shutil.rmtree(example / "out")
    shutil.rmtree(example / ".vadocs")
    piped = installed.run(args, cwd=example, env=_day("2026-11-27"))
    assert piped.returncode == 0
    assert "Dokumente vorbereiten" not in piped.stderr and not ANSI.search(piped.stderr)


def test_no_progress_bar_for_a_few_documents(installed: Installed, example: Path) -> None:
    args = ["build", "kunden/lena-fischer.yaml", "--no-pdf", "--draft", "--date", "2026-11-27"]
    shown = _on_a_terminal(installed, args, example, _day("2026-11-27"))
    assert "Dokumente vorbereiten" not in shown


def test_drafts_are_named_once_and_replaced(installed: Installed, example: Path) -> None:
    out = example / "out" / "mueller-gmbh"
    draft = ["build", "kunden/mueller-gmbh.yaml", "--no-pdf", "--draft"]
    first = installed.run([*draft, "--date", "2027-01-04"], cwd=example, env=_day("2027-01-04"))
    assert first.returncode == 0, first.stderr
    drafts = sorted(p.name for p in out.glob("*ENTWURF*"))
    assert drafts and all(name.count("ENTWURF") == 1 for name in drafts), drafts
    again = installed.run([*draft, "--date", "2027-01-05"], cwd=example, env=_day("2027-01-05"))
    assert again.returncode == 0, again.stderr
    assert "entfernt" in again.stdout and "alter Entwurf" in again.stdout
    left = sorted(p.name for p in out.glob("*ENTWURF*"))
    assert len(left) == len(drafts) and all(n.startswith("2027-01-05_") for n in left), left

    issued = installed.run(
        ["build", "kunden/mueller-gmbh.yaml", "--no-pdf", "--date", "2027-01-05"],
        cwd=example,
        env=_day("2027-01-05"),
    )
    assert issued.returncode == 0, issued.stderr
    assert not list(out.glob("*ENTWURF*")), sorted(p.name for p in out.iterdir())
    assert len(list(out.glob("*_Rechnung_2027-*"))) == len(drafts)


def test_invoices_list_is_headed_and_names_cancellations(
    installed: Installed, example: Path
) -> None:
    env = _day("2027-01-05")
    built = installed.run(
        ["build", "kunden/", "--no-pdf", "--date", "2027-01-05"], example, env=env
    )
    assert built.returncode == 0, built.stderr
    cancel = ["invoices", "cancel", "2027-0001", "--reason", "Falscher Zeitraum", "--no-pdf"]
    assert installed.run(cancel, cwd=example, env=env).returncode == 0
    listed = installed.run(["invoices", "list"], cwd=example, env=env)
    assert listed.returncode == 0, listed.stderr
    head, *rows = listed.stdout.splitlines()
    assert re.match(r"Nummer +Datum +Kunde +Art +Zeitraum +Brutto +Zahlbetrag +Vermerk$", head)
    by_number = {row.split()[0]: row for row in rows if re.match(r"\d{4}-\d{4} ", row)}
    storno = max(by_number)
    assert by_number[storno].endswith("Storno zu 2027-0001")
    assert by_number["2027-0001"].endswith(f"storniert durch {storno}")
    final = next(r for r in rows if " schluss " in r)  # deducts the advance: due < gross
    gross, due = re.findall(r"(\d[\d.]*,\d\d)\s€", final)
    assert gross != due
    assert rows[-1] == f"{len(by_number)} Rechnungen"


def test_run_summary_counts_nothing_due_apart(installed: Installed, example: Path) -> None:
    env = _day("2027-01-05")
    done = installed.run(["invoices", "run", "--period", "2026-11", "--no-pdf"], example, env=env)
    assert done.returncode == 0, done.stderr
    # each client says why (issue 19): no example engagement has a day in November
    assert "der Auftrag hat keinen Tag im 2026-11" in done.stdout
    assert "4 Kunden: 0 erstellt, 4 nichts fällig, 0 fehlgeschlagen" in done.stdout


def test_machine_formats_stay_plain_even_when_colour_is_forced(
    installed: Installed, outside: Path
) -> None:
    from tests.e2e.test_exit_status import broken_template

    assert installed.run(["init", "repo"], cwd=outside).returncode == 0
    repo = outside / "repo"
    assert installed.run(["templates", "init"], cwd=repo).returncode == 0
    template = repo / "vorlagen" / "rechnung.docx"
    shutil.move(broken_template(template, repo / "kaputt.docx"), template)
    forced = {**DE, "FORCE_COLOR": "1"}
    for fmt in ("github", "json", "sarif"):
        done = installed.run(["check", "--format", fmt], cwd=repo, env=forced)
        assert done.returncode == 1 and done.stdout, (fmt, done.stderr)
        assert not ANSI.search(done.stdout), fmt
    plain = installed.run(["check"], cwd=repo, env=DE)
    coloured = installed.run(["check"], cwd=repo, env=forced)
    assert plain.returncode == coloured.returncode == 1 and "TAG-LONE" in plain.stdout
    assert "\x1b[" in coloured.stdout and ANSI.sub("", coloured.stdout) == plain.stdout
