"""Plan and render one client's contract documents (confirmation, AVV, NDA)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate

from vadocs.context import Engagement, base_context
from vadocs.documents import DocumentKind, contracts_for
from vadocs.invoice import Rechnung
from vadocs.output import file_name
from vadocs.pdf_metadata import PdfInfo
from vadocs.render import inline_image, render_docx
from vadocs.templates import template_for
from vadocs.workspace import Workspace


@dataclass
class Planned:
    """One document of a build: rendered DOCX now, PDF after conversion."""

    kind: DocumentKind
    kuerzel: str
    datum: date
    base: str
    docx: bytes
    info: PdfInfo
    invoice: Rechnung | None = None
    pdf: bytes | None = None
    archived: dict[str, bytes] | None = None
    """For an invoice issued earlier: its archived files, written out unchanged."""


def with_images(ctx: dict[str, Any], e: Engagement, ws: Workspace,
                images: dict[str, bytes] | None = None) -> Any:
    """A context factory adding the logo (and other images) bound to the template."""

    def factory(tpl: DocxTemplate) -> dict[str, Any]:
        values = dict(ctx)
        if e.profil.logo:
            values["logo"] = inline_image(tpl, ws.root / e.profil.logo, 40)
        for key, png in (images or {}).items():
            values[key] = inline_image(tpl, io.BytesIO(png), 32)
        return values

    return factory


def render_kind(kind: DocumentKind, ws: Workspace, ctx: dict[str, Any], e: Engagement,
                images: dict[str, bytes] | None = None) -> bytes:
    return render_docx(template_for(kind, ws), with_images(ctx, e, ws, images))


def info_for(e: Engagement, title: str) -> PdfInfo:
    return PdfInfo(
        title=f"{title} – {e.datei.kunde.name}",
        author=e.profil.name,
        subject=f"{title} zwischen {e.profil.anzeigename} und {e.datei.kunde.name}",
        keywords=f"vadocs; {e.kuerzel}",
    )


def plan_contracts(e: Engagement, ws: Workspace, only: frozenset[str] | None) -> list[Planned]:
    docs = []
    datum = e.datei.auftrag.datum
    for kind in contracts_for(e.datei):
        if only is not None and kind.key not in only:
            continue
        ctx = base_context(e, kind.title, datum)
        docs.append(Planned(
            kind=kind, kuerzel=e.kuerzel, datum=datum,
            base=Path(file_name(datum, kind.file_label, e.kuerzel, "x")).stem,
            docx=render_kind(kind, ws, ctx, e), info=info_for(e, kind.title),
        ))
    return docs
