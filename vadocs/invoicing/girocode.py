"""EPC QR code (GiroCode, EPC069-12) so the client's banking app fills in the transfer."""

from __future__ import annotations

import io
from decimal import Decimal

import segno

from vadocs.i18n import _


def epc_payload(name: str, iban: str, amount: Decimal, reference: str, bic: str = "") -> str:
    """The EPC069-12 payload (version 002, UTF-8, SEPA credit transfer).

    >>> epc_payload("Anna Schmidt", "DE02120300000000202051", Decimal("1234.5"), "2026-0001")
    'BCD\\n002\\n1\\nSCT\\n\\nAnna Schmidt\\nDE02120300000000202051\\nEUR1234.50\\n\\n\\nRechnung 2026-0001'
    """
    if not Decimal("0.01") <= amount <= Decimal("999999999.99"):
        raise ValueError(_("EPC QR amounts must lie between 0.01 and 999999999.99 EUR"))
    lines = [
        "BCD",
        "002",
        "1",
        "SCT",
        bic,
        name[:70],
        iban,
        f"EUR{amount:.2f}",
        "",
        "",
        f"Rechnung {reference}"[:140],
    ]
    return "\n".join(lines)


def girocode_png(name: str, iban: str, amount: Decimal, reference: str, bic: str = "") -> bytes:
    """A PNG of the GiroCode with error correction level M, as EPC069-12 requires."""
    payload = epc_payload(name, iban, amount, reference, bic)
    qr = segno.make_qr(payload, error="m", boost_error=False, encoding="utf-8")
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=6, border=4)
    return buffer.getvalue()
