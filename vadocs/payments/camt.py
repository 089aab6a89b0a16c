"""ISO 20022 bank-to-customer statements: camt.053 (and camt.052/054), as XML or in a ZIP.

Read namespace-agnostically, so that camt.053.001.02 (the DK's long-time
format), camt.053.001.08 (SEPA 2023+) and the 052/054 reports all go through one
reader. Element paths follow the ISO 20022 message definitions:
``Document/BkToCstmrStmt/Stmt/Ntry`` (053), ``…AcctRpt/Rpt/Ntry`` (052),
``…DbtCdtNtfctn/Ntfctn/Ntry`` (054); per entry ``Amt``, ``CdtDbtInd``
(``CRDT``/``DBIT``), ``Sts`` (``BOOK``; in .08 wrapped as ``Sts/Cd``), ``BookgDt/Dt``
(or ``DtTm``), ``AcctSvcrRef`` and ``NtryDtls/TxDtls`` with ``RltdPties``
(``Dbtr/Nm`` in .02, ``Dbtr/Pty/Nm`` in .08), ``DbtrAcct/Id/IBAN`` and
``RmtInf/Ustrd`` or ``RmtInf/Strd/CdtrRefInf/Ref``.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from vadocs.errors import Problem
from vadocs.i18n import _
from vadocs.payments.amounts import AmountError, camt_amount
from vadocs.payments.bookings import Booking, identity_of

_Element = Any  # lxml ships no type information
_CONTAINERS = ("Stmt", "Rpt", "Ntfctn")


def _all(node: _Element, path: str) -> list[_Element]:
    steps = "/".join(p if p == "*" else f"*[local-name()='{p}']" for p in path.split("/"))
    found = node.xpath(steps)
    assert isinstance(found, list)
    return [f for f in found if isinstance(f, etree._Element)]


def _text(node: _Element, *paths: str) -> str:
    for path in paths:
        for found in _all(node, path):
            if found.text and found.text.strip():
                return " ".join(found.text.split())
    return ""


def is_camt(data: bytes) -> bool:
    return data.lstrip()[:1] == b"<" or data[:2] == b"PK"


def read_camt(path: Path, data: bytes) -> tuple[list[Booking], list[Problem]]:
    """Every booked entry of a camt file (XML, or a ZIP of XML files)."""
    if data[:2] == b"PK":
        return _read_zip(path, data)
    return _read_xml(path, path.name, data)


def _read_zip(path: Path, data: bytes) -> tuple[list[Booking], list[Problem]]:
    bookings: list[Booking] = []
    problems: list[Problem] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".xml")]
            if not names:
                problems.append(Problem(path, _("the ZIP file holds no XML file")))
            for name in sorted(names):
                found, bad = _read_xml(path, f"{path.name}:{name}", archive.read(name))
                bookings += found
                problems += bad
    except zipfile.BadZipFile:
        problems.append(Problem(path, _("not a valid ZIP file")))
    return bookings, problems


def _read_xml(path: Path, source: str, data: bytes) -> tuple[list[Booking], list[Problem]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        return [], [
            Problem(
                path,
                _("{source}: not valid XML ({msg})").format(source=source, msg=exc.msg),
                line=line,
            )
        ]
    ns = etree.QName(root).namespace or ""
    if "camt.05" not in ns:
        return [], [
            Problem(
                path,
                _("{source}: not a camt bank statement (namespace “{ns}”)").format(
                    source=source, ns=ns or _("none")
                ),
                hint=_("expected camt.053 (001.02 or 001.08), camt.052 or camt.054"),
            )
        ]
    bookings: list[Booking] = []
    problems: list[Problem] = []
    seen: Counter[tuple[str, ...]] = Counter()
    for container in (c for name in _CONTAINERS for c in _all(root, f"*/{name}")):
        account = _text(container, "Acct/Id/IBAN", "Acct/Id/Othr/Id")
        for entry in _all(container, "Ntry"):
            try:
                bookings += _entry(entry, account, source, seen)
            except (AmountError, ValueError) as exc:
                problems.append(Problem(path, f"{source}: {exc}", line=entry.sourceline))
    return bookings, problems


def _entry(
    entry: _Element, account: str, source: str, seen: Counter[tuple[str, ...]]
) -> list[Booking]:
    status = _text(entry, "Sts/Cd", "Sts")
    if status and status != "BOOK":
        return []  # pending or informational entries are no payments yet
    sign = {"CRDT": 1, "DBIT": -1}.get(_text(entry, "CdtDbtInd"))
    if sign is None:
        raise ValueError(_("booking without a valid CdtDbtInd (CRDT or DBIT)"))
    when = _date(_text(entry, "BookgDt/Dt", "BookgDt/DtTm", "ValDt/Dt"))
    total = _amount(entry, "Amt")
    details = _all(entry, "NtryDtls/TxDtls")
    if len(details) <= 1:
        parts = [(details[0] if details else entry, total)]
    else:  # a batch booking: one entry, several transfers
        parts = [(d, _amount(d, "Amt", "AmtDtls/TxAmt/Amt")) for d in details]
    party = "Dbtr" if sign > 0 else "Cdtr"
    out = []
    for tx, amount in parts:
        ref = _text(tx, "Refs/AcctSvcrRef") or (
            _text(entry, "AcctSvcrRef") if len(parts) == 1 else ""
        )
        payer = _text(tx, f"RltdPties/{party}/Pty/Nm", f"RltdPties/{party}/Nm")
        iban = _text(tx, f"RltdPties/{party}Acct/Id/IBAN")
        remittance = " ".join(
            [" ".join((u.text or "").split()) for u in _all(tx, "RmtInf/Ustrd")]
            + [_text(tx, "RmtInf/Strd/CdtrRefInf/Ref")]
        ).strip()
        key = (when.isoformat(), str(sign * amount), iban, remittance, _text(tx, "Refs/EndToEndId"))
        seen[key] += 1
        ident = identity_of(account, ref, *key, str(seen[key]))
        out.append(Booking(ident, when, sign * amount, payer, iban, remittance, ref, source))
    return out


def _amount(node: _Element, *paths: str) -> Decimal:
    for path in paths:
        for found in _all(node, path):
            currency = found.get("Ccy", "EUR")
            if currency != "EUR":
                raise ValueError(
                    _("amount in {currency}: only euro accounts are supported").format(
                        currency=currency
                    )
                )
            return camt_amount(found.text or "")
    raise ValueError(_("booking without an amount (Amt)"))


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(
            _("booking without a valid booking date (“{text}”)").format(text=text)
        ) from None
