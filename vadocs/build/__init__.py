"""Stage 5, orchestrate and write: client files in, files on disk and a report out.

``run.build`` loads every client, plans and renders documents, lets the ledger number the
invoices, converts everything in one LibreOffice session and writes atomically
(``writing``, via :func:`vadocs.output.write_atomic`); ``cache`` skips unchanged documents;
``results`` holds the options and the per-client report.
"""
