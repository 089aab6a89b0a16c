"""Every rule id that ``vadocs check`` reports, with its one-line description.

The table in docs/ci.md is generated from this dict (a test keeps them equal), and the
SARIF report names each rule with it.
"""

from __future__ import annotations

RULE_INDEX: dict[str, str] = {
    "PKG-NOT-DOCX": "the file is not a Word document (.docx)",
    "PKG-XML": "an XML part of the file is malformed",
    "PKG-PAGE-SIZE": "a section is not A4",
    "PKG-LANGUAGE": "the document language is not German (de-DE); text marked in another language (warning)",
    "TPL-NAME": "vadocs uses no template of this file name (warning)",
    "TAG-SPACED-BRACE": "`{ {` or `} }`: the tag stays literal text",
    "TAG-TRIPLE-BRACE": "`{{{` or `}}}`",
    "TAG-LONE": "a `{{` / `{%` never closed, or a `}}` / `%}` never opened",
    "TAG-SPANS-PARAGRAPHS": "a tag begun in one paragraph and closed in another",
    "TAG-QUOTE": "`„“‚‘` inside a tag (warning; `--fix` repairs it)",
    "TAG-P-SPACE": "`{% p if …` instead of `{%p if …`",
    "TAG-TEXT-BESIDE": "text beside a `{%p %}` / `{%tr %}` / `{%tc %}` tag, which vanishes with its paragraph, row or cell",
    "TAG-OUTSIDE-TABLE": "a `{%tr %}` / `{%tc %}` tag outside a table",
    "TAG-SPLIT": "a tag split over differently formatted runs (warning; `--fix` repairs it)",
    "JINJA-SYNTAX": "any other template syntax error, e.g. a missing `{%p endif %}`",
    "REV-TRACKED": "unaccepted tracked changes (formatting-only changes: warning)",
    "REV-COMMENT": "comments left in the template",
    "VAR-UNKNOWN": "a placeholder that does not exist, e.g. `kunde.anschrift.stadt` (see [felder.md](felder.md))",
    "FILTER-SAFE": "`|safe` or `{% autoescape false %}`",
    "FILTER-UNKNOWN": "a filter that is not one of vadocs' filters",
    "RENDER-FAILED": "rendering fails for an example client",
    "RENDER-LEFTOVER": "`{{` or `{%` left in the finished document",
    "RENDER-NONE": "the word `None` in the finished document",
    "RENDER-VALUE-MISSING": "a value the template always prints is missing from the finished document",
    "LEGAL-COVERAGE": "a MUSS point of docs/recht.md is no longer in the document (SOLL points: warning)",
    "COVERAGE-DATA": "the coverage list or an example client cannot be used",
    "EXAMPLE": "the coverage list or an example client cannot be used",
}


def docs_table() -> str:
    """The Markdown table of docs/ci.md's section "What `vadocs check` checks"."""
    lines = ["| Rule | What it means |", "|---|---|"]
    lines += [f"| `{rule}` | {text} |" for rule, text in RULE_INDEX.items()]
    return "\n".join(lines) + "\n"
