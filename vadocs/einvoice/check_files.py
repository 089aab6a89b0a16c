"""``vadocs invoices validate``: check e-invoice files (hybrid PDFs or XML) offline."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Literal

from vadocs.einvoice import extract_xml, validate_xml
from vadocs.errors import InputFileError, Problem, Severity


def check_files(files: list[Path]) -> tuple[int, list[Problem]]:
    """Validate each file; PDFs without an embedded factur-x.xml are skipped (not e-invoices)."""
    checked = 0
    problems: list[Problem] = []
    for file in files:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputFileError(f"{file}: cannot be read ({exc.strerror})") from None
        xml: bytes | None = data
        flavor: Literal["factur-x", "xrechnung"] = "factur-x"
        if data.startswith(b"%PDF"):
            xml = extract_xml(data)
            if xml is None:
                problems.append(
                    Problem(
                        file,
                        "no embedded factur-x.xml: not an e-invoice",
                        severity=Severity.WARNING,
                    )
                )
                continue
        elif b"xeinkauf.de:kosit:xrechnung" in data:
            flavor = "xrechnung"
        checked += 1
        assert xml is not None
        problems += [
            replace(
                p,
                file=file,
                message=f"{p.rule}: {p.message}"
                if p.rule and not p.message.startswith(p.rule)
                else p.message,
            )
            for p in validate_xml(xml, flavor=flavor)
        ]
    return checked, problems
