"""``vadocs check``: find what editing a Word template broke, before a client sees it.

One module per family of rules — the file (:mod:`.package`), broken tags
(:mod:`.tags`), tracked changes and comments (:mod:`.revisions`), placeholder paths
(:mod:`.variables`), filters (:mod:`.filters`), a dry render for every example
client (:mod:`.dry_render`) and legal coverage (:mod:`.coverage`) — collected by
:func:`check_templates` in :mod:`.runner`. :mod:`.fix` repairs what is safe.
"""

from __future__ import annotations

from vadocs.checks.fix import Fix, fix_templates
from vadocs.checks.runner import CheckResult, check_templates

__all__ = ["CheckResult", "Fix", "check_templates", "fix_templates"]
