"""The data model: the business profile and the client file, one source of truth.

The JSON Schema files in ``schemas/`` are generated from these classes
(``vadocs schema --write``); a test keeps them in step.
"""

from __future__ import annotations
