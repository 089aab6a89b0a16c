"""vadocs: the documents of a virtual assistant's client engagement, from YAML and Word templates."""

from __future__ import annotations

__version__ = "0.1.0"
