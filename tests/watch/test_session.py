"""A running watch session with a real LibreOffice: what a save rebuilds, and what not."""

from __future__ import annotations

import io
import os
import signal
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import TODAY, noon, pdf_text
from tests.watch.conftest import Running
from vadocs.build.results import BuildOptions
from vadocs.build.run import build
from vadocs.data.workspace import builtin_templates
from vadocs.documents.kinds import AUFTRAGSBESTAETIGUNG
from vadocs.invoicing.ledger import Ledger
from vadocs.output import stable_docx
from vadocs.watch.lock import WatchLock
from vadocs.watch.session import Rebuild


def pdfs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.pdf"))}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def clients_of(rebuild: Rebuild) -> list[str]:
    return sorted(c.client_file.stem for c in rebuild.clients)


def test_client_edit_rebuilds_that_client_only(running: Running) -> None:
    alpha, beta = running.root / "out" / "alpha", running.root / "out" / "beta"
    beta_before = {p: p.stat().st_mtime_ns for p in beta.iterdir()}
    edit(running.root / "kunden" / "alpha.yaml", "Weg 1", "Weg 7")
    rebuild = running.next()
    assert rebuild.error is None and clients_of(rebuild) == ["alpha"]
    (result,) = rebuild.clients
    assert result.error is None
    written = {p.name for p in result.written}
    assert any(n.endswith(".pdf") and "Auftragsbestaetigung" in n for n in written), written
    assert any("ENTWURF_Rechnung" in n and n.endswith(".pdf") for n in written), written
    assert "Weg 7" in pdf_text(alpha / next(n for n in written if "Auftrags" in n and ".pdf" in n))
    assert {p: p.stat().st_mtime_ns for p in beta.iterdir()} == beta_before, "beta untouched"


def test_saving_unchanged_bytes_rebuilds_nothing(running: Running) -> None:
    client = running.root / "kunden" / "alpha.yaml"
    client.write_bytes(client.read_bytes())
    os.utime(client)
    (running.root / "notes.txt").write_text("not an input", encoding="utf-8")
    assert running.quiet(3.0), "a save without change must not rebuild"


def test_template_change_rebuilds_that_document_for_every_client(running: Running) -> None:
    own = running.root / "vorlagen" / AUFTRAGSBESTAETIGUNG.template
    own.parent.mkdir()
    own.write_bytes(
        reworded(builtin_templates() / own.name, "vielen Dank für", "herzlichen Dank für")
    )
    rebuild = running.next()
    assert rebuild.error is None and clients_of(rebuild) == ["alpha", "beta"]
    for result in rebuild.clients:
        assert result.error is None
        pdf = [p for p in result.written if "Auftragsbestaetigung" in p.name and p.suffix == ".pdf"]
        assert len(pdf) == 1 and "herzlichen Dank" in pdf_text(pdf[0], layout=False)
        assert not any("Rechnung" in p.name for p in result.written), "invoices not rebuilt"


def reworded(template: Path, old: str, new: str) -> bytes:
    """The template with ``old`` replaced in its body text (word/document.xml)."""
    out = io.BytesIO()
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            dst.writestr(item, data)
    return stable_docx(out.getvalue())


def test_invalid_edit_is_reported_and_the_next_valid_save_recovers(running: Running) -> None:
    client = running.root / "kunden" / "alpha.yaml"
    good = client.read_text(encoding="utf-8")
    client.write_text(good.replace("art: unternehmen", "art: [kaputt"), encoding="utf-8")
    broken = running.next()
    assert clients_of(broken) == ["alpha"] and broken.clients[0].error is not None
    assert "alpha.yaml" in broken.clients[0].error.format()
    client.write_text(good.replace("Weg 1", "Weg 9"), encoding="utf-8")
    fixed = running.next()
    assert fixed.error is None and fixed.clients[0].error is None
    assert any(p.suffix == ".pdf" for p in fixed.clients[0].written)


def test_never_takes_an_invoice_number(running: Running) -> None:
    edit(running.root / "kunden" / "beta.yaml", "Weg 1", "Weg 2")
    running.next()
    ledger_file = running.root / ".vadocs" / "ledger.sqlite"
    if ledger_file.exists():
        ledger = Ledger(ledger_file)
        try:
            assert ledger.all() == []
        finally:
            ledger.close()
    names = [p.name for p in (running.root / "out").rglob("*Rechnung*")]
    assert names and all("ENTWURF" in n for n in names), names


def test_saves_record_no_contract_version(running: Running) -> None:
    """Ten saves of an offer are not ten versions: watch previews, ``build`` records."""
    client = running.root / "kunden" / "alpha.yaml"
    for old, new in (("Weg 1", "Weg 2"), ("Weg 2", "Weg 3")):
        edit(client, old, new)
        assert running.next().error is None
    assert not (running.root / ".vadocs" / "vertraege.json").exists()
    names = [p.name for p in (running.root / "out" / "alpha").glob("*Auftragsbestaetigung*")]
    assert names and not any("Fassung" in n for n in names), names


def test_second_watcher_is_refused(running: Running) -> None:
    with pytest.raises(Exception, match="läuft schon `vadocs watch`") as info:
        WatchLock(running.root / ".vadocs").acquire()
    assert str(os.getpid()) in info.value.args[0]


def test_build_in_another_terminal_uses_the_watchers_libreoffice(
    running: Running, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    client = running.root / "kunden" / "alpha.yaml"
    served = running.session.server.served if running.session.server else 0
    borrowed = build(
        [client], BuildOptions(today=TODAY, output=tmp_path / "a", draft=True, now=noon(TODAY))
    )
    assert not borrowed.failed
    assert running.session.server is not None and running.session.server.served == served + 1
    assert any("vadocs watch" in n for n in borrowed.notes)
    monkeypatch.setenv("VADOCS_CONVERTER", "uno")
    own = build(
        [client], BuildOptions(today=TODAY, output=tmp_path / "b", draft=True, now=noon(TODAY))
    )
    assert not own.failed and not any("vadocs watch" in n for n in own.notes)
    assert running.session.server.served == served + 1
    a, b = pdfs(tmp_path / "a" / "alpha"), pdfs(tmp_path / "b" / "alpha")
    assert a and a == b, "the same PDFs, byte for byte"


def test_libreoffice_killed_while_idle_is_restarted(running: Running) -> None:
    victims = soffice_pids()
    assert victims
    for pid in victims:
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and set(soffice_pids()) & set(victims):
        time.sleep(0.1)
    edit(running.root / "kunden" / "alpha.yaml", "Weg 1", "Weg 3")
    rebuild = running.next()
    assert rebuild.error is None and rebuild.clients[0].error is None
    assert any(p.suffix == ".pdf" for p in rebuild.clients[0].written)
    assert not set(soffice_pids()) & set(victims)


def soffice_pids() -> list[int]:
    """soffice processes started below this process."""
    mine = descendants(os.getpid())
    return [pid for pid in mine if b"soffice" in _cmdline(pid)]


def descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    found: set[int] = set()
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""
