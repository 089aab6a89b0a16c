"""Rules that span several fields — what a schema alone cannot say.

Each rule yields :class:`Problem` objects located at the field to change.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from vadocs.data.contract_rules import contract_rules
from vadocs.data.invoice_rules import invoice_rules
from vadocs.data.partial import guarded
from vadocs.data.profile_rules import german_postal_code, profile_rules
from vadocs.data.review_rules import review_rules
from vadocs.data.yaml_source import Document
from vadocs.errors import Problem, Severity
from vadocs.i18n import _
from vadocs.model.catalogue import Anbieter
from vadocs.model.client import Kundendatei
from vadocs.model.profile import Geschaeftsprofil
from vadocs.model.types import EU_LAENDER

VAT_PREFIX = {"GR": "EL"}
STALE_AFTER = timedelta(days=365)


__all__ = ["client_rules", "file_rules", "profile_rules"]


def client_rules(
    doc: Document, d: Kundendatei, p: Geschaeftsprofil, katalog: dict[str, Anbieter], today: date
) -> Iterator[Problem]:
    yield from guarded(_identity, doc, d)
    yield from guarded(_reverse_charge, doc, d, p)
    yield from guarded(_dates, doc, d)
    yield from guarded(_pricing, doc, d, p)
    yield from guarded(_privacy, doc, d)
    yield from guarded(_tools, doc, d, katalog, today)
    yield from guarded(invoice_rules, doc, d)
    yield from guarded(contract_rules, doc, d, p)
    yield from guarded(review_rules, doc, d, p, katalog, today)


def file_rules(doc: Document) -> Iterator[Problem]:
    """Rules on the file itself, checked even when its content does not validate."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,62}", doc.file.stem):
        yield Problem(
            doc.file,
            _(
                "the file name is used as the client's short name and must be lower case letters, digits and hyphens"
            ),
            line=1,
            column=1,
            hint=_("rename it, e.g. to {slug_doc_file}.yaml").format(slug_doc_file=_slug(doc.file)),
        )


def _identity(doc: Document, d: Kundendatei) -> Iterator[Problem]:
    k = d.kunde
    yield from file_rules(doc)
    if k.art == "verbraucher" and k.kaufmann:
        yield doc.problem(
            ("kunde", "kaufmann"),
            _("a consumer cannot be a merchant"),
            _("remove kaufmann: or set art: unternehmen"),
        )
    land = k.anschrift.land
    if k.art == "unternehmen" and land != "DE" and land in EU_LAENDER:
        if not k.ust_idnr:
            yield doc.problem(
                ("kunde", "ust_idnr"),
                _(
                    "a business client in {land} needs its VAT ID: invoices use reverse charge only with it"
                ).format(land=land),
                _("ask the client for the USt-IdNr and add ust_idnr:"),
            )
        elif not k.ust_idnr.startswith(VAT_PREFIX.get(land, land)):
            yield doc.problem(
                ("kunde", "ust_idnr"),
                _("the VAT ID does not belong to {land}").format(land=land),
                _("check kunde.anschrift.land and kunde.ust_idnr"),
            )
    yield from german_postal_code(doc, ("kunde", "anschrift"), k.anschrift)


def _reverse_charge(doc: Document, d: Kundendatei, p: Geschaeftsprofil) -> Iterator[Problem]:
    land = d.kunde.anschrift.land
    eu_business = d.kunde.art == "unternehmen" and land != "DE" and land in EU_LAENDER
    if eu_business and not p.kleinunternehmer and not p.ust_idnr:
        yield doc.problem(("kunde", "anschrift", "land"),
            _("a reverse-charge invoice must show your own USt-IdNr too (§ 14a Abs. 1 UStG), "
              "and vadocs.yaml has none"),
            _("apply for a USt-IdNr at the Bundeszentralamt für Steuern and add "
              "ust_idnr: to vadocs.yaml"))  # fmt: skip


def _slug(file: Path) -> str:
    """``Bäckerei Schulz`` → ``baeckerei-schulz`` (umlauts transliterated as in German)."""
    stem = unicodedata.normalize("NFC", file.stem).lower()  # macOS writes "a" + "¨"
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        stem = stem.replace(umlaut, plain)
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or "kunde"


def _dates(doc: Document, d: Kundendatei) -> Iterator[Problem]:
    a = d.auftrag
    if a.ende is not None and a.ende <= a.beginn:
        yield doc.problem(
            ("auftrag", "ende"),
            _("the end lies before the start"),
            _("auftrag.ende must come after auftrag.beginn"),
        )
    if a.anfrage.datum > a.datum:
        yield doc.problem(
            ("auftrag", "anfrage", "datum"), _("the request is dated after the order confirmation")
        )
    if (
        d.kunde.art == "verbraucher"
        and a.beginn < a.datum + timedelta(days=14)
        and not a.vorzeitiger_beginn
    ):
        yield doc.problem(
            ("auftrag", "beginn"),
            _("work would start within the 14-day withdrawal period of a consumer"),
            _(
                "start later, or set vorzeitiger_beginn: true once the client has expressly asked for an early start (§ 356 Abs. 4 BGB)"
            ),
        )


def _pricing(doc: Document, d: Kundendatei, p: Geschaeftsprofil) -> Iterator[Problem]:
    v = d.verguetung
    if v.art == "stunden" and v.stundensatz is None and p.stundensatz is None:
        yield doc.problem(
            ("verguetung", "stundensatz"),
            _("no hourly rate"),
            _("set verguetung.stundensatz, or stundensatz in vadocs.yaml"),
        )
    if v.art == "pauschal" and v.pauschale is None:
        yield doc.problem(
            ("verguetung", "pauschale"),
            _("a fixed price needs its amount"),
            _("add pauschale: with the monthly net price"),
        )
    if v.art == "pauschal" and v.kontingent_stunden is not None:
        yield doc.problem(
            ("verguetung", "kontingent_stunden"),
            _("an hour contingent only goes with art: stunden"),
        )
    a = d.abrechnung
    if a.e_rechnung == "xrechnung" and not a.kaeuferreferenz:
        yield doc.problem(
            ("abrechnung", "kaeuferreferenz"),
            _("an XRechnung needs the buyer reference (BT-10, rule BR-DE-15)"),
            _("ask the client for its Leitweg-ID or order reference"),
        )
    person = d.kunde.ansprechpartner
    if a.e_rechnung == "xrechnung" and not (person and person.email):
        yield doc.problem(
            ("abrechnung", "e_rechnung"),
            _("an XRechnung needs the client's e-mail address (BT-49, rule PEPPOL-EN16931-R010)"),
            _("add kunde.ansprechpartner.email"),
        )
    if a.e_rechnung == "xrechnung" and not p.kontakt.telefon:
        yield doc.problem(
            ("abrechnung", "e_rechnung"),
            _("an XRechnung needs your telephone number (rule BR-DE-6)"),
            _("add kontakt.telefon to vadocs.yaml"),
        )
    if v.umsatzsteuersatz is not None and p.kleinunternehmer:
        yield doc.problem(
            ("verguetung", "umsatzsteuersatz"),
            _("as a Kleinunternehmerin you charge no VAT"),
            _("remove this key"),
        )


def _privacy(doc: Document, d: Kundendatei) -> Iterator[Problem]:
    ds = d.datenschutz
    if not ds.personenbezogene_daten or d.kunde.art == "verbraucher":
        return  # consumers get no AVV (review_rules.avv_needed)
    for key in (
        "gegenstand",
        "verarbeitungen",
        "zwecke",
        "datenarten",
        "betroffene",
        "weisungsberechtigte",
    ):
        if not getattr(ds, key):
            yield doc.problem(
                ("datenschutz", key),
                _("the data-processing agreement (AVV, Art. 28 Abs. 3 DSGVO) needs this"),
                _("fill in datenschutz.{key}").format(key=key),
            )


def _tools(
    doc: Document, d: Kundendatei, katalog: dict[str, Anbieter], today: date
) -> Iterator[Problem]:
    for i, w in enumerate(d.auftrag.werkzeuge):
        path = ("auftrag", "werkzeuge", i, "name")
        entry = katalog.get(w.name)
        if entry is None:
            if w.konto == "assistenz":
                yield doc.problem(path,
                    _("'{name}' is not in the sub-processor catalogue").format(name=w.name),
                    _("use one of: {names}; or add it to unterauftragsverarbeiter.yaml beside "
                      "vadocs.yaml").format(names=", ".join(sorted(katalog))))  # fmt: skip
            continue
        if entry.eingestellt:
            yield _warn(
                doc.problem(
                    path,
                    _("{name} was discontinued on {eingestellt:%d.%m.%Y}").format(
                        name=entry.name, eingestellt=entry.eingestellt
                    ),
                    entry.hinweis or _("replace it with a current tool"),
                )
            )
        elif (
            w.konto == "assistenz"
            and entry.zuletzt_geprueft is not None
            and today - entry.zuletzt_geprueft > STALE_AFTER
        ):
            yield _warn(
                doc.problem(
                    path,
                    _(
                        "the catalogue entry for {name} was last verified on {zuletzt_geprueft:%d.%m.%Y}"
                    ).format(name=entry.name, zuletzt_geprueft=entry.zuletzt_geprueft),
                    _("check the vendor's DPA and update zuletzt_geprueft"),
                )
            )


def _warn(problem: Problem) -> Problem:
    return Problem(
        problem.file,
        problem.message,
        problem.path,
        problem.line,
        problem.column,
        problem.hint,
        Severity.WARNING,
        problem.rule,
    )
