"""E-invoices: EN 16931 CII XML (Factur-X / ZUGFeRD, XRechnung), its validation, its PDF.

The pipeline for an invoice to a business client::

    xml = cii_xml(engagement, rechnung)                  # from the same Rechnung as the PDF
    ensure_valid(xml, name=rechnung.nummer)              # XSD + schematron, or EInvoiceError
    pdf = embed_facturx(pdf_a3, xml, title=…, author=…)  # after LibreOffice (pdfa=True)
                                                         # and pdf_metadata.set_metadata
"""

from __future__ import annotations

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
