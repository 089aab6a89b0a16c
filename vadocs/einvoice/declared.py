"""What an e-invoice file says it is: its container, syntax and specification (BT-24).

The rule sets that judge an invoice follow from what it declares
(:mod:`vadocs.einvoice.rulesets`), so this module only reads, never judges.

* Container: a hybrid PDF carries the XML as an embedded file. The names the standards
  use are ``factur-x.xml`` (Factur-X 1.0, ZUGFeRD 2.1+), ``zugferd-invoice.xml`` (ZUGFeRD
  2.0), ``ZUGFeRD-invoice.xml`` (ZUGFeRD 1.0) and ``xrechnung.xml`` (XRechnung in a PDF,
  ZUGFeRD 2.1+ profile XRECHNUNG); names are compared case-insensitively.
* Syntax: UN/CEFACT CII D16B (``rsm:CrossIndustryInvoice``), UBL 2.1 (Invoice or
  CreditNote) or ZUGFeRD 1.0 (``urn:ferd:CrossIndustryDocument:invoice:1p0``).
* BT-24 (``GuidelineSpecifiedDocumentContextParameter/ID``): the Factur-X / ZUGFeRD profile
  identifiers of the Factur-X 1.0 specification (§ 4 "Profiles") and of ZUGFeRD 2.0, and
  XRechnung's ``urn:xeinkauf.de:kosit:xrechnung_<version>`` (XRechnung specification,
  BT-24; ``…:extension:xrechnung_<version>`` for the XRechnung extension).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Literal

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

__all__ = ["ATTACHMENT_NAMES", "Declared", "declared", "embedded_invoice"]

ATTACHMENT_NAMES = ("factur-x.xml", "zugferd-invoice.xml", "ZUGFeRD-invoice.xml", "xrechnung.xml")

Syntax = Literal["cii", "ubl", "zugferd1", "unknown", "broken"]
Profile = Literal["minimum", "basicwl", "basic", "en16931", "extended", "xrechnung", "unknown"]

_ROOTS: dict[str, Syntax] = {
    "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice": "cii",
    "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice": "ubl",
    "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote": "ubl",
    "{urn:ferd:CrossIndustryDocument:invoice:1p0}CrossIndustryDocument": "zugferd1",
}
_PROFILES: dict[str, Profile] = {
    "urn:factur-x.eu:1p0:minimum": "minimum",
    "urn:factur-x.eu:1p0:basicwl": "basicwl",
    "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic": "basic",
    "urn:cen.eu:en16931:2017": "en16931",
    "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended": "extended",
    "urn:zugferd.de:2p0:minimum": "minimum",
    "urn:zugferd.de:2p0:basicwl": "basicwl",
    "urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic": "basic",
    "urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended": "extended",
}
_XRECHNUNG = re.compile(r"urn:xeinkauf\.de:kosit:(?:extension:)?xrechnung_(\d+\.\d+)")
_BT24 = (
    "/*/*[local-name()='ExchangedDocumentContext']"
    "/*[local-name()='GuidelineSpecifiedDocumentContextParameter']/*[local-name()='ID']"
)


@dataclass(frozen=True)
class Declared:
    """An invoice's declaration. ``document`` is the parsed XML (``None`` unless parsed)."""

    syntax: Syntax
    guideline: str = ""
    """BT-24 as written (stripped)."""
    profile: Profile = "unknown"
    xrechnung_version: str = ""
    """``"3.0"`` for ``…xrechnung_3.0``; empty when not an XRechnung."""
    document: object = None
    error: str = ""
    """Why the XML could not be parsed (syntax ``broken``)."""


def declared(xml: bytes) -> Declared:
    """Read syntax and BT-24 of ``xml``; never raises (unparsable → syntax ``broken``)."""
    try:
        doc = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        return Declared("broken", error=str(exc))
    syntax = _ROOTS.get(doc.tag, "unknown")
    if syntax != "cii":
        return Declared(syntax, document=doc)
    guideline = " ".join(" ".join(doc.xpath(f"{_BT24}/text()")).split())
    version = _XRECHNUNG.search(guideline)
    if version:
        return Declared("cii", guideline, "xrechnung", version[1], doc)
    return Declared("cii", guideline, _PROFILES.get(guideline, "unknown"), "", doc)


def embedded_invoice(pdf: bytes) -> tuple[str, bytes] | None:
    """The first embedded file with one of :data:`ATTACHMENT_NAMES`, as ``(name, bytes)``.

    Raises ``ValueError`` for a PDF that cannot be read.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        attachments = PdfReader(io.BytesIO(pdf)).attachments
    except (PdfReadError, OSError, KeyError, TypeError) as exc:
        raise ValueError(str(exc)) from exc
    wanted = {name.casefold(): rank for rank, name in enumerate(ATTACHMENT_NAMES)}
    found = sorted(
        (wanted[name.casefold()], name) for name in attachments if name.casefold() in wanted
    )
    if not found:
        return None
    name = found[0][1]
    return name, attachments[name][0]
