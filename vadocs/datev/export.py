"""Write the DATEV Buchungsstapel (and, on request, a flat ZIP of the invoice PDFs)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from vadocs.datev.accounts import BANK, debtor_accounts
from vadocs.datev.bookings import Accounts, invoice_lines, payment_lines
from vadocs.datev.extf import Header, document
from vadocs.errors import Problem, Severity, VadocsError
from vadocs.i18n import _
from vadocs.invoicing.ledger import Ledger
from vadocs.model.datev import DatevEinstellungen
from vadocs.output import write_atomic
from vadocs.payments.store import PaymentStore


@dataclass(frozen=True)
class DatevRequest:
    settings: DatevEinstellungen
    date_from: date
    date_to: date
    """Inclusive; both within one fiscal year (DATEV accepts one year per batch)."""
    output: Path
    payments: bool = False
    documents: bool = False
    explicit_debtors: dict[str, int] | None = None
    created: datetime | None = None


def fiscal_year_start(day: date, first_month: int) -> date:
    """The first day of the fiscal year that contains ``day``.

    >>> fiscal_year_start(date(2026, 3, 5), 7)
    datetime.date(2025, 7, 1)
    """
    start = date(day.year, first_month, 1)
    return start if start <= day else date(day.year - 1, first_month, 1)


def build_batch(ledger: Ledger, req: DatevRequest) -> tuple[bytes, list[str]]:
    """The file's bytes and the invoice numbers it books. Raises VadocsError on bad ranges."""
    s = req.settings
    start = fiscal_year_start(req.date_from, s.wirtschaftsjahr_beginn)
    if (
        req.date_to < req.date_from
        or fiscal_year_start(req.date_to, s.wirtschaftsjahr_beginn) != start
    ):
        raise VadocsError(
            _(
                "the period {start:%d.%m.%Y}–{end:%d.%m.%Y} does not lie within one fiscal year"
            ).format(start=req.date_from, end=req.date_to),
            hint=_("DATEV takes only one fiscal year per batch; export each year on its own"),
        )
    invoices = [i for i in ledger.all() if req.date_from <= i.issued_on <= req.date_to]
    events = []
    if req.payments:
        events = [e for e in PaymentStore(ledger).events() if req.date_from <= e.on <= req.date_to]
    by_number = {i.number: i for i in ledger.all()}
    clients = sorted({i.client for i in invoices} | {by_number[e.number].client for e in events})
    chart = s.kontenrahmen
    with ledger.issuing():
        debtors = debtor_accounts(ledger, clients, req.explicit_debtors or {}, s.sachkontenlaenge)
    acc = Accounts(
        chart,
        s.sachkontenlaenge,
        s.bankkonto or BANK[chart] * 10 ** (s.sachkontenlaenge - 4),
        debtors,
    )
    lines = [line for inv in invoices for line in invoice_lines(inv, acc)]
    lines += payment_lines(events, by_number, acc)
    header = Header(
        berater=s.berater_nummer,
        mandant=s.mandanten_nummer,
        fiscal_year_start=start,
        account_length=s.sachkontenlaenge,
        date_from=req.date_from,
        date_to=req.date_to,
        label=f"Rechnungen {req.date_from:%d.%m.%Y}-{req.date_to:%d.%m.%Y}",
        chart=chart[-2:],
        created=req.created or datetime.now(),
    )
    return document(header, lines), [i.number for i in invoices]


def documents_zip(ledger: Ledger, numbers: list[str]) -> tuple[bytes, list[Problem]]:
    """A flat ZIP (no folders: DATEV refuses them) of each invoice's archived PDF."""
    out = io.BytesIO()
    problems = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in numbers:
            pdfs = [n for n in ledger.files(number) if n.lower().endswith(".pdf")]
            if not pdfs:
                problems.append(
                    Problem(
                        None,
                        _("invoice {number}: no PDF in the archive").format(number=number),
                        severity=Severity.WARNING,
                    )
                )
                continue
            info = zipfile.ZipInfo(
                number.replace("/", "_") + ".pdf", date_time=(1980, 1, 1, 0, 0, 0)
            )
            archive.writestr(info, (ledger.archive_dir(number) / pdfs[0]).read_bytes())
    return out.getvalue(), problems


def export_datev(ledger: Ledger, req: DatevRequest) -> tuple[list[Path], list[Problem]]:
    """Write the batch (and the ZIP beside it as ``<name>_Belege.zip``); return paths and warnings."""
    data, numbers = build_batch(ledger, req)
    written = [req.output]
    problems: list[Problem] = []
    zipped = b""
    if req.documents:
        zipped, problems = documents_zip(ledger, numbers)
    write_atomic(req.output, data)
    if req.documents:
        target = req.output.with_name(req.output.stem + "_Belege.zip")
        write_atomic(target, zipped)
        written.append(target)
    if not req.output.name.startswith("EXTF_"):
        problems.append(
            Problem(
                req.output,
                _("DATEV reads batches only from files whose name starts with EXTF_"),
                severity=Severity.WARNING,
            )
        )
    return written, problems
