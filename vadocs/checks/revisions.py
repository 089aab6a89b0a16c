"""Unaccepted tracked changes and comments: Word keeps them in the file, docxtpl renders them.

A tag inside a tracked deletion is still rendered — into the revision history,
where the client finds the data when she clicks "Reject"; comments travel to the
client with the document.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree  # type: ignore[import-untyped]

from vadocs.checks.docx_parts import DocxPackage, Paragraph, owning_paragraph, snippet, w
from vadocs.errors import Problem, Severity
from vadocs.i18n import N_, _

_TEXT_REVISIONS = {
    "ins": N_("insertion"),
    "del": N_("deletion"),
    "moveFrom": N_("move"),
    "moveTo": N_("move"),
}
_FORMAT_REVISIONS = (
    "rPrChange",
    "pPrChange",
    "sectPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "numberingChange",
)
_ACCEPT = N_(
    "in Word: Review → Accept → Accept All Changes (and Stop Tracking); "
    "in LibreOffice: Edit → Track Changes → Accept All"
)


def check_revisions(pkg: DocxPackage) -> list[Problem]:
    problems: list[Problem] = []
    for part in pkg.story_parts():
        paragraphs = {p.element: p for p in pkg.paragraphs(part)}
        problems += _tracked(pkg, paragraphs, part.root)
        problems += _comments(pkg, paragraphs, part.root)
    return problems


def _tracked(
    pkg: DocxPackage, paragraphs: dict[etree._Element, Paragraph], root: etree._Element
) -> Iterator[Problem]:
    changed = _text_revisions(root)
    for p, (kinds, text) in changed.items():
        para = paragraphs.get(p)
        if para is None:
            continue
        message = _("unaccepted tracked {kinds}").format(
            kinds=_(" and ").join(_(k) for k in sorted(kinds))
        )
        if text.strip():
            message += f' "{snippet(text)}"'
        if "{{" in text or "{%" in text:
            message += _("; a tag inside a tracked change is rendered into the revision history")
        where = para.location()
        yield Problem(pkg.path, message, path=where, hint=_(_ACCEPT), rule="REV-TRACKED")
    for tag in _FORMAT_REVISIONS:
        for el in root.iter(w(tag)):
            para = paragraphs.get(owning_paragraph(el))
            if para is not None and para.element not in changed:
                changed[para.element] = (set(), "")
                yield Problem(pkg.path, _("unaccepted tracked formatting change"),
                              path=para.location(), hint=_(_ACCEPT), severity=Severity.WARNING,
                              rule="REV-TRACKED")  # fmt: skip


def _text_revisions(root: etree._Element) -> dict[etree._Element, tuple[set[str], str]]:
    """Paragraph → the kinds of tracked text change in it and the text they concern."""
    found: dict[etree._Element, tuple[set[str], str]] = {}
    for tag, kind in _TEXT_REVISIONS.items():
        for el in root.iter(w(tag)):
            p = el if el.tag == w("p") else owning_paragraph(el)
            if p is not None:
                kinds, text = found.get(p, (set(), ""))
                found[p] = (kinds | {kind}, text + _revision_text(el))
    return found


def _revision_text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(w("t"), w("delText")))


def _comments(
    pkg: DocxPackage, paragraphs: dict[etree._Element, Paragraph], root: etree._Element
) -> Iterator[Problem]:
    bodies = _comment_texts(pkg)
    seen: set[str] = set()
    for el in root.iter(w("commentRangeStart"), w("commentReference")):
        cid = el.get(w("id"), "")
        p = owning_paragraph(el)
        if cid in seen or p is None or p not in paragraphs:
            continue
        seen.add(cid)
        said = bodies.get(cid, "")
        yield Problem(
            pkg.path,
            _("comment")
            + (f' "{snippet(said)}"' if said else "")
            + _(" — comments travel to the client inside the document"),
            path=paragraphs[p].location(),
            rule="REV-COMMENT",
            hint=_("delete it: in Word Review → Delete → Delete All Comments in Document"),
        )


def _comment_texts(pkg: DocxPackage) -> dict[str, str]:
    name = "word/comments.xml"
    if name not in pkg.files:
        return {}
    try:
        root = pkg.xml(name)
    except etree.XMLSyntaxError:
        return {}
    return {
        c.get(w("id"), ""): "".join(t.text or "" for t in c.iter(w("t")))
        for c in root.iter(w("comment"))
    }
