"""``vadocs check`` against a corpus of templates broken the way Word breaks them.

Every case starts from a copy of a real template in templates_de/ and edits its
XML as Word or a hurried user would: split runs, AutoCorrect quotes, a space in
``{{``, a tracked deletion, a comment, Letter paper, English as the language …
Each case names the rule and the location it must be reported at; none may pass.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from lxml import etree  # type: ignore[import-untyped]

from tests.conftest import ROOT
from vadocs.checks import check_templates, fix_templates
from vadocs.checks.coverage import default_coverage_dir, load_requirements
from vadocs.checks.runner import CheckResult
from vadocs.cli.templates import COMMANDS
from vadocs.documents.kinds import ALL
from vadocs.errors import Severity

TEMPLATES = ROOT / "vadocs" / "templates_de"
EXAMPLES = ROOT / "examples"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BASE = next(
    (
        TEMPLATES / n
        for n in (
            "verschwiegenheitsvereinbarung.docx",
            "auftragsverarbeitungsvertrag.docx",
            "auftragsbestaetigung.docx",
        )
        if (TEMPLATES / n).is_file()
    ),
    TEMPLATES / "verschwiegenheitsvereinbarung.docx",
)
Edit = Callable[[bytes], bytes]


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# -- editing a .docx the way Word does ------------------------------------------------------


def rezip(data: bytes, changes: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            new = changes.pop(item.filename, None)
            dst.writestr(item, src.read(item) if new is None else new)
        for name, content in changes.items():
            dst.writestr(name, content)
    return out.getvalue()


def edit_xml(member: str, change: Callable[[etree._Element], None]) -> Edit:
    def edit(data: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            root = etree.fromstring(z.read(member))
        change(root)
        return rezip(
            data,
            {member: etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)},
        )

    return edit


def body(change: Callable[[etree._Element], None]) -> Edit:
    return edit_xml("word/document.xml", change)


def text_node(root: etree._Element, pattern: str) -> etree._Element:
    """The first ``w:t`` whose text matches ``pattern`` (a regular expression)."""
    for t in root.iter(w("t")):
        if t.text and re.search(pattern, t.text):
            return t
    raise AssertionError(f"no text matching {pattern!r} in {BASE.name}")


def replace_text(pattern: str, new: str) -> Edit:
    def change(root: etree._Element) -> None:
        t = text_node(root, pattern)
        t.text = re.sub(pattern, new, t.text or "", count=1)

    return body(change)


def _run(text: str, italic: bool = False) -> etree._Element:
    r = etree.Element(w("r"))
    if italic:
        etree.SubElement(etree.SubElement(r, w("rPr")), w("i"))
    t = etree.SubElement(r, w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def split_runs(root: etree._Element) -> None:
    """Word after a spelling check: ``{{ kunde.partei }}`` in three differently formatted runs."""
    run = text_node(root, r"^\{\{ kunde\.partei \}\}$").getparent()
    for i, piece in enumerate(("{{ kun", "de.na", "me }}")):
        run.addprevious(_run(piece, italic=i == 1))
    run.getparent().remove(run)


def split_paragraph(root: etree._Element) -> None:
    """Enter pressed inside a tag."""
    t = text_node(root, r"^\{\{ kunde\.partei \}\}$")
    p = t.getparent().getparent()
    t.text = "{{ kunde."
    second = etree.Element(w("p"))
    second.append(_run("name }}"))
    p.addnext(second)


def new_paragraphs(*texts: str) -> Edit:
    def change(root: etree._Element) -> None:
        first = root.find(f"{w('body')}/{w('p')}")
        for text in reversed(texts):
            p = etree.Element(w("p"))
            p.append(_run(text))
            first.addnext(p)

    return body(change)


def tracked(kind: str) -> Edit:
    """Track Changes left on: the run with ``{{ kunde.partei }}`` inserted or deleted."""

    def change(root: etree._Element) -> None:
        t = text_node(root, r"^\{\{ kunde\.partei \}\}$")
        run = t.getparent()
        wrapper = etree.Element(w(kind))
        wrapper.set(w("id"), "901")
        wrapper.set(w("author"), "Anna Schmidt")
        wrapper.set(w("date"), "2026-11-02T10:00:00Z")
        run.addprevious(wrapper)
        wrapper.append(run)
        if kind == "del":
            t.tag = w("delText")

    return body(change)


def commented(data: bytes) -> bytes:
    """A comment on the client's name, as Word stores it (document, comments part, rels)."""

    def mark(root: etree._Element) -> None:
        run = text_node(root, r"^\{\{ kunde\.partei \}\}$").getparent()
        start, end = etree.Element(w("commentRangeStart")), etree.Element(w("commentRangeEnd"))
        start.set(w("id"), "0")
        end.set(w("id"), "0")
        ref = etree.Element(w("r"))
        etree.SubElement(ref, w("commentReference")).set(w("id"), "0")
        run.addprevious(start)
        run.addnext(end)
        end.addnext(ref)

    data = body(mark)(data)
    comments = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W}">'
        '<w:comment w:id="0" w:author="Anna"><w:p><w:r><w:t>Firmenname prüfen!</w:t>'
        "</w:r></w:p></w:comment></w:comments>"
    ).encode()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdC1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/comments" '
        'Target="comments.xml"/></Relationships>',
    )
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/comments.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.wordprocessingml.'
        'comments+xml"/></Types>',
    )
    return rezip(
        data,
        {
            "word/comments.xml": comments,
            "word/_rels/document.xml.rels": rels.encode(),
            "[Content_Types].xml": types.encode(),
        },
    )


def delete_first_paragraph(pattern: str) -> Edit:
    def change(root: etree._Element) -> None:
        p = text_node(root, pattern).getparent().getparent()
        p.getparent().remove(p)

    return body(change)


def deleted_paragraph(text: str) -> Edit:
    """A paragraph whose only run is an unaccepted tracked deletion."""

    def change(root: etree._Element) -> None:
        first = root.find(f"{w('body')}/{w('p')}")
        p = etree.Element(w("p"))
        deletion = etree.SubElement(p, w("del"))
        deletion.set(w("id"), "902")
        deletion.set(w("author"), "Anna Schmidt")
        run = _run(text)
        run.find(w("t")).tag = w("delText")
        deletion.append(run)
        first.addnext(p)

    return body(change)


def letter_paper(root: etree._Element) -> None:
    for size in root.iter(w("pgSz")):
        size.set(w("w"), "12240")
        size.set(w("h"), "15840")


def english(root: etree._Element) -> None:
    for lang in root.iter(w("lang")):
        lang.set(w("val"), "en-US")


def malformed(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml")
    return rezip(data, {"word/document.xml": xml.replace(b"</w:body>", b"", 1)})


def a_muss_clause() -> tuple[str, str, Edit]:
    """A MUSS point of the template's coverage list, and an edit deleting its only paragraph."""
    requirements, _ = load_requirements(default_coverage_dir() / f"{BASE.stem}.yaml")
    with zipfile.ZipFile(BASE) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    paragraphs = [
        p for p in root.iter(w("p")) if "{" not in "".join(t.text or "" for t in p.iter(w("t")))
    ]
    for req in requirements:
        if req.level != "MUSS" or req.when:
            continue
        for phrase in req.phrases:
            hits = [
                p
                for p in paragraphs
                if phrase.search("".join(t.text or "" for t in p.iter(w("t"))))
            ]
            if len(hits) == 1:
                text = "".join(t.text or "" for t in hits[0].iter(w("t")))
                return req.id, req.law, delete_first_paragraph("^" + re.escape(text[:40]))
    raise AssertionError("no MUSS clause stands in a single paragraph")


# -- the corpus -------------------------------------------------------------------------------

CORPUS: list[tuple[str, Edit, str, str]] = [
    # (case, edit, expected rule, expected text in the location)
    ("split-runs", body(split_runs), "TAG-SPLIT", "body, paragraph"),
    (
        "space-in-braces",
        replace_text(r"\{\{ kunde\.partei \}\}", "{ {kunde.partei}}"),
        "TAG-SPACED-BRACE",
        "{ {kunde.partei}}",
    ),
    (
        "triple-braces",
        replace_text(r"\{\{ kunde\.partei \}\}", "{{{ kunde.partei }}}"),
        "TAG-TRIPLE-BRACE",
        "{{{ kunde.partei",
    ),
    (
        "lone-opening",
        replace_text(r"^\{\{ kunde\.partei \}\}$", "{{ kunde.partei"),
        "TAG-LONE",
        "{{ kunde.partei",
    ),
    (
        "lone-closing",
        replace_text(r"^\{\{ kunde\.partei \}\}$", "kunde.partei }}"),
        "TAG-LONE",
        "kunde.partei }}",
    ),
    (
        "german-quotes",
        replace_text(r"'gegenseitig'", "„gegenseitig“"),
        "TAG-QUOTE",
        "„gegenseitig“",
    ),
    ("p-with-space", replace_text(r"^\{%p if ", "{% p if "), "TAG-P-SPACE", "{% p if"),
    (
        "text-beside-p",
        replace_text(r"^(\{%p if [^%]*%\})$", r"\1 Bitte prüfen"),
        "TAG-TEXT-BESIDE",
        "Bitte prüfen",
    ),
    ("tag-over-paragraphs", body(split_paragraph), "TAG-SPANS-PARAGRAPHS", "{{ kunde."),
    (
        "tr-outside-table",
        new_paragraphs("{%tr for z in auftrag.ziele %}", "{{ z }}", "{%tr endfor %}"),
        "TAG-OUTSIDE-TABLE",
        "{%tr for z",
    ),
    ("tracked-insertion", tracked("ins"), "REV-TRACKED", "{{ kunde.partei }}"),
    ("tracked-deletion", tracked("del"), "REV-TRACKED", "body, paragraph"),
    ("comment", commented, "REV-COMMENT", "{{ kunde.partei }}"),
    (
        "unknown-path",
        replace_text(r"kunde\.anschrift\.ort", "kunde.anschrift.stadt"),
        "VAR-UNKNOWN",
        "kunde.anschrift.stadt",
    ),
    (
        "unknown-name",
        replace_text(r"\{\{ kunde\.partei \}\}", "{{ kundin.name }}"),
        "VAR-UNKNOWN",
        "kundin.name",
    ),
    (
        "safe-filter",
        replace_text(r"\{\{ kunde\.partei \}\}", "{{ kunde.partei|safe }}"),
        "FILTER-SAFE",
        "kunde.partei|safe",
    ),
    (
        "unknown-filter",
        replace_text(r"\{\{ kunde\.partei \}\}", "{{ kunde.partei|fett }}"),
        "FILTER-UNKNOWN",
        "kunde.partei|fett",
    ),
    ("missing-endif", delete_first_paragraph(r"^\{%p endif %\}$"), "JINJA-SYNTAX", "{%p if"),
    ("none-printed", new_paragraphs("Ende: {{ auftrag.ende ~ '' }}"), "RENDER-NONE", "None"),
    (
        "braces-left",
        new_paragraphs("{{ '{' ~ '{' }} Platzhalter"),
        "RENDER-LEFTOVER",
        "{{ Platzhalter",
    ),
    (
        "optional-unguarded",
        new_paragraphs("Ansprechpartner: {{ kunde.ansprechpartner.name }}"),
        "RENDER-FAILED",
        "body, paragraph 2",
    ),
    (
        "tag-in-tracked-deletion",
        deleted_paragraph("Umfang: {{ auftrag.umfang }}"),
        "RENDER-VALUE-MISSING",
        "body, paragraph 2",
    ),
    ("letter-paper", body(letter_paper), "PKG-PAGE-SIZE", "body, section 1"),
    ("english", edit_xml("word/styles.xml", english), "PKG-LANGUAGE", "styles"),
    (
        "not-a-zip",
        lambda data: b"PK? this is a text file renamed to .docx\n",
        "PKG-NOT-DOCX",
        "file",
    ),
    ("malformed-xml", malformed, "PKG-XML", "word/document.xml"),
]


def _check(path: Path) -> CheckResult:
    return check_templates(None, EXAMPLES, True, files=[path])


def _broken(tmp_path: Path, edit: Edit) -> Path:
    target = tmp_path / BASE.name
    target.write_bytes(edit(BASE.read_bytes()))
    return target


@pytest.mark.parametrize(("case", "edit", "rule", "where"), CORPUS, ids=[c[0] for c in CORPUS])
def test_broken_template_is_reported(
    tmp_path: Path, case: str, edit: Edit, rule: str, where: str
) -> None:
    result = _check(_broken(tmp_path, edit))
    assert result.failed, f"{case} passed silently"
    found = [p for p in result.problems if p.rule == rule]
    assert found, f"{case}: expected {rule}, got {[(p.rule, p.message) for p in result.problems]}"
    assert any(where in p.path for p in found), [p.path for p in found]


def test_corpus_covers_every_rule_family() -> None:
    assert len(CORPUS) >= 12
    families = {rule.split("-")[0] for _, _, rule, _ in CORPUS}
    assert families >= {"TAG", "REV", "VAR", "FILTER", "JINJA", "RENDER", "PKG"}


def test_deleted_muss_clause_names_its_id_and_law(tmp_path: Path) -> None:
    ident, law, edit = a_muss_clause()
    result = _check(_broken(tmp_path, edit))
    missing = [p for p in result.errors if p.rule == "LEGAL-COVERAGE"]
    assert any(ident in p.message and law in p.message for p in missing), result.problems


def test_unknown_path_suggests_the_right_one(tmp_path: Path) -> None:
    result = _check(
        _broken(tmp_path, replace_text(r"kunde\.anschrift\.ort", "kunde.anschrift.stadt"))
    )
    problem = next(p for p in result.problems if p.rule == "VAR-UNKNOWN")
    assert "Anschrift has no field 'stadt'" in problem.message
    assert "kunde.anschrift.ort" in problem.hint


def test_loop_variables_take_the_element_type(tmp_path: Path) -> None:
    edit = new_paragraphs(
        "{%p for w in auftrag.werkzeuge %}", "{{ w.name }} {{ w.farbe }}", "{%p endfor %}"
    )
    result = _check(_broken(tmp_path, edit))
    unknown = [p.message for p in result.problems if p.rule == "VAR-UNKNOWN"]
    assert unknown == ["unknown placeholder w.farbe: Werkzeug has no field 'farbe'"]


# -- the shipped templates ---------------------------------------------------------------------


def test_builtin_templates_pass_check_strict() -> None:
    assert sorted(p.name for p in TEMPLATES.glob("*.docx")) == sorted(k.template for k in ALL)
    result = CliRunner().invoke(
        _cli(), ["check", "--strict", "--templates", str(TEMPLATES), "--examples", str(EXAMPLES)]
    )
    assert result.exit_code == 0, result.output
    assert "0 error(s), 0 warning(s)" in result.output


# -- --fix --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "rule"), [("german-quotes", "TAG-QUOTE"), ("split-runs", "TAG-SPLIT")]
)
def test_fix_repairs_quotes_and_split_runs(tmp_path: Path, case: str, rule: str) -> None:
    edit = next(c[1] for c in CORPUS if c[0] == case)
    path = _broken(tmp_path, edit)
    assert any(p.rule == rule for p in _check(path).problems)
    fixes = fix_templates([path])
    assert fixes and all(f.file == path for f in fixes)
    after = _check(path)
    assert after.problems == []
    assert path.read_bytes() != BASE.read_bytes() or case == "split-runs"


def test_fix_through_the_cli_reports_each_change(tmp_path: Path) -> None:
    path = _broken(tmp_path, next(c[1] for c in CORPUS if c[0] == "german-quotes"))
    result = CliRunner().invoke(_cli(), ["check", "--fix", "--examples", str(EXAMPLES), str(path)])
    assert result.exit_code == 0, result.output
    assert re.search(r'fixed .*: straight quotes inside \{%.*"gegenseitig"', result.output)


def test_fix_leaves_a_clean_template_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / BASE.name
    path.write_bytes(BASE.read_bytes())
    assert fix_templates([path]) == []
    assert path.read_bytes() == BASE.read_bytes()


# -- output formats -------------------------------------------------------------------------------


def test_text_format_is_one_line_per_problem_with_a_hint(tmp_path: Path) -> None:
    path = _broken(tmp_path, replace_text(r"kunde\.anschrift\.ort", "kunde.anschrift.stadt"))
    result = CliRunner().invoke(_cli(), ["check", "--examples", str(EXAMPLES), str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    first = next(i for i, line in enumerate(lines) if "VAR-UNKNOWN" in line)
    assert re.match(
        r'^\S*verschwiegenheitsvereinbarung\.docx:body, paragraph \d+ ".*": '
        r"VAR-UNKNOWN: unknown placeholder kunde\.anschrift\.stadt",
        lines[first],
    )
    assert lines[first + 1].startswith("    hint: did you mean kunde.anschrift.ort?")


def test_github_and_json_formats(tmp_path: Path) -> None:
    path = _broken(tmp_path, replace_text(r"\{\{ kunde\.partei \}\}", "{{ kunde.partei|safe }}"))
    gh = CliRunner().invoke(
        _cli(), ["check", "--format", "github", "--examples", str(EXAMPLES), str(path)]
    )
    assert gh.exit_code == 1
    assert re.search(
        r"^::error file=\S+\.docx,title=FILTER-SAFE::body, paragraph", gh.stdout, re.MULTILINE
    ), gh.stdout
    js = CliRunner().invoke(
        _cli(), ["check", "--format", "json", "--examples", str(EXAMPLES), str(path)]
    )
    data = json.loads(js.stdout)
    assert data["failed"] is True
    assert {"FILTER-SAFE"} <= {p["rule"] for p in data["problems"]}


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    path = _broken(tmp_path, body(split_runs))
    result = check_templates(None, EXAMPLES, False, files=[path])
    assert result.problems and all(p.severity is Severity.WARNING for p in result.problems)
    assert not result.failed
    runner = CliRunner()
    assert runner.invoke(_cli(), ["check", "--examples", str(EXAMPLES), str(path)]).exit_code == 0
    assert (
        runner.invoke(
            _cli(), ["check", "--strict", "--examples", str(EXAMPLES), str(path)]
        ).exit_code
        == 1
    )


# -- the other commands ----------------------------------------------------------------------------


def _cli() -> click.Group:
    group = click.Group("vadocs")
    for command in COMMANDS:
        group.add_command(command)
    return group


def _command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []
    for name, command in group.commands.items():
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths += _command_paths(command, (*prefix, name))
    return paths


@pytest.mark.parametrize("command", _command_paths(_cli()), ids=" ".join)
def test_every_command_has_an_example(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(_cli(), [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert re.search(r"^\s*vadocs " + re.escape(" ".join(command)), result.output, re.MULTILINE)


def test_text_shows_the_tags() -> None:
    result = CliRunner().invoke(_cli(), ["text", str(BASE)])
    assert result.exit_code == 0
    assert "=== body ===" in result.output
    assert "{{ kunde.partei }}" in result.output
    assert "{%p endif %}" in result.output
    assert re.search(r"^=== footer \d ===$", result.output, re.MULTILINE)


def test_text_boxes_are_read(tmp_path: Path) -> None:
    def add_box(root: etree._Element) -> None:
        run = etree.Element(w("r"))
        box = etree.SubElement(etree.SubElement(run, w("drawing")), w("txbxContent"))
        inner = etree.SubElement(box, w("p"))
        inner.append(_run("Kundin: {{ kunde.partei|fett }}"))
        text_node(root, r"^\{\{ kunde\.partei \}\}$").getparent().addnext(run)

    path = _broken(tmp_path, body(add_box))
    result = CliRunner().invoke(_cli(), ["text", str(path)])
    assert "{{ kunde.partei }}[text box: Kundin: {{ kunde.partei|fett }}]" in result.output
    found = [p for p in _check(path).problems if p.rule == "FILTER-UNKNOWN"]
    assert found and "Kundin: {{ kunde.partei|fett }}" in found[0].path


def test_text_of_a_broken_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.docx"
    path.write_bytes(b"no zip")
    result = CliRunner().invoke(_cli(), ["text", str(path)])
    assert result.exit_code == 1
    assert "not a readable .docx" in result.output
    assert "Traceback" not in result.output


def test_templates_init_copies_and_never_overwrites(tmp_path: Path) -> None:
    own = tmp_path / "vorlagen" / "rechnung.docx"
    own.parent.mkdir()
    own.write_bytes(b"mine")
    result = CliRunner().invoke(_cli(), ["templates", "init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert own.read_bytes() == b"mine"
    assert re.search(r"^kept\s+\S*rechnung\.docx$", result.output, re.MULTILINE)
    copied = sorted(p.name for p in own.parent.glob("*.docx"))
    assert copied == sorted(p.name for p in TEMPLATES.glob("*.docx"))


def test_templates_list_names_a_file_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "vadocs.yaml").write_text(
        (EXAMPLES / "umsatzsteuer" / "vadocs.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "vorlagen").mkdir()
    (tmp_path / "vorlagen" / "rechnung.docx").write_bytes(b"mine")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(_cli(), ["templates", "list"])
    assert result.exit_code == 0, result.output
    assert re.search(
        r"^rechnung\s+\S*vorlagen/rechnung\.docx\s+\(own\)$", result.output, re.MULTILINE
    )
    assert len(result.output.splitlines()) == len(ALL)
