"""The language detector of the e2e runs: English prose is found, German output passes."""

from __future__ import annotations

import pytest

from tests.e2e import prose

GERMAN = [
    "Aufruf: vadocs invoices run [OPTIONEN] [CLIENTS]...",
    "  templates       Eigene Word-Vorlagen: die eingebauten kopieren, sehen,...",
    "kunden/beispiel-gmbh.yaml:12:9: Fehler: kunde.anschrift.plz: eine deutsche PLZ hat fünf "
    "Ziffern (gefunden „0106“)",
    "    Tipp: setzen Sie nda.vereinbart: true (Art. 28 Abs. 3 Buchst. a DSGVO)",
    "Rechnung 2026-0001 storniert: `vadocs invoices cancel 2026-0001 --reason 'the client'`",
    "geschrieben  out/beispiel-gmbh/2026-11-27_Rechnung_2026-0001_beispiel-gmbh.pdf",
    "Exit-Status:",
    '{"file": "kunden/x.yaml", "message": "the value is missing"}',
    "rechnung.xml: BR-CO-16: Amount due for payment (BT-115) = Invoice total amount",
    "Unbekannte Option '--with-dependents'. Meinten Sie '--with-dependents'?",
    "::error file=vorlagen/rechnung.docx,title=TAG-LONE::Haupttext, Absatz 3: „{{“ öffnet …",
    "| {%tr for z in rechnung.zeilen %} | {{ z.text }} |",
]
ENGLISH = [
    "Usage: vadocs [OPTIONS] COMMAND [ARGS]...",
    "  -h, --help  Show this message and exit.",
    "Error: No such option: --nope",
    "kunden/x.yaml: warning: the invoice is not issued yet",
    "interrupted: nothing was done",
    "2 files valid",
    "Tipp: build again on or after 31.12.2026; preview it now with --draft",
    "created out/x.pdf",
]


@pytest.mark.parametrize("line", GERMAN)
def test_german_output_holds_no_english_prose(line: str) -> None:
    assert prose.english_words(line) == []


@pytest.mark.parametrize("line", ENGLISH)
def test_english_prose_is_found(line: str) -> None:
    assert prose.english_words(line), line
    assert prose.english_lines(f"Alles gut\n{line}\n") == [line]


def test_german_words_are_found_in_english_output() -> None:
    assert prose.german_words("Tipp: prüfen Sie die Datei, bitte") == ["Sie", "Datei", "bitte"]
    assert prose.german_words("hint: add an nda: block with `vereinbart: true`") == []
    assert prose.german_words("warning: IONOS (E-Mail und Hosting) is not verified") == []
