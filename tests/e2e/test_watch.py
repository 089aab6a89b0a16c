"""`vadocs watch` as installed: one watcher per workspace, a rebuild after a save, a build
that borrows its LibreOffice, and Ctrl-C leaving no process behind."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.conftest import pdf_text
from tests.e2e.conftest import Installed, tree
from tests.watch.conftest import make_workspace
from tests.watch.processes import Process, living, rest


def test_watch_as_installed(installed: Installed, outside: Path) -> None:
    root = make_workspace(outside / "ws")
    private_tmp = outside / "tmp"
    private_tmp.mkdir()
    env = installed.env({"TMPDIR": str(private_tmp), "PYTHONUNBUFFERED": "1"})
    watch = Process([str(installed.vadocs), "watch", "--date", "2026-11-27"], root, env)
    try:
        watch.wait_for("beobachte 2 Kundendatei(en)")

        before = tree(root)
        second = installed.run(["watch", "kunden"], cwd=root, timeout=60)
        assert second.returncode == 1
        assert "hier läuft schon `vadocs watch`" in second.stderr
        assert tree(root) == before, "the refused watcher wrote nothing"

        client = root / "kunden" / "alpha.yaml"
        client.write_text(client.read_text().replace("Weg 1", "Lindenweg 4"))
        # (the client's listed advance is now also warned as implied, issue 19: skip that line)
        line = watch.wait_for("PDF neu")
        assert "kunden/alpha.yaml:" in line and "out/alpha" in line, line
        # The offer's data changed: watch shows it, but records no new version (issue 13).
        (confirmation,) = (root / "out" / "alpha").glob("*Auftragsbestaetigung*.pdf")
        assert "Lindenweg 4" in pdf_text(confirmation) and "Fassung" not in confirmation.name
        assert not (root / ".vadocs" / "vertraege.json").exists()
        invoices = [p.name for p in (root / "out").rglob("*Rechnung*")]
        assert invoices and all("ENTWURF" in n for n in invoices), invoices
        assert not list((root / ".vadocs").rglob("*Rechnung*")), "nothing in the archive"

        built = installed.run(["build", "--draft", "kunden/beta.yaml"], cwd=root, timeout=120)
        assert built.returncode == 0, built.stderr
        assert "vadocs watch" in built.stderr, "the build used the watcher's LibreOffice"

        assert watch.stop(signal.SIGINT) == 130
    finally:
        if watch.proc.poll() is None:
            watch.proc.kill()
    assert "watch beendet" in "\n".join([*watch.seen, *rest(watch)])
    assert living(private_tmp) == [], "no LibreOffice left"
