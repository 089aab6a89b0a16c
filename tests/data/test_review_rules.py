"""Rules from the legal review (R-… in docs/recht.md), data-driven: one change, one refusal.

Each case changes a valid example (client file or profile) in a copy and expects the problem
at the field to change, naming the checklist ID so the hint points to docs/recht.md.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from vadocs.data.loading import load_catalogue, load_engagement, load_profile
from vadocs.data.workspace import find_workspace
from vadocs.errors import ProblemsError, Severity

TODAY = date(2026, 11, 27)
BASE = EXAMPLES / "umsatzsteuer" / "kunden" / "mueller-gmbh.yaml"
CONSUMER = EXAMPLES / "umsatzsteuer" / "kunden" / "lena-fischer.yaml"
VIENNA = EXAMPLES / "umsatzsteuer" / "kunden" / "studio-wien.yaml"
ZURICH = EXAMPLES / "umsatzsteuer" / "kunden" / "alpenblick-ag.yaml"
ADVISER = EXAMPLES / "kleinunternehmerin" / "kunden" / "praxis-berger.yaml"

# (id, client file, file to change: "client" or "profile", old, new, field path, rule)
CASES = [
    (
        "secrecy-without-nda",
        ADVISER,
        "client",
        "nda:\n  vereinbart: true",
        "nda:\n  vereinbart: false",
        "nda.vereinbart",
        "R-AVV-09",
    ),
    (
        "mail-channel-without-address",
        BASE,
        "client",
        "      email: s.mueller@mueller-haustechnik.example\n  weisungswege:",
        "  weisungswege:",
        "datenschutz.weisungsberechtigte",
        "R-AVV-10",
    ),
    (
        "consumer-no-data-without-reason",
        CONSUMER,
        "client",
        "personenbezogene_daten: true",
        "personenbezogene_daten: false",
        "datenschutz.personenbezogene_daten",
        "R-AVV-08",
    ),
    (
        "consumer-per-entry-rounding",
        CONSUMER,
        "client",
        "  art: pauschal\n",
        "  art: pauschal\n  taktung_minuten: 15\n",
        "verguetung.taktung_minuten",
        "R-AB-03",
    ),
    (
        "swiss-client-as-hgb-merchant",
        ZURICH,
        "client",
        "  art: unternehmen\n",
        "  art: unternehmen\n  kaufmann: true\n",
        "kunde.kaufmann",
        "R-AB-04",
    ),
    (
        "personal-account-without-dpa",
        VIENNA,
        "client",
        "      konto: assistenz\n",
        "      konto: assistenz\n      kontotyp: privat\n",
        "auftrag.werkzeuge[0].kontotyp",
        "R-AVV-03",
    ),
    (
        "consumer-without-telephone",
        CONSUMER,
        "profile",
        "  telefon: +49 351 1234567\n",
        "",
        "kunde.art",
        "R-AB-11",
    ),
    (
        "no-own-services",
        BASE,
        "profile",
        "  - {name: ionos, zweck: E-Mail-Postfach}\n"
        "  - {name: dropbox, zweck: Cloud-Speicher und Datensicherung}\n"
        "  - {name: sipgate, zweck: Telefon und Mailbox}\n",
        "  []\n",
        "datenschutz.personenbezogene_daten",
        "R-AVV-04",
    ),
    (
        "own-service-unknown",
        BASE,
        "profile",
        "{name: ionos,",
        "{name: mein-mailhoster,",
        "datenschutz.personenbezogene_daten",
        "R-AVV-04",
    ),
    (
        "no-confirmed-toms",
        ADVISER,
        "profile",
        "tom:  # nur, was sie tatsächlich tut\n",
        "tom_entwurf:\n",
        "datenschutz.personenbezogene_daten",
        "R-AVV-06",
    ),
]


def _load(tmp_path: Path, source: Path, which: str, old: str, new: str) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(source.parent.parent, ws, ignore=shutil.ignore_patterns("out", ".vadocs"))
    target = ws / "kunden" / source.name
    changed = target if which == "client" else ws / "vadocs.yaml"
    text = changed.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test case does not apply: {old!r}"
    if which == "profile" and old.startswith("tom:"):
        # drop the whole tom: block (its indented lines) — the profile confirms nothing
        head, _, rest = text.partition(old)
        rest = "\n".join(line for line in rest.splitlines() if not line.startswith("  ")) + "\n"
        changed.write_text(head + rest, encoding="utf-8")
    else:
        changed.write_text(text.replace(old, new), encoding="utf-8")
    found = find_workspace(target)
    profil, _ = load_profile(found.profile_file)
    load_engagement(target, found, profil, load_catalogue(found), TODAY)


@pytest.mark.parametrize(
    ("source", "which", "old", "new", "path", "rule"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_review_rule_refuses(
    tmp_path: Path, source: Path, which: str, old: str, new: str, path: str, rule: str
) -> None:
    with pytest.raises(ProblemsError) as caught:
        _load(tmp_path, source, which, old, new)
    found = [p for p in caught.value.problems if p.rule == rule]
    assert found, caught.value.format()
    assert found[0].path == path and found[0].severity is Severity.ERROR
    assert found[0].line is not None, "located in the client file"
    assert "docs/recht.md" in found[0].hint and rule in found[0].hint


def test_unknown_tool_on_the_clients_account_is_printed_by_its_display_name(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(BASE.parent.parent, ws, ignore=shutil.ignore_patterns("out", ".vadocs"))
    target = ws / "kunden" / BASE.name
    text = target.read_text(encoding="utf-8").replace(
        "- name: microsoft-teams", "- name: teamviewer"
    )
    target.write_text(text, encoding="utf-8")
    found = find_workspace(target)
    profil, _ = load_profile(found.profile_file)
    with pytest.raises(ProblemsError) as caught:
        load_engagement(target, found, profil, load_catalogue(found), TODAY)
    assert any("raw key" in p.message for p in caught.value.problems)
    target.write_text(
        text.replace(
            "      konto: kunde\n", "      konto: kunde\n      anzeigename: TeamViewer\n", 1
        ),
        encoding="utf-8",
    )
    loaded = load_engagement(target, found, profil, load_catalogue(found), TODAY)
    assert any("'TeamViewer'" in w.message for w in loaded.warnings)
    from vadocs.documents.context import base_context

    names = base_context(loaded.engagement, "x", TODAY)["werkzeugnamen"]
    assert "TeamViewer" in names and "teamviewer" not in names


def test_seven_percent_is_warned(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(BASE.parent.parent, ws, ignore=shutil.ignore_patterns("out", ".vadocs"))
    target = ws / "kunden" / BASE.name
    text = target.read_text(encoding="utf-8").replace(
        "  stundensatz: 55.00\n", "  stundensatz: 55.00\n  umsatzsteuersatz: 7\n"
    )
    target.write_text(text, encoding="utf-8")
    found = find_workspace(target)
    profil, _ = load_profile(found.profile_file)
    loaded = load_engagement(target, found, profil, load_catalogue(found), TODAY)
    assert [w.rule for w in loaded.warnings if w.rule == "R-RE-07"] == ["R-RE-07"]


def test_invoice_dated_in_the_future_is_warned(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(VIENNA.parent.parent, ws, ignore=shutil.ignore_patterns("out", ".vadocs"))
    target = ws / "kunden" / VIENNA.name
    # the month is derived from the engagement (issue 19); a different date is listed
    dated = "rechnungen:\n  - art: monat\n    zeitraum: 2026-12\n    datum: 2027-01-04\n"
    target.write_text(target.read_text(encoding="utf-8") + dated, encoding="utf-8")
    found = find_workspace(target)
    profil, _ = load_profile(found.profile_file)
    loaded = load_engagement(target, found, profil, load_catalogue(found), TODAY)
    (future,) = [w for w in loaded.warnings if w.rule == "R-RE-01"]
    assert future.path == "rechnungen[0].datum" and "04.01.2027" in future.message


def test_reverse_charge_reminds_of_the_recapitulative_statement() -> None:
    found = find_workspace(VIENNA)
    profil, _ = load_profile(found.profile_file)
    loaded = load_engagement(VIENNA, found, profil, load_catalogue(found), TODAY)
    (reminder,) = [w for w in loaded.warnings if w.rule == "R-RE-02"]
    assert "Zusammenfassenden Meldung (§ 18a UStG)" in reminder.message
