"""Every error the model can produce reads as plain German: the field, the value, the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from vadocs.data.validation import validate
from vadocs.data.yaml_source import load
from vadocs.errors import Problem, ProblemsError
from vadocs.model.client import Kundendatei
from vadocs.model.profile import Geschaeftsprofil

CLIENT = (EXAMPLES / "umsatzsteuer" / "kunden" / "mueller-gmbh.yaml").read_text("utf-8")
PROFILE = (EXAMPLES / "umsatzsteuer" / "vadocs.yaml").read_text("utf-8")
LIBRARY_WORDS = ("Input should", "Value error", "pattern", "pydantic", "^", "\\d", "type=", "[0-9")

# (text to replace, replacement, pydantic error type, words the German message or hint shows)
CLIENT_CASES = {
    "missing": ("  art: unternehmen\n", "", "dieser Schlüssel fehlt"),
    "extra_forbidden": ("  kaufmann: true", "  kaufmann: true\n  farbe: blau", "unbekannter"),
    "string_type": ("  umfang: etwa", "  umfang:\n    - etwa", "hier gehört Text hin"),
    "string_too_short": ("  umfang: etwa 20 Stunden im Monat", '  umfang: ""', "nicht leer"),
    "string_too_long": ("  umfang: etwa", "  umfang: " + "x" * 2001 + " etwa", "zu lang"),
    "string_pattern_mismatch": ("s.mueller@mueller-haustechnik.example", "s.mueller", "Domain"),
    "literal_error": ("  ansprache: sie", "  ansprache: ihr", "eines von: sie, du"),
    "bool_parsing": ("  kaufmann: true", "  kaufmann: vielleicht", "ja oder nein"),
    "int_parsing": ("kuendigungsfrist_wochen: 4", "kuendigungsfrist_wochen: vier", "ganze Zahl"),
    "int_from_float": ("kuendigungsfrist_wochen: 4", "kuendigungsfrist_wochen: 4.5", "ganze Zahl"),
    "less_than_equal": (
        "kuendigungsfrist_wochen: 4",
        "kuendigungsfrist_wochen: 60",
        "höchstens 52",
    ),
    "greater_than_equal": ("stundensatz: 55.00", "stundensatz: -5", "positiven Betrag"),
    "decimal_parsing": ("stundensatz: 55.00", "stundensatz: 55,00 €", "z. B. 55.00"),
    "decimal_max_places": ("stundensatz: 55.00", "stundensatz: 55.123", "Nachkommastellen"),
    "decimal_whole_digits": ("stundensatz: 55.00", "stundensatz: 12345678901.5", "Stellen"),
    "date_from_datetime_parsing": ("beginn: 2026-12-01", "beginn: 1.12.2026", "2026-12-01"),
    "date_impossible": ("beginn: 2026-12-01", "beginn: 2026-11-31", "2026-11-30"),
    "list_type": ("  ziele:\n", "  ziele: Entlastung\n  alt_ziele:\n", "Liste"),
    "too_short": ("  kommunikation:\n", "  kommunikation: []\n  alt:\n", "mindestens ein"),
    "model_type": ("  anfrage:\n", "  anfrage: gestern\n  alt:\n", "Block mit Schlüsseln"),
    "month_pattern": (
        "  - art: schluss\n    zeitraum: 2026-12\n",
        "  - art: schluss\n    zeitraum: 12/2026\n",
        "z. B. 2026-12",
    ),
    "duration_pattern": ('dauer: "2:10"', 'dauer: "2h10"', "Stunden:Minuten"),
    "value_error": ("DE 811 907 980", "DE 811 907 981", "Prüfziffer"),
}
PROFILE_CASES = {
    "iban_length": ("DE02 1203 0000 0000 2020 51", "DE02 1203 0000 0000 2020", "22"),
    "iban_checksum": ("DE02 1203 0000 0000 2020 51", "DE03 1203 0000 0000 2020 51", "Prüfziffern"),
}


def _problems(tmp_path: Path, text: str, model: type) -> list[Problem]:
    path = tmp_path / "kunde.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        validate(load(path), model)
    return caught.value.problems


def _check(problems: list[Problem], words: str, english: list[Problem]) -> None:
    assert len(problems) >= 1
    shown = "\n".join(p.format() for p in problems)
    assert words in shown, shown
    for p in problems:
        assert p.line is not None and p.column is not None, p
        assert p.hint, p
        assert not any(w in p.message + p.hint for w in LIBRARY_WORDS), p
    assert shown != "\n".join(p.format() for p in english), "not translated"


@pytest.mark.parametrize(("old", "new", "words"), CLIENT_CASES.values(), ids=CLIENT_CASES.keys())
def test_client_errors_read_as_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, words: str
) -> None:
    assert old in CLIENT
    text = CLIENT.replace(old, new, 1)
    english = _problems(tmp_path, text, Kundendatei)
    monkeypatch.setenv("VADOCS_LANG", "de")
    _check(_problems(tmp_path, text, Kundendatei), words, english)


@pytest.mark.parametrize(("old", "new", "words"), PROFILE_CASES.values(), ids=PROFILE_CASES.keys())
def test_profile_errors_read_as_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, words: str
) -> None:
    assert old in PROFILE
    text = PROFILE.replace(old, new, 1)
    english = _problems(tmp_path, text, Geschaeftsprofil)
    monkeypatch.setenv("VADOCS_LANG", "de")
    _check(_problems(tmp_path, text, Geschaeftsprofil), words, english)


@pytest.mark.parametrize("word", ["Null", "NULL", "null", "~"])
def test_a_null_word_is_the_text_written_where_text_is_expected(tmp_path: Path, word: str) -> None:
    path = tmp_path / "kunde.yaml"
    path.write_text(CLIENT.replace("    name: Müller\n", f"    name: {word}\n", 1), "utf-8")
    datei = validate(load(path), Kundendatei)
    assert datei.kunde.ansprechpartner is not None
    assert datei.kunde.ansprechpartner.name == word


def test_a_null_word_where_no_text_fits_is_no_value(tmp_path: Path) -> None:
    path = tmp_path / "kunde.yaml"
    path.write_text(
        CLIENT.replace("  beginn: 2026-12-01\n", "  beginn: 2026-12-01\n  ende: null\n"), "utf-8"
    )
    assert validate(load(path), Kundendatei).auftrag.ende is None


def test_a_key_one_level_too_high_is_told_where_it_belongs(tmp_path: Path) -> None:
    text = CLIENT.replace("    ort: Dresden\n", "", 1).replace(
        "  ust_idnr:", "  ort: Dresden\n  ust_idnr:", 1
    )
    problems = _problems(tmp_path, text, Kundendatei)
    assert [p.hint for p in problems] == [
        "„ort“ belongs inside „anschrift:“; indent it below that key"
    ]
