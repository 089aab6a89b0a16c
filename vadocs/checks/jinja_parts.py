"""Each story part as Jinja sees it after docxtpl's clean-up, parsed, with a way back to Word.

docxtpl rewrites the XML before Jinja reads it (``patch_xml``: joins split tags,
removes the paragraphs of ``{%p %}`` tags, repairs quotes). We run the same
``patch_xml`` as a build, so the syntax tree is the one a build compiles. Every
paragraph is tagged with its index first, so a Jinja line number leads back to a
paragraph in Word.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree  # type: ignore[import-untyped]

from vadocs.checks.docx_parts import DocxPackage, Paragraph, Part, shown_label, w
from vadocs.documents.environment import make_environment
from vadocs.documents.jinja_errors import syntax_message
from vadocs.documents.render import VadocsTemplate
from vadocs.errors import Problem
from vadocs.i18n import _

_ID_ATTR = "vadocsid"
_ID = re.compile(r"w:" + _ID_ATTR + r'="(\d+)"')
_MARKUP = re.compile(r"<[^>]+>")
_BLOCKS = {"if", "for", "macro", "call", "filter", "with", "autoescape", "block"}
CORE_PROPERTIES = ("title", "subject", "creator", "description", "identifier", "language")


@dataclass(frozen=True)
class ParsedPart:
    """One part's Jinja syntax tree and the paragraphs its line numbers lead back to."""

    label: str
    tree: nodes.Template
    lines: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]

    def locate(self, lineno: int, needle: str = "") -> str:
        """The Word location of Jinja line ``lineno``; ``needle`` picks among merged paragraphs."""
        candidates = self._candidates(lineno)
        for p in candidates:
            pos = p.text.find(needle) if needle else -1
            if pos >= 0:
                return p.location(pos, pos + len(needle))
        if candidates:
            p = next((c for c in candidates if "{" in c.text), candidates[0])
            return p.location()
        text = _MARKUP.sub("", self.lines[lineno - 1]) if 0 < lineno <= len(self.lines) else ""
        return f'{shown_label(self.label)} "{text.strip()[:60]}"'

    def _candidates(self, lineno: int) -> list[Paragraph]:
        """The paragraph starting line ``lineno`` and the removed ``{%p %}`` ones that follow."""
        if not self.paragraphs:
            return []
        line = min(max(lineno, 1), len(self.lines))
        while line > 0 and not _ID.search(self.lines[line - 1]):
            line -= 1
        if line == 0:
            return [self.paragraphs[0]]
        first = int(_ID.search(self.lines[line - 1]).group(1))  # type: ignore[union-attr]
        later = (_ID.search(x) for x in self.lines[line:])
        nxt = next((int(m.group(1)) for m in later if m), len(self.paragraphs))
        return list(self.paragraphs[first : max(nxt, first + 1)])


def patched_source(xml: str) -> str:
    """The Jinja source a build compiles from part XML ``xml`` (docxtpl's line layout)."""
    # patch_xml uses no state of the template; a bare instance runs it without opening a file
    patcher: VadocsTemplate = VadocsTemplate.__new__(VadocsTemplate)
    patched = patcher.patch_xml(xml)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


def parse_parts(
    pkg: DocxPackage, skip: Sequence[str] = ()
) -> tuple[list[ParsedPart], list[Problem]]:
    """Parse every story part and the document properties; syntax errors become problems.

    Parts named in ``skip`` (those with broken tags already reported) are not parsed.
    """
    env = make_environment()
    parsed: list[ParsedPart] = []
    problems: list[Problem] = []
    for part in pkg.story_parts():
        if part.label in skip:
            continue
        paragraphs = tuple(pkg.paragraphs(part))
        source = patched_source(_tagged_xml(part))
        result = _parse(env, pkg, part.label, source, paragraphs)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            parsed.append(result)
    for name, value in core_properties(pkg).items():
        result = _parse(env, pkg, f"document property {name}", value, ())
        if isinstance(result, Problem):
            problems.append(result)
        else:
            parsed.append(result)
    return parsed, problems


def core_properties(pkg: DocxPackage) -> dict[str, str]:
    """Title, subject, author … — docxtpl renders them like the text (``{{ profil.name }}``)."""
    if "docProps/core.xml" not in pkg.files:
        return {}
    try:
        root = pkg.xml("docProps/core.xml")
    except etree.XMLSyntaxError:
        return {}
    found = {}
    for el in root:
        name = etree.QName(el).localname
        if name in CORE_PROPERTIES and el.text:
            found[name] = el.text
    return found


def _tagged_xml(part: Part) -> str:
    root = copy.deepcopy(part.root)
    for i, p in enumerate(root.iter(w("p"))):
        p.set(w(_ID_ATTR), str(i))
    body = root.find(w("body"))
    return str(etree.tostring(body if body is not None else root, encoding="unicode"))


def _parse(
    env: ImmutableSandboxedEnvironment,
    pkg: DocxPackage,
    label: str,
    source: str,
    paragraphs: tuple[Paragraph, ...],
) -> ParsedPart | Problem:
    lines = tuple(source.split("\n"))
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        part = ParsedPart(label, nodes.Template([]), lines, paragraphs)
        lineno, needle = exc.lineno or 1, ""
        if "end of template" in (exc.message or ""):
            lineno, needle = _unclosed_block(env, source) or (lineno, needle)
        return Problem(
            pkg.path,
            syntax_message(exc.message),
            path=part.locate(lineno, needle),
            hint=_(
                "compare the tags with `vadocs text`; every {% if %} and {% for %} needs its {% endif %} / {% endfor %}, every {{ its }}"
            ),
            rule="JINJA-SYNTAX",
        )
    return ParsedPart(label, tree, lines, paragraphs)


def _unclosed_block(env: ImmutableSandboxedEnvironment, source: str) -> tuple[int, str] | None:
    """Line and keyword of the innermost block tag that is never closed."""
    stack: list[tuple[int, str]] = []
    expect_name = False
    try:
        for lineno, kind, value in env.lex(source):
            if kind == "block_begin":
                expect_name = True
                continue
            if kind == "whitespace":
                continue
            if expect_name and kind == "name":
                if value in _BLOCKS:
                    stack.append((lineno, value))
                elif value.startswith("end") and stack:
                    stack.pop()
            expect_name = False
    except TemplateSyntaxError:
        return None
    return stack[-1] if stack else None
