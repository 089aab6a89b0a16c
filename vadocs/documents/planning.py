"""Plan and render one client's contract documents (confirmation, AVV, NDA)."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate

from vadocs.build.cache import BuildCache
from vadocs.data.workspace import Workspace
from vadocs.documents.context import Engagement, base_context
from vadocs.documents.contract_versions import (
    ContractStore,
    Version,
    contract_base,
    contract_title,
    next_version,
)
from vadocs.documents.kinds import DocumentKind, contracts_for
from vadocs.documents.render import inline_image, render_docx
from vadocs.documents.templates import template_for
from vadocs.einvoice.issue import EInvoice
from vadocs.invoicing.invoice import Rechnung
from vadocs.output import file_name, stable_docx
from vadocs.pdf.metadata import PdfInfo


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
    """Files to write unchanged: an invoice issued earlier, or a document whose inputs did
    not change since the last build."""
    einvoice: EInvoice | None = None
    cache_key: str = ""
    rendered_key: str = ""
    """Hash of the rendered DOCX and PDF metadata (see :meth:`BuildCache.rendered`)."""
    files: dict[str, bytes] = field(default_factory=dict)
    """What is written, once known."""
    contract: Version | None = None
    """The contract version this document is, recorded once it is written."""


def with_images(
    ctx: dict[str, Any], e: Engagement, ws: Workspace, images: dict[str, bytes] | None = None
) -> Any:
    """A context factory adding the logo (and other images) bound to the template."""

    def factory(tpl: DocxTemplate) -> dict[str, Any]:
        values = dict(ctx)
        if e.profil.logo:
            values["logo"] = inline_image(tpl, ws.root / e.profil.logo, 40)
        for key, png in (images or {}).items():
            values[key] = inline_image(tpl, io.BytesIO(png), 32)
        return values

    return factory


def render_kind(
    kind: DocumentKind,
    ws: Workspace,
    ctx: dict[str, Any],
    e: Engagement,
    images: dict[str, bytes] | None = None,
) -> bytes:
    return render_docx(template_for(kind, ws), with_images(ctx, e, ws, images))


def info_for(e: Engagement, title: str) -> PdfInfo:
    return PdfInfo(
        title=f"{title} – {e.datei.kunde.name}",
        author=e.profil.name,
        subject=f"{title} zwischen {e.profil.anzeigename} und {e.datei.kunde.name}",
        keywords=f"vadocs; {e.kuerzel}",
    )


def fresh_files(doc: Planned) -> dict[str, bytes]:
    """The files of a newly rendered document: DOCX, PDF and, for XRechnung, the XML."""
    files = {doc.base + ".docx": stable_docx(doc.docx)}
    if doc.pdf is not None:
        files[doc.base + ".pdf"] = doc.pdf
    if doc.einvoice is not None and doc.einvoice.xrechnung_xml is not None:
        files[doc.base + "_XRechnung.xml"] = doc.einvoice.xrechnung_xml
    return files


def inputs_key(e: Engagement, ws: Workspace, template: Path, *extra: str) -> str:
    """What a contract document depends on, hashed (see :mod:`vadocs.build.cache`)."""
    logo = (ws.root / e.profil.logo).read_bytes() if e.profil.logo else b""
    katalog = json.dumps(
        {k: v.model_dump(mode="json") for k, v in e.katalog.items()}, sort_keys=True
    )
    return BuildCache.key_of(
        template.read_bytes(),
        logo,
        e.profil.model_dump_json(),
        e.datei.model_dump_json(),
        katalog,
        *extra,
    )


def plan_contracts(
    e: Engagement,
    ws: Workspace,
    only: frozenset[str] | None,
    cache: BuildCache,
    out_dir: Path,
    pdf: bool,
    today: date,
) -> list[Planned]:
    """Render the contract documents, or reuse their files where nothing changed.

    Each is a recorded version (:mod:`vadocs.documents.contract_versions`): changed data
    makes a new version before acceptance and is refused after it
    (:class:`~vadocs.documents.contract_versions.ContractChanged`); an accepted version's
    archived files are returned as they are.
    """
    docs = []
    store = ContractStore(ws.state_dir)
    accepted = e.datei.auftrag.angenommen_am is not None and e.datei.auftrag.angenommen_am <= today
    for kind in contracts_for(e.datei):
        if only is not None and kind.key not in only:
            continue
        version, changed = next_version(e, kind, store, today, accepted)
        base = contract_base(kind, version, e.kuerzel)
        template = template_for(kind, ws)
        key = inputs_key(e, ws, template, kind.key, "pdf" if pdf else "docx")
        frozen = None
        if accepted and not changed and version.files:
            frozen = store.archived(e.kuerzel, version)
        planned = Planned(
            kind=kind,
            kuerzel=e.kuerzel,
            datum=version.datum,
            base=base,
            docx=b"",
            info=info_for(e, kind.title),
            cache_key=key,
            archived=frozen or cache.fresh(out_dir, base, key),
            contract=version,
        )
        if planned.archived is None:
            ctx = base_context(e, contract_title(kind, version), version.datum)
            planned.docx = render_docx(template, with_images(ctx, e, ws))
        docs.append(planned)
    return docs


def invoice_base(e: Engagement, r: Rechnung) -> str:
    """The file name (without suffix) of invoice ``r``: date, label, number, client.

    A draft is named once as a draft and by kind and period instead of a number:
    ``2026-11-29_ENTWURF_Rechnung_schluss-2026-12_mueller-gmbh``.
    """
    label, nummer = _label_and_number(r)
    return Path(file_name(r.datum, label, e.kuerzel, "x", nummer=nummer)).stem


def draft_names(kuerzel: str, r: Rechnung) -> re.Pattern[str]:
    """The file names every draft of invoice ``r`` (kind and period) has had, on any day:
    DOCX, PDF and XRechnung XML. Used to remove stale drafts once a newer draft or the
    issued invoice is written (:func:`vadocs.build.writing.remove_stale_drafts`)."""
    label, nummer = _label_and_number(dataclasses.replace(r, nummer="ENTWURF"))
    name = file_name(date(2000, 1, 1), label, kuerzel, "x", nummer=nummer)
    tail = re.escape(Path(name).stem.split("_", 1)[1])
    return re.compile(rf"\d{{4}}-\d{{2}}-\d{{2}}_{tail}(\.docx|\.pdf|_XRechnung\.xml)")


def _label_and_number(r: Rechnung) -> tuple[str, str]:
    label = "Rechnung" if r.art != "storno" else "Stornorechnung"
    if r.nummer == "ENTWURF":  # drafts of one day differ by kind and period
        return "ENTWURF_" + label, f"{r.art}-{r.zeitraum}"
    return label, r.nummer or ""
