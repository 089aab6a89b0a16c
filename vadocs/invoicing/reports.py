"""What the ledger tells the assistant and her tax advisor: lists, CSV export, verification."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from vadocs.einvoice.advance import advance_reference
from vadocs.errors import Problem
from vadocs.i18n import _
from vadocs.invoicing.ledger import Issued, Ledger, sha256
from vadocs.invoicing.snapshots import from_snapshot
from vadocs.payments.status import InvoiceStatus

EXPORT_COLUMNS = (
    "Rechnungsnummer", "Rechnungsdatum", "Kunde", "Kundenkürzel", "Art", "Leistungszeitraum",
    "Netto 19 %", "USt 19 %", "Netto 7 %", "USt 7 %", "Netto ohne USt", "Brutto",
    "Abzug Anzahlungen netto", "Abzug Anzahlungen USt", "Zahlbetrag", "Steuerfall",
    "USt-IdNr Kunde", "Status", "Bezug", "Grund", "Bezahlt am", "Offener Betrag",
)  # fmt: skip


def _de(value: Decimal) -> str:
    """Amounts the German way for spreadsheets: ``1234,56`` (no thousands separator)."""
    return f"{value:.2f}".replace(".", ",")


def export_rows(
    invoices: list[Issued], paid: Mapping[str, InvoiceStatus] | None = None
) -> list[list[str]]:
    """One row per invoice; ``paid`` (from :func:`vadocs.payments.status.statuses`) fills
    the paid date and open amount (empty for cancellation invoices)."""
    rows = []
    for inv in invoices:
        st = (paid or {}).get(inv.number)
        r = from_snapshot(inv.snapshot)
        by_rate = {g.satz: g for g in r.steuergruppen}
        kunde = inv.snapshot.get("kunde", {})
        assert isinstance(kunde, dict)
        net19 = by_rate[Decimal(19)].netto if Decimal(19) in by_rate else Decimal(0)
        vat19 = by_rate[Decimal(19)].ust if Decimal(19) in by_rate else Decimal(0)
        net7 = by_rate[Decimal(7)].netto if Decimal(7) in by_rate else Decimal(0)
        vat7 = by_rate[Decimal(7)].ust if Decimal(7) in by_rate else Decimal(0)
        untaxed = r.netto - net19 - net7
        rows.append(
            [
                inv.number,
                inv.issued_on.strftime("%d.%m.%Y"),
                str(kunde.get("name", "")),
                inv.client,
                r.titel,
                r.zeitraum,
                _de(net19),
                _de(vat19),
                _de(net7),
                _de(vat7),
                _de(untaxed),
                _de(r.brutto),
                _de(sum((a.netto for a in r.abzuege), Decimal(0))),
                _de(sum((a.ust for a in r.abzuege), Decimal(0))),
                _de(r.zahlbetrag),
                r.steuer.fall.value,
                str(kunde.get("ust_idnr") or ""),
                "storniert" if inv.status == "cancelled" else "gültig",
                inv.cancels or "",
                inv.reason or "",
                f"{st.paid_on:%d.%m.%Y}" if st and st.paid_on else "",
                _de(st.open) if st else "",
            ]
        )
    return rows


def export_csv(invoices: list[Issued], paid: Mapping[str, InvoiceStatus] | None = None) -> str:
    """Semicolon-separated, decimal comma, UTF-8 with BOM: what German Excel opens as it is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows(export_rows(invoices, paid))
    return "\ufeff" + buffer.getvalue()


def deduction_problems(ledger: Ledger) -> list[Problem]:
    """Every valid final invoice that deducts an advance which is cancelled or unknown: the
    deduction must name a valid advance invoice (§ 14 Abs. 5 Satz 2 UStG). The advances are
    the ones the final invoice names (``…, Rechnung 2026-0001 vom …``), not guessed by month."""
    problems = []
    for inv in ledger.all():
        if inv.kind != "schluss" or inv.status != "issued" or not inv.snapshot.get("abzuege"):
            continue
        for deduction in from_snapshot(inv.snapshot).abzuege:
            named = advance_reference(deduction)
            advance = ledger.get(named[0]) if named else None
            if advance is not None and advance.kind == "vorauszahlung":
                if advance.status == "issued":
                    continue
                what = _("the cancelled advance {number}").format(number=advance.number)
            elif named is not None:
                what = _("the unknown advance {number}").format(number=named[0])
            else:
                what = _("an advance it does not name")
            problems.append(
                Problem(
                    ledger.path,
                    _("final invoice {number} ({client}, {period}) deducts {what}").format(
                        number=inv.number, client=inv.client, period=inv.period, what=what
                    ),
                    hint=_(
                        "cancel {number} (`vadocs invoices cancel {number} --reason …`) and "
                        "build again to issue a final invoice without the deduction"
                    ).format(number=inv.number),
                )
            )
    return problems


def verify(ledger: Ledger, out_root: Path | None = None) -> tuple[int, list[Problem]]:
    """Recompute the hash of every archived file (and of its copy in ``out_root``), and
    check the relations between invoices (:func:`deduction_problems`)."""
    checked = 0
    problems: list[Problem] = deduction_problems(ledger)
    for inv in ledger.all():
        folder = ledger.archive_dir(inv.number)
        for name, digest in ledger.files(inv.number).items():
            checked += 1
            for path in [folder / name] + ([out_root / inv.client / name] if out_root else []):
                is_copy = path.parent != folder
                if not path.is_file():
                    if not is_copy:
                        problems.append(
                            Problem(
                                path,
                                _("invoice {number}: archived file vanished").format(
                                    number=inv.number
                                ),
                                hint=_("restore it from your backup"),
                            )
                        )
                    continue
                if sha256(path.read_bytes()) != digest:
                    problems.append(
                        Problem(
                            path,
                            _("invoice {number}: file changed since it was issued").format(
                                number=inv.number
                            ),
                            hint=_("restore it from the archive (.vadocs/archiv) or your backup")
                            if is_copy
                            else _("restore it from your backup"),
                        )
                    )
    return checked, problems
