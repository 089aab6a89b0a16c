"""Rules of the business profile that a schema alone cannot say."""

from __future__ import annotations

import re
from collections.abc import Iterator

from vadocs.data.partial import guarded
from vadocs.data.yaml_source import Document
from vadocs.errors import Problem
from vadocs.i18n import _
from vadocs.model.common import Anschrift
from vadocs.model.profile import Geschaeftsprofil


def profile_rules(doc: Document, p: Geschaeftsprofil) -> Iterator[Problem]:
    """The rules of the business profile; each stops quietly at a field that did not validate."""
    yield from guarded(_tax_number, doc, p)
    yield from guarded(lambda: german_postal_code(doc, ("anschrift",), p.anschrift))
    yield from guarded(_logo, doc, p)
    yield from guarded(_number_pattern, doc, p.rechnungsnummer)


def _tax_number(doc: Document, p: Geschaeftsprofil) -> Iterator[Problem]:
    if not p.steuernummer and not p.ust_idnr:
        yield doc.problem(
            ("steuernummer",),
            _("an invoice needs your Steuernummer or USt-IdNr (§ 14 Abs. 4 Nr. 2 UStG)"),
            _("add steuernummer: or ust_idnr:"),
        )


def _logo(doc: Document, p: Geschaeftsprofil) -> Iterator[Problem]:
    if p.logo:
        logo = doc.file.parent / p.logo
        if not logo.is_file():
            yield doc.problem(
                ("logo",),
                _("logo file not found: {logo}").format(logo=logo),
                _("give the path relative to vadocs.yaml, or remove the key"),
            )
        elif logo.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            yield doc.problem(("logo",), _("the logo must be a PNG or JPEG file"))


def _number_pattern(doc: Document, pattern: str) -> Iterator[Problem]:
    hint = "use {year} and {seq}, e.g. {year}-{seq:04d} or RE-{seq:05d}"
    if "{seq" not in pattern:
        yield doc.problem(("rechnungsnummer",), _("the pattern has no {seq} counter"), hint)
        return
    try:
        sample = pattern.format(year=2026, seq=1)
    except (KeyError, ValueError, IndexError) as exc:
        yield doc.problem(
            ("rechnungsnummer",), _("the pattern cannot be used ({exc})").format(exc=exc), hint
        )
        return
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9\-_/.]*", sample):
        yield doc.problem(
            ("rechnungsnummer",),
            _("'{sample}' is not a usable invoice number").format(sample=sample),
            _("use letters, digits and - _ / . only"),
        )


def german_postal_code(
    doc: Document, where: tuple[str, ...], anschrift: Anschrift
) -> Iterator[Problem]:
    """A German address (``land: DE``) has a five-digit postal code, not in the unassigned
    ``00`` region (Deutsche Post's codes run from 01001); ``where`` is the address's path."""
    if anschrift.land != "DE":
        return
    plz = anschrift.plz
    if not re.fullmatch(r"\d{5}", plz):
        yield doc.problem(
            (*where, "plz"),
            _("a German postal code has five digits (found „{plz}“)").format(plz=plz),
            _("write all five digits, e.g. 01067; a leading zero belongs to it"),
        )
    elif plz.startswith("00"):
        yield doc.problem((*where, "plz"), _("no German postal code starts with 00"))
