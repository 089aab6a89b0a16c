"""Warm rebuilds for ``vadocs watch``: changed files in, rebuilt documents and one report
per rebuild out.

``plan`` maps changed files to the documents they make stale; ``session`` keeps one
LibreOffice warm and rebuilds through :func:`vadocs.build.run.build`; ``server`` lends that
LibreOffice to ``vadocs build`` in other terminals over a Unix socket in ``.vadocs/``
(the client side is :mod:`vadocs.pdf.shared`); ``lock`` allows one watcher per workspace.
"""
