"""Tags broken the way Word breaks them, found in each paragraph's text before Jinja sees it.

docxtpl 0.20 turns some of these into confusing syntax errors and silently drops
others: ``{ {name}}`` stays literal text, text beside a ``{%p %}`` tag vanishes with
its paragraph, a ``{%tr %}`` outside a table swallows whatever row came before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]

from vadocs.checks.docx_parts import DocxPackage, Paragraph, paragraph_text, w
from vadocs.checks.tag_scan import (
    SPACED_CLOSE,
    SPACED_OPEN,
    TRIPLE,
    Scan,
    is_paragraph_tag,
    normalized,
    scan,
)
from vadocs.errors import Problem, Severity
from vadocs.i18n import N_, _

_QUOTES = re.compile(r"[„“”‚‘’]")
_SPACED_KIND = re.compile(
    r"\{%-?\s+(p|tr|tc|r)\s+(if|elif|else|endif|for|endfor|set|with|endwith|macro|endmacro|"
    r"call|endcall|filter|endfilter|include|import|from)\b"
)
_MAX_SPAN = 5
_WHAT = {"p": N_("paragraph"), "tr": N_("table row"), "tc": N_("table cell"), "r": N_("run")}
_RETYPE = N_("delete the tag in Word and type it again in one go, e.g. {{{{ kunde.name }}}}")
_FIX = N_("`vadocs check --fix` repairs it")

# rule → (message, hint, severity); the texts are formatted with the finding's details
RULES: dict[str, tuple[str, str, Severity]] = {
    "TAG-SPACED-BRACE": (
        N_("'{found}' has a space between the braces; it stays literal text in the document"),
        N_("remove the space: {{{{ … }}}} or {{% … %}}"),
        Severity.ERROR,
    ),
    "TAG-TRIPLE-BRACE": (
        N_("'{found}': one brace too many"),
        N_("use exactly two braces: {{{{ … }}}}"),
        Severity.ERROR,
    ),
    "TAG-LONE": (N_("'{found}' {what} a tag that is {never}"), _RETYPE, Severity.ERROR),
    "TAG-SPANS-PARAGRAPHS": (
        N_(
            "the tag {found} … begun here ends in a later paragraph ({where}); "
            "Jinja never sees it whole"
        ),
        N_("join the paragraphs (delete the paragraph mark) so the tag stands on one line"),
        Severity.ERROR,
    ),
    "TAG-QUOTE": (
        N_("typographic quotes {found} inside a tag (Word's AutoCorrect)"),
        N_("`vadocs check --fix` repairs it (straight quotes)"),
        Severity.WARNING,
    ),
    "TAG-P-SPACE": (
        N_("'{{% {kind} {word}' has a space before '{kind}'; Jinja reads it as an unknown tag"),
        N_("write {{%{kind} {word} … %}} without the space"),
        Severity.ERROR,
    ),
    "TAG-SPLIT": (
        N_(
            "the tag is split over {found} pieces of differently formatted text; the "
            "output takes the formatting of the first"
        ),
        _FIX,
        Severity.WARNING,
    ),
    "TAG-OUTSIDE-TABLE": (
        N_(
            "the {{%{kind} %}} tag stands outside a table; it repeats or removes table rows/cells only"
        ),
        N_("use {{%p … %}} for paragraphs, or move the tag into the table row"),
        Severity.ERROR,
    ),
    "TAG-TEXT-BESIDE": (
        N_(
            "docxtpl replaces the whole {what} of {tag} with the tag; the text "
            '"{found}" beside it vanishes from every document'
        ),
        N_("put the tag alone in its own {what} (press Enter before and after it)"),
        Severity.ERROR,
    ),
}


@dataclass
class _Open:
    """A tag opened in one paragraph and not closed there."""

    para: Paragraph
    offset: int
    kind: str
    age: int = 1


class _Finder:
    def __init__(self, pkg: DocxPackage) -> None:
        self.pkg = pkg
        self.problems: list[Problem] = []

    def add(self, para: Paragraph, rule: str, span: tuple[int, int], **details: str) -> None:
        message, hint, severity = RULES[rule]
        self.problems.append(Problem(
            self.pkg.path, _(message).format(**details), path=para.location(*span),
            hint=_(hint).format(**details), severity=severity, rule=rule,
        ))  # fmt: skip

    def part(self, paragraphs: list[Paragraph]) -> None:
        pending: _Open | None = None
        for para in paragraphs:
            self.typing_slips(para)
            result = scan(normalized(para.text), pending.kind if pending else None)
            if pending is not None:
                pending = self.continued(pending, para, result)
                if pending is not None:
                    continue
            for pos in result.stray_closers:
                closer = para.text[pos : pos + 2]
                self.add(para, "TAG-LONE", (pos, pos + 2), found=closer, what=_("closes"),
                         never=_("never opened"))  # fmt: skip
            for start, end in result.tags:
                self.tag(para, start, end)
            if result.dangling is not None:
                pending = _Open(para, *result.dangling)
        if pending is not None:
            self.lone(pending)

    def continued(self, pending: _Open, para: Paragraph, result: Scan) -> _Open | None:
        """Whether ``para`` closes, carries on or abandons a tag opened before it."""
        if result.continued is not None:
            span = (pending.offset, pending.offset + 2)
            self.add(pending.para, "TAG-SPANS-PARAGRAPHS", span, found=pending.kind,
                     where=para.where)  # fmt: skip
            return None
        untouched = not (result.tags or result.stray_closers or result.dangling)
        if untouched and pending.age < _MAX_SPAN:
            pending.age += 1
            return pending
        self.lone(pending)
        return None

    def lone(self, pending: _Open) -> None:
        span = (pending.offset, pending.offset + 2)
        self.add(pending.para, "TAG-LONE", span, found=pending.kind, what=_("opens"),
                 never=_("never closed"))  # fmt: skip

    def typing_slips(self, para: Paragraph) -> None:
        for m in [*SPACED_OPEN.finditer(para.text), *SPACED_CLOSE.finditer(para.text)]:
            self.add(para, "TAG-SPACED-BRACE", m.span(), found=m.group(0))
        for m in TRIPLE.finditer(para.text):
            self.add(para, "TAG-TRIPLE-BRACE", m.span(), found=m.group(0))

    def tag(self, para: Paragraph, start: int, end: int) -> None:
        tag = normalized(para.text)[start:end]
        quotes = "".join(dict.fromkeys(_QUOTES.findall(tag)))
        if quotes:
            self.add(para, "TAG-QUOTE", (start, end), found=quotes)
        m = _SPACED_KIND.match(tag)
        if m:
            self.add(para, "TAG-P-SPACE", (start, end), kind=m.group(1), word=m.group(2))
        pieces = [s for s in para.segments if s[1] < end and s[2] > start]
        if len(pieces) > 1:
            self.add(para, "TAG-SPLIT", (start, end), found=str(len(pieces)))
        for kind in _WHAT:
            if is_paragraph_tag(tag, kind):
                self.structure(para, kind, start, end)

    def structure(self, para: Paragraph, kind: str, start: int, end: int) -> None:
        if kind in ("tr", "tc") and para.cell is None:
            self.add(para, "TAG-OUTSIDE-TABLE", (start, end), kind=kind)
            return
        beside = _beside(para, kind, start, end)
        if beside:
            self.add(para, "TAG-TEXT-BESIDE", (start, end), what=_(_WHAT[kind]),
                     tag=para.text[start:end], found=beside[:50])  # fmt: skip


def check_tags(pkg: DocxPackage) -> dict[str, list[Problem]]:
    """Problems per part label (``body``, ``footer 1`` …)."""
    found: dict[str, list[Problem]] = {}
    for part in pkg.story_parts():
        finder = _Finder(pkg)
        finder.part(pkg.paragraphs(part))
        if finder.problems:
            found[part.label] = finder.problems
    return found


def _beside(para: Paragraph, kind: str, start: int, end: int) -> str:
    """What else stands in the paragraph/row/cell/run that docxtpl removes with the tag."""
    own = (para.text[:start] + para.text[end:]).strip()
    if kind == "p":
        return own or _image(para.element)
    if kind == "r":
        run = next((s[0].getparent() for s in para.segments if s[1] <= start < s[2]), None)
        text = "".join(t.text or "" for t in run.iter(w("t"))) if run is not None else ""
        return text.replace(para.text[start:end], "", 1).strip()
    cell = para.cell
    container = cell if kind == "tc" else (cell.getparent() if cell is not None else None)
    if container is None:
        return own
    others = [paragraph_text(p)[0] for p in container.iter(w("p")) if p is not para.element]
    return " ".join(x.strip() for x in [own, *others] if x.strip())


def _image(p: etree._Element) -> str:
    return _("(an image)") if any(True for _d in p.iter(w("drawing"), w("pict"))) else ""
