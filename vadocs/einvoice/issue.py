"""Which e-invoice an invoice gets, made from the same invoice object as its PDF."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from vadocs.documents.context import Engagement
from vadocs.errors import Problem
from vadocs.invoicing.invoice import Rechnung

Flavor = Literal["factur-x", "xrechnung"]


@dataclass(frozen=True)
class EInvoice:
    flavor: Flavor
    facturx_xml: bytes
    """EN 16931 CII, embedded in the PDF/A-3 as factur-x.xml."""
    xrechnung_xml: bytes | None = None
    """The XRechnung CII file written beside the PDF, for clients who asked for it."""
    warnings: tuple[Problem, ...] = ()
    """What the validation warned about (e.g. XRechnung rules not configured), once each."""


def flavor_for(e: Engagement) -> Flavor | None:
    """``auto``: business clients get ZUGFeRD/Factur-X, except from a Kleinunternehmerin
    (never obliged, § 19 UStG) and consumers; ``zugferd``/``xrechnung`` always; ``keine`` never.
    """
    wanted = e.datei.abrechnung.e_rechnung
    if wanted == "keine":
        return None
    if wanted == "xrechnung":
        return "xrechnung"
    if wanted == "zugferd":
        return "factur-x"
    if e.datei.kunde.art == "verbraucher" or e.profil.kleinunternehmer:
        return None
    return "factur-x"


def make_einvoice(e: Engagement, r: Rechnung, *, with_pdf: bool = True) -> EInvoice | None:
    """The validated e-invoice XML for ``r``; raises EInvoiceError naming the broken rule.

    Without a PDF there is nothing to embed Factur-X into; an XRechnung is still made.
    """
    flavor = flavor_for(e)
    if flavor is None or r.nummer == "ENTWURF" or (flavor == "factur-x" and not with_pdf):
        return None
    # Imported here: lxml, saxonche and factur-x cost start-up time a DOCX-only run avoids.
    from vadocs.einvoice import cii_xml, ensure_valid
    from vadocs.einvoice.cii import type_code

    reference = e.datei.abrechnung.kaeuferreferenz
    # One BT-3 for both files of an invoice: XRechnung's list (BR-DE-17) decides for both.
    code = type_code(r, "xrechnung" if flavor == "xrechnung" else "en16931")
    facturx = cii_xml(e, r, profile="en16931", buyer_reference=reference, document_type=code)
    warnings = ensure_valid(facturx, flavor="factur-x", name=r.nummer)
    xrechnung = None
    if flavor == "xrechnung":
        xrechnung = cii_xml(
            e, r, profile="xrechnung", buyer_reference=reference, document_type=code
        )
        warnings += ensure_valid(xrechnung, flavor="xrechnung", name=r.nummer)
    unique = {(p.rule, p.message): p for p in warnings}
    return EInvoice(flavor, facturx, xrechnung, tuple(unique.values()))
