"""Jinja's own messages become plain German sentences; none of its English survives."""

from __future__ import annotations

import pytest
from jinja2 import Environment, TemplateSyntaxError

from vadocs.documents.jinja_errors import placeholder_in, suggestion, syntax_message

SOURCES = [
    ("{{ kunde.name {{", "}}"),
    ("{% if x %}ja", "endif"),
    ("{% endfi %}", "endfi"),
    ("{{ kunde.name }", ""),
    ("{{ a „b“ }}", "„"),
    ("{% for x in y %}{{ x }", ""),
]


@pytest.mark.parametrize(("source", "named"), SOURCES)
def test_syntax_errors_are_german(source: str, named: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VADOCS_LANG", "de")
    with pytest.raises(TemplateSyntaxError) as caught:
        Environment().parse(source)
    english = caught.value.message or ""
    text = syntax_message(english)
    assert english not in text
    assert named in text
    for jargon in ("expected", "token", "unexpected", "Encountered"):
        assert jargon not in text


def test_placeholder_named_and_suggested() -> None:
    source = "<w:t>{{ kunde.anschrift.strasse }}, {{ kunde.nme }}</w:t>"
    assert placeholder_in(source, "nme") == "kunde.nme"
    assert suggestion("kunde.nme", ["kunde.name", "kunde.anschrift.plz", "profil.name"]) == (
        "kunde.name"
    )
    assert suggestion("kunde.xyz", ["kunde.name"]) == ""
