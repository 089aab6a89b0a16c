"""Payments: bank statements in, invoice status out.

Layout: :mod:`.amounts` (parsing money from statements), :mod:`.camt` and :mod:`.mt940`
(statement readers → :class:`.bookings.Booking`), :mod:`.store` (append-only events in the
ledger file), :mod:`.matching` (bookings → invoices), :mod:`.status` (derived status, open
items), :mod:`.importing` (the whole ``vadocs payments import`` run).

The public API for other parts of vadocs (e.g. reminders) is :func:`open_items`,
:func:`open_amount` and :func:`invoice_status`.
"""

from __future__ import annotations

from vadocs.payments.status import InvoiceStatus, OpenItem, invoice_status, open_amount, open_items

__all__ = ["InvoiceStatus", "OpenItem", "invoice_status", "open_amount", "open_items"]
