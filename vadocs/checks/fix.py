"""``vadocs check --fix``: repair what is safe to repair, in place, and say what changed.

Two repairs, both inside tags only: a tag Word split over several runs is joined
into its first run, and typographic quotes (``„“”‚‘’``) become straight ones. The
file is rewritten atomically; every member but the changed XML parts keeps its bytes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from vadocs.checks.docx_parts import DocxPackage, PackageError, Paragraph, Part, w
from vadocs.checks.tag_scan import normalized, scan
from vadocs.i18n import _
from vadocs.output import write_atomic

_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'"})
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RUN_CONTENT_OK = {w("rPr"), w("t")}


@dataclass(frozen=True)
class Fix:
    file: Path
    location: str
    description: str


def fix_templates(paths: list[Path]) -> list[Fix]:
    return [f for path in paths for f in fix_template(path)]


def fix_template(path: Path) -> list[Fix]:
    """Repair ``path`` in place; nothing is written when there is nothing to repair."""
    try:
        pkg = DocxPackage.open(path)
        parts = pkg.story_parts()
    except (PackageError, etree.XMLSyntaxError):
        return []  # the check reports it; nothing here is safe to touch
    fixes: list[Fix] = []
    changed: dict[str, bytes] = {}
    for part in parts:
        found = _fix_part(pkg, part)
        if found:
            fixes += found
            changed[part.name] = etree.tostring(
                part.root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
    if changed:
        write_atomic(path, _rezip(path.read_bytes(), changed))
    return fixes


def _fix_part(pkg: DocxPackage, part: Part) -> list[Fix]:
    fixes: list[Fix] = []
    for para in pkg.paragraphs(part):
        for _round in range(50):  # each round joins one tag; offsets are recomputed after it
            fix = _join_one(pkg, para)
            if fix is None:
                break
            fixes.append(fix)
            para = pkg.paragraphs(part)[para.index]
        fixes += _straighten_quotes(pkg, para)
    return fixes


def _tags(para: Paragraph) -> list[tuple[int, int]]:
    return scan(normalized(para.text)).tags


def _join_one(pkg: DocxPackage, para: Paragraph) -> Fix | None:
    for start, end in _tags(para):
        pieces = [s for s in para.segments if s[1] < end and s[2] > start]
        if len(pieces) < 2 or not _joinable(pieces):
            continue
        first, f_start, _f_end = pieces[0]
        last, l_start, _l_end = pieces[-1]
        tag = para.text[start:end]
        first.text = (first.text or "")[: start - f_start] + tag
        first.set(_XML_SPACE, "preserve")
        tail = (last.text or "")[end - l_start :]
        last.text = tail
        for t in [p[0] for p in pieces[1:-1]] + ([] if tail else [last]):
            _remove_text(t)
        return Fix(
            pkg.path,
            para.location(start, end),
            _("joined a tag split over {n} runs: {tag}").format(n=len(pieces), tag=tag),
        )
    return None


def _remove_text(t: etree._Element) -> None:
    """Remove a ``w:t``, and its run when nothing but formatting is left in it."""
    run = t.getparent()
    if run is None:
        return
    run.remove(t)
    parent = run.getparent()
    if parent is not None and all(c.tag == w("rPr") for c in run):
        parent.remove(run)


def _joinable(pieces: list[tuple[etree._Element, int, int]]) -> bool:
    """Safe when the pieces are sibling runs holding one text each and nothing else."""
    runs = [t.getparent() for t, _s, _e in pieces]
    if any(r is None or r.tag != w("r") for r in runs):
        return False
    parent = runs[0].getparent()
    if parent is None or any(r.getparent() is not parent for r in runs):
        return False
    if any({c.tag for c in r} - _RUN_CONTENT_OK or len(r.findall(w("t"))) != 1 for r in runs):
        return False
    siblings = list(parent)
    between = siblings[siblings.index(runs[0]) + 1 : siblings.index(runs[-1])]
    return not any(el.tag == w("r") and el not in runs for el in between)


def _straighten_quotes(pkg: DocxPackage, para: Paragraph) -> list[Fix]:
    fixes: list[Fix] = []
    for start, end in _tags(para):
        tag = para.text[start:end]
        if tag == tag.translate(_QUOTES):
            continue
        pieces = [s for s in para.segments if s[1] < end and s[2] > start]
        for t, s_start, _s_end in pieces:
            text = t.text or ""
            lo, hi = max(start - s_start, 0), min(end - s_start, len(text))
            t.text = text[:lo] + text[lo:hi].translate(_QUOTES) + text[hi:]
        fixes.append(
            Fix(
                pkg.path,
                para.location(start, end),
                _("straight quotes inside {tag}").format(tag=tag.translate(_QUOTES)),
            )
        )
    return fixes


def _rezip(original: bytes, changed: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = changed.get(item.filename)
            dst.writestr(
                item, src.read(item) if data is None else data, compress_type=item.compress_type
            )
    return out.getvalue()
