"""A Word template as plain text: reviewable, diffable, searchable.

``vadocs text vorlage.docx`` prints the body paragraph by paragraph, tables row by
row (``| cell | cell |``), then headers, footers and the document properties, with
every Jinja tag as typed. As a git ``textconv`` driver it turns template edits into
readable diffs. Unaccepted tracked changes show as ``[-deleted-]`` and ``{+inserted+}``.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from vadocs.checks.docx_parts import DocxPackage, PackageError
from vadocs.checks.jinja_parts import core_properties
from vadocs.checks.story_text import markup_text, reader_text
from vadocs.errors import TemplateError
from vadocs.i18n import _


def template_text(path: Path) -> str:
    """The template at ``path`` as text with its tags, styles and tracked changes."""
    try:
        pkg = DocxPackage.open(path)
        lines = markup_text(pkg.story_parts())
        props = core_properties(pkg)
    except (PackageError, etree.XMLSyntaxError) as exc:
        raise TemplateError(
            _("{path}: not a readable .docx file ({exc})").format(path=path, exc=exc),
            hint=_("open it in Word or LibreOffice and save it again"),
        ) from None
    if props:
        lines.append("=== document properties ===")
        lines += [f"{name}: {value}" for name, value in props.items()]
    return "\n".join(lines) + "\n"


def docx_text(data: bytes) -> str:
    """What a reader sees in a finished document (``data``, a .docx): no deletions, no styles."""
    return reader_text(DocxPackage(Path("document.docx"), data).story_parts())
