"""The kinds of document vadocs produces, and which of them an engagement needs."""

from __future__ import annotations

from dataclasses import dataclass

from vadocs.model.client import Kundendatei


@dataclass(frozen=True)
class DocumentKind:
    key: str
    """Short name used on the command line (``--only``)."""
    template: str
    """File name in ``templates_de/`` (or the workspace's ``vorlagen/``)."""
    title: str
    file_label: str
    """The German word in output file names (ASCII)."""


AUFTRAGSBESTAETIGUNG = DocumentKind(
    "auftragsbestaetigung",
    "auftragsbestaetigung.docx",
    "Auftragsbestätigung",
    "Auftragsbestaetigung",
)
NDA = DocumentKind(
    "nda",
    "verschwiegenheitsvereinbarung.docx",
    "Verschwiegenheitsvereinbarung",
    "Verschwiegenheitsvereinbarung",
)
AVV = DocumentKind(
    "avv",
    "auftragsverarbeitungsvertrag.docx",
    "Auftragsverarbeitungsvertrag",
    "Auftragsverarbeitungsvertrag",
)
RECHNUNG = DocumentKind("rechnung", "rechnung.docx", "Rechnung", "Rechnung")
MAHNUNG = DocumentKind("mahnung", "mahnung.docx", "Mahnung", "Mahnung")
"""Zahlungserinnerung, 1. and 2. Mahnung: built by ``vadocs reminders --build``, not by ``build``."""

ALL = (AUFTRAGSBESTAETIGUNG, AVV, NDA, RECHNUNG, MAHNUNG)
BY_KEY = {k.key: k for k in ALL}
CONTRACTS = (AUFTRAGSBESTAETIGUNG, AVV, NDA)


def contracts_for(datei: Kundendatei) -> list[DocumentKind]:
    """The contract documents an engagement needs, in the order they are sent."""
    kinds = [AUFTRAGSBESTAETIGUNG]
    if datei.datenschutz.personenbezogene_daten and datei.kunde.art == "unternehmen":
        kinds.append(AVV)  # consumers: a data-protection section instead (R-AVV-07)
    if datei.nda.vereinbart:
        kinds.append(NDA)
    return kinds
