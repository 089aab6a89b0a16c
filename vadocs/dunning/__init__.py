"""Reminders by the statute: base rate (§ 247 BGB), default (§ 286), interest and flat fee
(§ 288), reminder levels, and the record of every reminder sent.

Pipeline: open items (:mod:`.sources`) → level due (:mod:`.levels`) → statement of claim
(:mod:`.claim`, using :mod:`.interest` and :mod:`.basiszins`) → render, convert, archive and
record (:mod:`.run`, :mod:`.records`).
"""
