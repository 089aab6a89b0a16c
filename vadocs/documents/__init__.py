"""Stage 2, context and render: a checked engagement in, rendered DOCX bytes out.

The document kinds (``kinds``), template lookup (``templates``), the template context
(``context``), the one Jinja environment and its German filters (``environment``,
``formatting``), rendering with docxtpl (``render``), the field reference (``fields``), plain
text of a template (``text``) and planning which contracts a client gets (``planning``).
"""
