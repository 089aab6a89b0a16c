"""DATEV export for the tax advisor: an EXTF Buchungsstapel (and a ZIP of the invoice PDFs).

:mod:`.extf` knows the file format, :mod:`.accounts` the chart of accounts,
:mod:`.bookings` turns invoices and payments into booking lines, :mod:`.export`
writes the files.
"""
