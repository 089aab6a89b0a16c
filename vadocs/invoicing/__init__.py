"""Stage 3, issue: money, tax cases, invoices and the SQLite ledger.

In: an engagement's invoice entries. Out: computed :class:`invoice.Rechnung` objects with
numbers from the ledger, archived files with their SHA-256, cancellations. ``ledger`` owns the
transaction (``BEGIN IMMEDIATE`` until every file of a run is archived); ``issuing`` plans and
numbers; ``money``/``tax``/``invoice`` compute in ``Decimal``; ``reports`` exports and verifies.
"""
