"""``vadocs fields`` and docs/felder.md: every placeholder, with type, German meaning, example."""

from __future__ import annotations

import click
from click.testing import CliRunner

from tests.conftest import ROOT
from vadocs.checks.field_texts import FILTER_TEXTS
from vadocs.cli.templates import COMMANDS
from vadocs.documents.environment import allowed_filters
from vadocs.documents.fields import fields_for, fields_markdown
from vadocs.documents.formatting import FILTERS


def _cli() -> click.Group:
    group = click.Group("vadocs")
    for command in COMMANDS:
        group.add_command(command)
    return group


def test_docs_page_is_current() -> None:
    page = ROOT / "docs" / "felder.md"
    assert page.read_text(encoding="utf-8") == fields_markdown(), (
        "docs/felder.md is out of date: run `vadocs fields --markdown > docs/felder.md`"
    )


def test_every_placeholder_has_a_german_description_and_a_type() -> None:
    found = fields_for(None)
    assert [f.path for f in found if not f.description] == []
    assert [f.path for f in found if not f.type_name] == []


def test_fields_shows_the_postal_code_with_its_title_and_example() -> None:
    result = CliRunner().invoke(_cli(), ["fields"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("kunde.anschrift.plz "))
    assert "[Text]" in lines[i]
    assert "Postleitzahl" in lines[i + 1]
    assert "Example: 01067" in lines[i + 1]


def test_loop_items_and_derived_names_are_listed() -> None:
    paths = {f.path for f in fields_for(None)}
    assert {
        "auftrag.werkzeuge[].konto",
        "unterauftragsverarbeiter[].anbieter.name",
        "rechnung.zeilen[].netto",
        "a.sie",
        "dokument.datum",
        "steuer.hinweis",
    } <= paths


def test_invoice_names_only_for_invoices() -> None:
    contract = {f.path for f in fields_for("nda")}
    invoice = {f.path for f in fields_for("rechnung")}
    assert "rechnung.nummer" in invoice and "rechnung.nummer" not in contract
    assert "kunde.name" in contract and "kunde.name" in invoice
    assert all(f.invoice_only for f in fields_for(None) if f.path.startswith("rechnung."))


def test_fields_for_one_document_through_the_cli() -> None:
    result = CliRunner().invoke(_cli(), ["fields", "rechnung"])
    assert result.exit_code == 0
    assert "rechnung.zahlbetrag  [Zahl" in result.output
    assert "(invoice only)" not in result.output
    wrong = CliRunner().invoke(_cli(), ["fields", "brief"])
    assert wrong.exit_code == 2


def test_every_filter_is_described() -> None:
    ours = set(FILTERS) | {"zeilen"}
    assert ours <= allowed_filters()
    assert set(FILTER_TEXTS) == ours
