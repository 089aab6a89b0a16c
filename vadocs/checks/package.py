"""The file itself: a real .docx, well-formed XML, A4 pages, German as the language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from vadocs.checks.docx_parts import DocxPackage, PackageError, owning_paragraph, w
from vadocs.documents.kinds import ALL
from vadocs.errors import Problem, Severity
from vadocs.i18n import N_, _

A4 = (11906, 16838)  # twips (1/20 pt)
_TOLERANCE = 20
_LANGUAGE = "de-DE"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)
_SAVE_AS = N_("open it in Word or LibreOffice and save it as Word document (.docx)")


def open_template(path: Path) -> tuple[DocxPackage | None, list[Problem]]:
    """The package, or ``None`` with the reason when it cannot be checked any further."""
    try:
        pkg = DocxPackage.open(path)
    except PackageError as exc:
        return None, [
            Problem(
                path,
                _("not a valid .docx file: {exc}").format(exc=exc),
                path=_("file"),
                hint=_(_SAVE_AS),
                rule="PKG-NOT-DOCX",
            )
        ]
    problems = list(_malformed(pkg))
    if not problems:
        problems += _content_type(pkg)
    return (None if problems else pkg), problems


def _malformed(pkg: DocxPackage) -> Iterator[Problem]:
    for name in pkg.xml_names():
        try:
            pkg.xml(name)
        except etree.XMLSyntaxError as exc:
            line, column = exc.position if exc.position else (None, None)
            yield Problem(
                pkg.path,
                _("malformed XML: {msg}").format(msg=exc.msg),
                path=name,
                line=line,
                column=column,
                hint=_(
                    "open it in Word or LibreOffice and save it as Word document (.docx) "
                    "(or restore it from git)"
                ),
                rule="PKG-XML",
            )


def _content_type(pkg: DocxPackage) -> Iterator[Problem]:
    root = pkg.xml("[Content_Types].xml")
    for el in root.iter(f"{{{_CT_NS}}}Override"):
        if el.get("PartName", "").lstrip("/") == pkg.main_name:
            kind = el.get("ContentType", "")
            if kind not in _MAIN_TYPES:
                yield Problem(
                    pkg.path,
                    _("not a Word document but {kind_or_unknown_content}").format(
                        kind_or_unknown_content=kind or _("unknown content")
                    ),
                    path=_("file"),
                    hint=_(_SAVE_AS),
                    rule="PKG-NOT-DOCX",
                )


def check_package(pkg: DocxPackage) -> list[Problem]:
    return [*_name(pkg), *_page_size(pkg), *_language(pkg)]


def _name(pkg: DocxPackage) -> Iterator[Problem]:
    known = sorted(k.template for k in ALL)
    if pkg.path.name not in known:
        yield Problem(
            pkg.path,
            _("vadocs uses no template of this name"),
            path=_("file"),
            hint=_("the names are {names}").format(names=", ".join(known)),
            severity=Severity.WARNING,
            rule="TPL-NAME",
        )


def _page_size(pkg: DocxPackage) -> Iterator[Problem]:
    body = pkg.xml(pkg.main_name)
    sections = list(body.iter(w("sectPr")))
    if not sections:
        yield Problem(
            pkg.path,
            _("no page size set"),
            path=_("body, section {number}").format(number=1),
            hint=_("Layout → Size → A4"),
            rule="PKG-PAGE-SIZE",
        )
    for number, sect in enumerate(sections, start=1):
        size = sect.find(w("pgSz"))
        width = _twips(size, "w")
        height = _twips(size, "h")
        if width is None or height is None:
            ok, shown = False, _("no page size")
        else:
            ok = any(
                abs(width - a) <= _TOLERANCE and abs(height - b) <= _TOLERANCE
                for a, b in (A4, A4[::-1])
            )
            shown = f"{width / 56.693:.0f} × {height / 56.693:.0f} mm"
        if not ok:
            yield Problem(
                pkg.path,
                _("page size is {shown}, not A4 (210 × 297 mm)").format(shown=shown),
                path=_("body, section {number}").format(number=number),
                hint=_("Word: Layout → Size → A4; LibreOffice: Format → Page Style → Page → A4"),
                rule="PKG-PAGE-SIZE",
            )


def _twips(el: etree._Element | None, attr: str) -> int | None:
    value = el.get(w(attr)) if el is not None else None
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


def _language(pkg: DocxPackage) -> Iterator[Problem]:
    hint = _(
        "select all (Ctrl+A), then Review → Language → Set Proofing Language → "
        "German (Germany); in LibreOffice Tools → Language → For All Text"
    )
    default = _default_language(pkg)
    if default != _LANGUAGE:
        found = _("is {language}").format(language=default) if default else _("is not set")
        yield Problem(
            pkg.path,
            _(
                "the document language {found}, not {LANGUAGE} (hyphenation, spelling and PDF language follow it)"
            ).format(found=found, LANGUAGE=_LANGUAGE),
            path=_("styles, default language"),
            hint=hint,
            rule="PKG-LANGUAGE",
        )
    for part in pkg.story_parts():
        paragraphs = {p.element: p for p in pkg.paragraphs(part)}
        reported: set[etree._Element] = set()
        for lang in part.root.iter(w("lang")):
            value = lang.get(w("val"))
            p = owning_paragraph(lang)
            if value is None or value.startswith("de") or p is None or p in reported:
                continue
            reported.add(p)
            if p in paragraphs:
                yield Problem(
                    pkg.path,
                    _("text marked as language {value}").format(value=value),
                    path=paragraphs[p].location(),
                    hint=hint,
                    severity=Severity.WARNING,
                    rule="PKG-LANGUAGE",
                )


def _default_language(pkg: DocxPackage) -> str | None:
    name = "word/styles.xml"
    if name not in pkg.files:
        return None
    styles = pkg.xml(name)
    found = None
    defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    if defaults is not None:
        found = defaults.get(w("val"))
    for style in styles.iter(w("style")):
        if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
            lang = style.find(f"{w('rPr')}/{w('lang')}")
            if lang is not None and lang.get(w("val")):
                found = lang.get(w("val"))
    return found
