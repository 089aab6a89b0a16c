"""Stage 4, convert and post-process: DOCX bytes in, checked PDF bytes out.

``converter`` chooses a converter and defines the interface; ``oneshot`` drives one
``soffice --convert-to pdf`` run per batch, ``uno`` a warm LibreOffice through the
``uno_worker`` helper process (run under the system Python that has ``uno``); ``metadata``
sets PDF metadata, merges the contract bundle and neutralises LibreOffice's random IDs.
The converter lifecycle (start, per-file timeout, process-group kill, cleanup) lives here.
"""
