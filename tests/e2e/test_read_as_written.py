"""Issue 15 (fresh tester): her data read as written, and hints naming the line to change.

Through the installed wheel, in German: a name cut at '#', a list entry folded into the one
above, a line that left its block, ``ja`` as yes and a taktung listed in German.
"""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import Installed, tree
from tests.e2e.test_all_at_once import edit, workspace

DE = {"VADOCS_LANG": "de"}
CLIENT = "kunden/mueller-gmbh.yaml"


def test_a_name_cut_at_hash_and_a_folded_entry_are_errors(
    installed: Installed, outside: Path
) -> None:
    ws = workspace(outside, "mueller-gmbh")
    edit(ws / CLIENT, "  name: Müller & Söhne <Haustechnik> GmbH", "  name: Müller #1 GmbH")
    text = (ws / CLIENT).read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("    - "))
    after = text.split(first + "\n", 1)[1].splitlines()[0]
    assert after.startswith("    - "), after
    edit(ws / CLIENT, first + "\n" + after, first + "\n " + after)
    before = tree(ws)
    done = installed.run(["validate", CLIENT], cwd=ws, env=DE)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{CLIENT}:3:" in done.stderr and "als Kommentar gelesen" in done.stderr
    assert 'name: "Müller #1 GmbH"' in done.stderr
    assert "beginnt mit '- ', wird aber als Fortsetzung" in done.stderr
    assert tree(ws) == before


def test_a_key_out_of_its_block_is_blamed_and_ja_is_yes(
    installed: Installed, outside: Path
) -> None:
    ws = workspace(outside, "mueller-gmbh")
    edit(ws / CLIENT, "    plz: 01067", "  plz: 01067")
    done = installed.run(["validate", CLIENT], cwd=ws, env=DE)
    assert done.returncode == 1
    assert f"{CLIENT}:9:3: Zeile 9 („plz“)" in done.stderr, done.stderr
    assert "wie Zeile 8" in done.stderr
    edit(ws / CLIENT, "  plz: 01067", "    plz: 01067")
    edit(ws / CLIENT, "  taktung_minuten: 15", "  taktung_minuten: 10")
    edit(ws / CLIENT, "  kaufmann: true", "  kaufmann: Ja")
    done = installed.run(["validate", CLIENT], cwd=ws, env=DE)
    assert done.returncode == 1
    assert "muss 6, 15, 30 oder 60 sein" in done.stderr, done.stderr
    assert "kaufmann" not in done.stderr
