"""Refusals from the legal review, through the installed command (R-… in docs/recht.md)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.e2e.conftest import Installed, tree


def test_secrecy_client_without_nda_is_refused_and_nothing_is_written(
    installed: Installed, outside: Path
) -> None:
    """R-AVV-09: a client bound by § 203 StGB without the NDA: exit 1, file:line, no files."""
    assert installed.run(["init", "ws"], cwd=outside).returncode == 0
    ws = outside / "ws"
    client = ws / "kunden" / "beispiel-gmbh.yaml"
    text = client.read_text(encoding="utf-8")
    text = text.replace(
        "  ansprache: sie\n", "  ansprache: sie\n  berufsgeheimnis: rechtsanwalt\n", 1
    )
    text = text.replace("nda:\n  vereinbart: true\n", "nda:\n  vereinbart: false\n", 1)
    client.write_text(text, encoding="utf-8")
    before = tree(ws)
    done = installed.run(["build", "kunden/", "--no-pdf", "--date", "2026-11-27"], cwd=ws)
    assert done.returncode == 1, done
    line = text.splitlines().index("  vereinbart: false") + 1
    assert re.search(rf"beispiel-gmbh\.yaml:{line}:\d+: .*nda\.vereinbart", done.stderr), (
        done.stderr
    )
    assert "R-AVV-09" in done.stderr and "docs/recht.md" in done.stderr
    assert "Traceback" not in done.stderr
    assert tree(ws) == before, "nothing written"


def test_consumer_rounding_is_refused_by_validate(installed: Installed, outside: Path) -> None:
    """R-AB-03: per-entry rounding toward a consumer: `validate` exits 1 and names the key."""
    assert installed.run(["init", "ws"], cwd=outside).returncode == 0
    ws = outside / "ws"
    client = ws / "kunden" / "beispiel-gmbh.yaml"
    text = client.read_text(encoding="utf-8")
    assert "  art: unternehmen\n" in text and "  taktung_minuten:" in text
    text = text.replace("  art: unternehmen\n", "  art: verbraucher\n", 1).replace(
        "  kaufmann: true\n", "", 1
    )
    client.write_text(text, encoding="utf-8")
    done = installed.run(["validate", "kunden/"], cwd=ws)
    assert done.returncode == 1, done
    out = done.stdout + done.stderr
    assert "verguetung.taktung_minuten" in out and "R-AB-03" in out


def test_verfahrensdoku_is_written_from_the_profile(installed: Installed, outside: Path) -> None:
    """R-RE-09: `vadocs verfahrensdoku` writes the GoBD document; exit 0."""
    assert installed.run(["init", "ws"], cwd=outside).returncode == 0
    ws = outside / "ws"
    done = installed.run(["verfahrensdoku", "--date", "2026-11-29"], cwd=ws)
    assert done.returncode == 0, done
    text = (ws / "Verfahrensdokumentation.md").read_text(encoding="utf-8")
    assert "Stand: 29.11.2026" in text and "| 8 Jahre |" in text
    (ws / "vadocs.yaml").write_text("name: [kaputt\n", encoding="utf-8")
    before = tree(ws)
    broken = installed.run(["verfahrensdoku", "-o", "neu.md"], cwd=ws)
    assert broken.returncode == 1 and "vadocs.yaml" in broken.stderr
    assert tree(ws) == before
