"""Every problem at once and each once (issue 15): the valid part of a file still meets the
cross-field rules; hints that are right; names read as written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import copy_workspace
from vadocs.data.loading import load_catalogue, load_engagement, load_profile, validate_files
from vadocs.data.partial import BROKEN, Unavailable, guarded, partial_model
from vadocs.data.rules import file_rules
from vadocs.data.validation import SchemaErrors, validate
from vadocs.data.workspace import find_workspace
from vadocs.data.yaml_source import load
from vadocs.errors import Problem, ProblemsError, Severity
from vadocs.model.client import Kundendatei
from vadocs.timesheets import Request, import_times

TODAY = date(2026, 11, 29)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return copy_workspace("umsatzsteuer", tmp_path)


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(file: Path) -> list[Problem]:
    found = find_workspace(file)
    profil, _warnings = load_profile(found.profile_file)
    with pytest.raises(ProblemsError) as caught:
        load_engagement(file, found, profil, load_catalogue(found), TODAY)
    return caught.value.problems


def test_partial_model_keeps_what_validated(ws: Path) -> None:
    file = ws / "kunden" / "mueller-gmbh.yaml"
    edit(file, "  beginn: 2026-12-01", "  beginn: 1.12.2026")
    edit(file, "    zeitraum: 2026-12\n", "    zeitraum: 12/2026\n")
    with pytest.raises(SchemaErrors) as caught:
        validate(load(file), Kundendatei)
    datei = partial_model(Kundendatei, caught.value.data, caught.value.locations)
    assert isinstance(datei, Kundendatei)
    assert datei.kunde.anschrift.plz == "01067" and datei.auftrag.datum == date(2026, 11, 20)
    with pytest.raises(Unavailable):
        _ = datei.auftrag.beginn < date(2027, 1, 1)
    first = datei.rechnungen[0]
    with pytest.raises(Unavailable):
        _ = first.zeitraum.startswith("2026")
    assert first.art == "schluss" and first.mehrstunden_vereinbart  # the rest validated


def test_guarded_stops_at_a_broken_field_and_keeps_what_came_before() -> None:
    def rule(value: object) -> list[Problem] | object:
        yield Problem(None, "before")
        if value == 1:  # comparing the broken value raises
            yield Problem(None, "after")

    assert [p.message for p in guarded(rule, BROKEN)] == ["before"]
    assert [p.message for p in guarded(rule, 1)] == ["before", "after"]

    def buggy() -> list[Problem]:
        raise TypeError("a real bug")

    with pytest.raises(TypeError):
        list(guarded(buggy))


def test_schema_error_and_rule_error_together(ws: Path) -> None:
    file = ws / "kunden" / "mueller-gmbh.yaml"
    edit(file, "  plz: 01067", "  plz: 1067")
    edit(file, "  art: unternehmen", "  art: verbraucher")
    problems = problems_of(file)
    messages = [p.message for p in problems]
    assert sum("plz" in p.path for p in problems) == 1
    assert messages.count("a consumer cannot be a merchant") == 1
    assert len(messages) == len(set((p.path, p.message) for p in problems))
    assert [p.line for p in problems if p.file == file] == sorted(
        p.line or 0 for p in problems if p.file == file
    )


@pytest.mark.parametrize(
    ("old", "new", "quiet"),
    [
        ("  beginn: 2026-12-01", "  beginn: 1.12.2026", "outside the engagement"),
        ("  - art: schluss\n", "  - art: anzahlung\n", "deducts an advance invoice"),
        ("  kontingent_stunden: 20", "  kontingent_stunden: zwanzig", "contingent"),
    ],
)
def test_no_follow_up_error_from_a_broken_field(ws: Path, old: str, new: str, quiet: str) -> None:
    file = ws / "kunden" / "mueller-gmbh.yaml"
    edit(file, old, new)
    problems = problems_of(file)
    assert len(problems) >= 1
    assert not any(quiet in p.message for p in problems), [p.format() for p in problems]


def test_a_broken_profile_still_checks_the_clients_rules(ws: Path) -> None:
    edit(ws / "vadocs.yaml", "stundensatz: ", "stundensatz: 55,00 € # ")
    client = ws / "kunden" / "mueller-gmbh.yaml"
    edit(client, "  art: unternehmen", "  art: verbraucher")
    files = [ws / "vadocs.yaml", client]
    found = validate_files(files, {f: find_workspace(f) for f in files}, TODAY)
    assert sum(p.path == "stundensatz" for p in found) == 1
    assert sum(p.message == "a consumer cannot be a merchant" for p in found) == 1


def test_profile_rules_run_despite_schema_errors(ws: Path) -> None:
    profile = ws / "vadocs.yaml"
    edit(profile, "stundensatz: ", "stundensatz: 55,00 € #")
    text = profile.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith(("steuernummer:", "ust_idnr:"))]
    profile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        load_profile(profile)
    paths = [p.path for p in caught.value.problems]
    assert "stundensatz" in paths and "steuernummer" in paths


def test_a_line_between_two_levels_names_both(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("auftrag:\n  anfrage:\n    art: Telefon\n   beginn: 2026-12-01\n", "utf-8")
    with pytest.raises(ProblemsError) as caught:
        load(path)
    (problem,) = caught.value.problems
    assert problem.line == 4
    assert "line 2 by 2 and line 3 by 4" in problem.message
    assert "by 2 spaces like line 2" in problem.hint


@pytest.mark.parametrize(
    ("header", "row", "setting"),
    [
        ("Date;From;To;Duration;Description", "{d};08:00;09:00;3600;Post", "Kimai: Profil"),
        (
            "User,Email,Client,Project,Description,Billable,Start date,Start time,End date,"
            "End time,Duration",
            "a,a@b.example,K,P,Post,Yes,{d},08:00:00,{d},09:00:00,01:00:00",
            "Toggl Track: Profile settings → Date format",
        ),
    ],
)
def test_an_ambiguous_date_names_the_trackers_setting(
    tmp_path: Path, header: str, row: str, setting: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_text("\n".join([header, row.format(d="03/12/2026")]) + "\n", "utf-8")
    with pytest.raises(ProblemsError) as caught:
        import_times(Request(path, date(2026, 12, 1), date(2026, 12, 31)))
    (problem,) = caught.value.problems
    assert setting in problem.hint and "datumsformat" in problem.hint


@pytest.mark.parametrize(
    "quoted", ["„Müller GmbH“", "“Müller GmbH”", "‚Müller GmbH‘", "»Müller GmbH«", "«Müller GmbH»"]
)
def test_a_name_in_typographic_quotes_is_a_warning(ws: Path, quoted: str) -> None:
    file = ws / "kunden" / "mueller-gmbh.yaml"
    edit(file, "  name: Müller & Söhne <Haustechnik> GmbH", f"  name: {quoted}")
    found = find_workspace(file)
    profil, _warnings = load_profile(found.profile_file)
    loaded = load_engagement(file, found, profil, load_catalogue(found), TODAY)
    (warning,) = [p for p in loaded.warnings if p.path == "kunde.name"]
    assert warning.severity is Severity.WARNING and warning.line == 3
    assert warning.hint.endswith("name: Müller GmbH")
    assert loaded.engagement.datei.kunde.name == quoted  # read as written, only warned


@pytest.mark.parametrize("name", ["Müller „Bau“ GmbH", "„Müller“ & „Söhne“", "Müller GmbH"])
def test_quotes_inside_a_name_are_no_warning(ws: Path, name: str) -> None:
    file = ws / "kunden" / "mueller-gmbh.yaml"
    edit(file, "  name: Müller & Söhne <Haustechnik> GmbH", f"  name: {name}")
    found = find_workspace(file)
    profil, _warnings = load_profile(found.profile_file)
    loaded = load_engagement(file, found, profil, load_catalogue(found), TODAY)
    assert not [p for p in loaded.warnings if p.path == "kunde.name"]


@pytest.mark.parametrize("word", ["Null", "NULL", "~", "No", "Off", "yes", "True", "1e3"])
def test_a_yaml_word_is_the_name_written(ws: Path, word: str) -> None:
    file = ws / "kunden" / "mueller-gmbh.yaml"
    edit(file, "    name: Müller\n", f"    name: {word}\n")
    datei = validate(load(file), Kundendatei)
    assert datei.kunde.ansprechpartner is not None
    assert datei.kunde.ansprechpartner.name == word


@pytest.mark.parametrize(
    ("stem", "slug"),
    [
        ("Bäckerei Schulz", "baeckerei-schulz"),
        ("Ba\u0308ckerei Schulz", "baeckerei-schulz"),  # decomposed, as macOS writes it
        ("Größe & Söhne", "groesse-soehne"),
        ("Müller_GmbH", "mueller-gmbh"),
        ("Café Zoë", "cafe-zoe"),
    ],
)
def test_suggested_file_names_transliterate_umlauts(tmp_path: Path, stem: str, slug: str) -> None:
    path = tmp_path / f"{stem}.yaml"
    path.write_text("kunde: {}\n", "utf-8")
    (problem,) = file_rules(load(path))
    assert problem.hint.endswith(f"{slug}.yaml")
