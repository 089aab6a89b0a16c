"""Under an English locale the installed vadocs speaks English throughout.

Every run below asks for English by ``LANG=en_US.UTF-8``; ``Installed.run`` fails a run whose
output holds German prose (``tests/e2e/prose.py``), so this walks the everyday commands once.
(``vadocs fields`` is left out: it lists the German data model's own descriptions.)
"""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import Installed

ENGLISH = {"LANG": "en_US.UTF-8"}

STEPS = [
    (["--help"], 0, "Usage: vadocs [OPTIONS] COMMAND [ARGS]..."),
    (["validate"], 0, "files valid"),
    (["check"], 0, "templates checked"),
    (["build", "kunden/", "--no-pdf", "--date", "2026-11-27"], 0, "written"),
    (["invoices", "list"], 0, "0 invoices"),
    (["invoices", "list", "--open", "--date", "2027-03-01"], 0, "open invoice(s)"),
    (["reminders", "--date", "2027-03-01"], 0, "reminder"),
    (["payments", "list"], 0, "booking(s)"),
    (["templates", "list"], 0, "built-in"),
    (["invoices", "cancel", "2099-9999", "--reason", "x"], 1, "hint:"),
    (["build", "--nonsense"], 2, "Error: No such option"),
]


def test_english_on_request_for_the_everyday_commands(installed: Installed, outside: Path) -> None:
    assert installed.run(["init", "ws"], cwd=outside, env=ENGLISH).returncode == 0
    ws = outside / "ws"
    for args, code, wanted in STEPS:
        done = installed.run(args, cwd=ws, env=ENGLISH)
        output = done.stdout + done.stderr
        assert done.returncode == code, (args, output)
        assert wanted in output, (args, output)
