"""Stage 1, load and validate: YAML files in, checked pydantic models out.

In: paths of the business profile (``vadocs.yaml``), client files and the sub-processor
catalogue. Out: :class:`vadocs.documents.context.Engagement` objects and warnings, or a
:class:`vadocs.errors.ProblemsError` carrying every problem as ``file:line:col``.
Reading YAML with positions (``yaml_source``), schema validation (``validation``), cross-field
rules (``rules``), the secrets guard (``secrets``), where things are (``workspace``), the
JSON Schema export and the ``vadocs init`` skeleton.
"""
