"""``vadocs invoices validate``: check e-invoice files (hybrid PDFs or XML) offline.

Each file is judged by what it declares (:func:`vadocs.einvoice.validate.check_xml`);
one file that cannot be read or that breaks a rule set is that file's error, and the
batch goes on. An XRechnung whose XRechnung rules did not run is an error: it is never
reported as valid.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from vadocs.errors import Problem, Severity
from vadocs.i18n import N_, _, os_error

__all__ = ["FileReport", "check_files"]

_PROFILE_NAMES = {
    "minimum": "Factur-X/ZUGFeRD MINIMUM",
    "basicwl": "Factur-X/ZUGFeRD BASIC WL",
    "basic": "Factur-X/ZUGFeRD BASIC",
    "en16931": "Factur-X/ZUGFeRD EN 16931",
    "extended": "Factur-X/ZUGFeRD EXTENDED",
    "unknown": N_("CII with an unknown BT-24"),
}


@dataclass(frozen=True)
class FileReport:
    """One file: what it is, which rule sets ran, and every finding (``file`` set)."""

    file: Path
    kind: str
    ran: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def is_einvoice(self) -> bool:
        return bool(self.ran) or any(p.severity is Severity.ERROR for p in self.problems)


def check_files(files: list[Path]) -> list[FileReport]:
    """A report per file, in order. Raises :class:`~vadocs.errors.EInvoiceError` only when
    the configured official rules are broken (before any file is checked)."""
    from vadocs.einvoice.rulesets import official_rules

    official_rules()
    return [_check(file) for file in files]


def _check(file: Path) -> FileReport:
    try:
        data = file.read_bytes()
    except OSError as exc:
        return _error(
            file, _("unreadable"), _("cannot be read ({error})").format(error=os_error(exc))
        )
    container = "XML"
    xml = data
    if data.startswith(b"%PDF"):
        from vadocs.einvoice.declared import ATTACHMENT_NAMES, embedded_invoice

        try:
            found = embedded_invoice(data)
        except ValueError as exc:
            return _error(file, "PDF", _("PDF cannot be read: {exc}").format(exc=exc))
        if found is None:
            names = ", ".join(ATTACHMENT_NAMES)
            message = _("no embedded e-invoice ({names}): not an e-invoice").format(names=names)
            return FileReport(
                file, "PDF", problems=(Problem(file, message, severity=Severity.WARNING),)
            )
        container = f"PDF mit {found[0]}"
        xml = found[1]
    try:
        return _judge(file, container, xml)
    except Exception as exc:  # a crash in one file never stops the batch
        return _error(file, container, f"Prüfung abgebrochen ({type(exc).__name__}: {exc})")


def _judge(file: Path, container: str, xml: bytes) -> FileReport:
    from vadocs.einvoice.validate import check_xml

    verdict = check_xml(xml)
    d = verdict.declared
    if d.profile == "xrechnung":
        kind = f"XRechnung {d.xrechnung_version} (CII)"
    else:
        kind = _(_PROFILE_NAMES[d.profile]) if d.syntax == "cii" else d.syntax.upper()
    problems = [replace(p, file=file) for p in verdict.problems]
    for sentence in verdict.not_checked:
        unchecked_xrechnung = verdict.xrechnung_unchecked and "XRechnung" in sentence
        problems.append(Problem(
            file, sentence,
            severity=Severity.ERROR if unchecked_xrechnung else Severity.WARNING,
            hint=_("name the rules folder with VADOCS_EINVOICE_RULES") if unchecked_xrechnung else "",
        ))  # fmt: skip
    return FileReport(file, f"{kind}, {container}", verdict.ran, tuple(problems))


def _error(file: Path, kind: str, message: str) -> FileReport:
    return FileReport(file, kind, problems=(Problem(file, message),))
