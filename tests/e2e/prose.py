"""Which language a command's output is written in: English prose in German output fails.

The detector looks for words that occur in English sentences and not in German ones:
function words (``the``, ``is``, ``with`` …) and the words vadocs' English messages are made
of (``invoice``, ``written``, ``missing`` …). Before it looks, it removes what is not prose
and may well be English in German output: quoted text (user data, YAML snippets, commands
in backticks), paths and file names, URLs, option names (``--draft``), identifiers with
dots or underscores, and the lines of machine formats (JSON, CSV, XML). One such word is
enough: a German message has none of them.

For English output the reverse check looks for common German function words.
"""

from __future__ import annotations

import re

ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "or",
        "but",
        "not",
        "no",
        "nor",
        "is",
        "are",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "does",
        "did",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "of",
        "to",
        "for",
        "from",
        "with",
        "without",
        "by",
        "at",
        "on",
        "into",
        "onto",
        "than",
        "then",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "why",
        "how",
        "should",
        "would",
        "could",
        "can",
        "cannot",
        "shall",
        "may",
        "might",
        "must",
        "only",
        "already",
        "yet",
        "still",
        "each",
        "every",
        "any",
        "some",
        "none",
        "both",
        "please",
        "found",
        "missing",
        "unknown",
        "invalid",
        "valid",
        "written",
        "wrote",
        "created",
        "nothing",
        "skipped",
        "issued",
        "cancelled",
        "canceled",
        "deleted",
        "removed",
        "refused",
        "failed",
        "expected",
        "required",
        "allowed",
        "invoice",
        "invoices",
        "client",
        "clients",
        "file",
        "files",
        "folder",
        "template",
        "templates",
        "ledger",
        "payment",
        "payments",
        "reminder",
        "reminders",
        "document",
        "documents",
        "error",
        "errors",
        "warning",
        "warnings",
        "hint",
        "usage",
        "options",
        "commands",
        "show",
        "example",
        "exit",
        "version",
        "help",
        "message",
        "argument",
        "such",
    ]
)
"""Words that mark English prose; none of them is a German word written lower-case."""

CAPITALISED = frozenset({"Usage", "Options", "Commands", "Error", "Example", "Show", "Try"})
"""English words that also start sentences or headings (click's "Usage:", "Error:")."""

GERMAN_LOOKALIKES = frozenset(
    [
        "Version",
        "Argument",
        "Client",
        "Template",
        "Templates",
        "Ledger",
        "Hint",
        "Do",
        "Die",
        "Was",
        "Will",
        "An",
        "Also",
        "Exit",
    ]
)
"""Capitalised words that are German nouns or sentence starts as well."""

GERMAN_WORDS = frozenset(
    ["und", "nicht", "ist", "sind", "keine", "bitte", "wird", "wurde", "oder", "Sie", "Datei"]
)

_NOT_PROSE = [
    re.compile(p)
    for p in (
        r"\{%.*?%\}|\{\{.*?\}\}",  # template tags: {%p for z in zeilen %}
        r"(?m)^::(?:error|warning|notice)\b[^:]*::",  # GitHub workflow commands
        r"`[^`\n]*`",  # commands and snippets in backticks
        r"(?<!\w)'[^'\n]*'(?!\w)",  # quoted user data and values
        r'"[^"\n]*"',
        r"„[^“\n]*“",
        r"»[^«\n]*«",
        r"\b[a-z][a-z0-9+.-]*://\S+",  # URLs
        r"(?<!\w)--?[A-Za-z][\w-]*",  # option names
        r"\S*[/\\]\S*",  # paths
        r"\b[\w-]+\.(?:ya?ml|docx|pdf|csv|xml|json|txt|md|sqlite|db|py|sta|mt940|xlsx)\b",
        r"\b\w+(?:[._]\w+)+\b",  # identifiers: rechnungen.0.datum, taktung_minuten
        r"\b[a-z_]+:\s",  # YAML keys as in "set vereinbart: true"
        r"\bvadocs(?:\s+[a-z][a-z-]*){1,2}",  # a command line: vadocs invoices list
        r"\bBR(?:-[A-Z]+)?-\d+\w*:.*",  # the official EN 16931 / XRechnung rule texts (English)
        r"(?m)^\s{2}[a-z][a-z-]*(?=\s{2,}\S)",  # the command list of --help
    )
]
_MACHINE_LINE = re.compile(
    r'^\s*(?:[{}\[\]<]|"|\w+(?:;\S*){2,}|\S+(?:,\S*){3,})'  # JSON, XML, CSV
    r"|^=== [\w ]+ ===$"  # the part headings of `vadocs text`, a git textconv format kept stable
)
_WORD = re.compile(r"[A-Za-z]+")


def prose(text: str) -> str:
    """``text`` without what is not prose: quotes, paths, options, identifiers, data lines."""
    lines = [line for line in text.splitlines() if not _MACHINE_LINE.match(line)]
    out = "\n".join(lines)
    for pattern in _NOT_PROSE:
        out = pattern.sub(" ", out)
    return out


def english_words(text: str) -> list[str]:
    """The English words in the prose of ``text``; empty for German output."""
    return [
        w
        for w in _WORD.findall(prose(text))
        if w in ENGLISH_WORDS
        or w in CAPITALISED
        or (w.istitle() and w.lower() in ENGLISH_WORDS and w not in GERMAN_LOOKALIKES)
    ]


def german_words(text: str) -> list[str]:
    """The German function words in the prose of ``text``; empty for English output.

    A line counts only with two of them: one alone is a name from the user's data
    (a catalogue entry "E-Mail und Hosting"), a sentence has more.
    """
    found = []
    for line in prose(text).splitlines():
        words = [w for w in _WORD.findall(line) if w in GERMAN_WORDS]
        if len(words) >= 2:
            found += words
    return found


def english_lines(text: str) -> list[str]:
    """The lines of ``text`` that hold English prose, for the failure message."""
    return [line for line in text.splitlines() if english_words(line)]
