"""Small builders for CII XML (ElementTree): qualified names, nested elements, dates, amounts.

Namespaces of UN/CEFACT CII D16B (``rsm``, ``ram``, ``qdt``, ``udt``); dates as format
``102`` (CCYYMMDD); amounts with two decimals, rounded half up, never ``-0.00``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

from vadocs.invoicing.money import cents

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)


def qname(name: str) -> str:
    """``ram:Name`` → ``{urn:…}Name``."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def opt(parent: ET.Element, path: str, text: str | None, **attributes: str) -> None:
    """Like :func:`sub`, but only when there is a text (optional business terms)."""
    if text:
        sub(parent, path, text, **attributes)


def sub(parent: ET.Element, path: str, text: str | None = None, **attributes: str) -> ET.Element:
    """Append the elements of ``path`` (``ram:A/ram:B``), nested; text and attributes on the last."""
    *steps, last = path.split("/")
    for step in steps:
        parent = ET.SubElement(parent, qname(step))
    element = ET.SubElement(parent, qname(last), attributes)
    if text is not None:
        element.text = text
    return element


def xml_date(parent: ET.Element, path: str, day: date, kind: str = "udt") -> None:
    """A date element ``path/udt:DateTimeString`` in format 102 (CCYYMMDD)."""
    sub(parent, f"{path}/{kind}:DateTimeString", f"{day:%Y%m%d}", format="102")


def amount(value: Decimal) -> str:
    """Two decimals, half up; never ``-0.00``.

    >>> amount(Decimal("-0")), amount(Decimal("1234.5")), amount(Decimal("-2.675"))
    ('0.00', '1234.50', '-2.68')
    """
    rounded = cents(value)
    return f"{abs(rounded) if rounded == 0 else rounded:f}"


def number(value: Decimal) -> str:
    """A quantity, price or rate as written, without exponent: ``Decimal('2E+1')`` → ``20``."""
    return "0" if value == 0 else f"{value:f}"
