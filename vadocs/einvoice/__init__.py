"""E-invoices: EN 16931 CII XML (Factur-X / ZUGFeRD, XRechnung), its validation, its PDF.

The pipeline for an invoice to a business client::

    xml = cii_xml(engagement, rechnung)                  # from the same Rechnung as the PDF
    ensure_valid(xml, name=rechnung.nummer)              # XSD + schematron, or EInvoiceError
    pdf = embed_facturx(pdf_a3, xml, title=…, author=…)  # after LibreOffice (pdfa=True)
                                                         # and pdf_metadata.set_metadata

The names below are imported on first use: lxml, saxonche and pikepdf cost start-up time
that a run reading only :mod:`vadocs.einvoice.advance` (the invoice context) avoids.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from vadocs.i18n import _

if TYPE_CHECKING:
    from vadocs.einvoice.cii import cii_xml, tax_codes, type_code
    from vadocs.einvoice.embed import embed_facturx, extract_xml
    from vadocs.einvoice.validate import ENV_XRECHNUNG, ensure_valid, validate_xml

__all__ = [
    "ENV_XRECHNUNG",
    "cii_xml",
    "embed_facturx",
    "ensure_valid",
    "extract_xml",
    "tax_codes",
    "type_code",
    "validate_xml",
]

_HOME = {
    "ENV_XRECHNUNG": "validate",
    "cii_xml": "cii",
    "embed_facturx": "embed",
    "ensure_valid": "validate",
    "extract_xml": "embed",
    "tax_codes": "cii",
    "type_code": "cii",
    "validate_xml": "validate",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(
            _("module {name__!r} has no attribute {name!r}").format(name__=__name__, name=name)
        )
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
