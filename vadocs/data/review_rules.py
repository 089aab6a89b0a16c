"""Rules from the legal review of November 2026 (checklist IDs R-… in docs/recht.md).

Each rule refuses (error) or warns about data that would make a document state something
untrue or legally wrong; the hint says what to change. Sources are named per rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from vadocs.data.partial import guarded
from vadocs.data.yaml_source import Document
from vadocs.errors import Problem, Severity
from vadocs.i18n import _
from vadocs.invoicing.tax import REMINDERS, Steuerfall
from vadocs.model.catalogue import Anbieter
from vadocs.model.client import Kundendatei
from vadocs.model.profile import Geschaeftsprofil
from vadocs.model.types import EU_LAENDER

CHECKLIST = "docs/recht.md"


def review_rules(
    doc: Document, d: Kundendatei, p: Geschaeftsprofil, katalog: dict[str, Anbieter], today: date
) -> Iterator[Problem]:
    """Every review rule for one client file; problems are located in that file."""
    yield from guarded(_secrecy, doc, d)
    yield from guarded(_privacy, doc, d, p)
    yield from guarded(_consumer, doc, d, p)
    yield from guarded(_merchant, doc, d)
    yield from guarded(_tax, doc, d, p, today)
    if avv_needed(d):
        yield from guarded(_own_services, doc, p, katalog)
    yield from guarded(_tool_accounts, doc, d, katalog)


def avv_needed(d: Kundendatei) -> bool:
    """An Art. 28 AVV is built for business clients whose personal data she processes.

    Consumers get a data-protection section in the order confirmation instead: a private
    household's own processing is outside the DSGVO (Art. 2 Abs. 2 Buchst. c, ErwG 18)."""
    return d.datenschutz.personenbezogene_daten and d.kunde.art == "unternehmen"


def warning(problem: Problem) -> Problem:
    """The same problem at warning level."""
    return Problem(problem.file, problem.message, problem.path, problem.line, problem.column,
                   problem.hint, Severity.WARNING, problem.rule)  # fmt: skip


def _secrecy(doc: Document, d: Kundendatei) -> Iterator[Problem]:
    if d.kunde.berufsgeheimnis != "keins" and not d.nda.vereinbart:
        # The contract in text form the profession's own law asks for; § 203 Abs. 4 Satz 2
        # Nr. 1 StGB for every profession bound by secrecy (doctors included).
        law = {
            "steuerberater": "§ 62a Abs. 3 StBerG",
            "rechtsanwalt": "§ 43e Abs. 3 BRAO",
        }.get(d.kunde.berufsgeheimnis, "§ 203 Abs. 4 Satz 2 Nr. 1 StGB")
        where = ("nda", "vereinbart") if "nda" in d.model_fields_set else ("kunde",)
        yield doc.problem(
            (*where, "berufsgeheimnis") if where == ("kunde",) else where,
            _(
                "a client bound by professional secrecy (§ 203 StGB) needs the NDA: it is the contract in text form that {law} requires (R-AVV-09)"
            ).format(law=law),
            _("add an nda: block with vereinbart: true ({CHECKLIST}, R-AVV-09)").format(
                CHECKLIST=CHECKLIST
            ),
            rule="R-AVV-09",
        )


def _privacy(doc: Document, d: Kundendatei, p: Geschaeftsprofil) -> Iterator[Problem]:
    ds = d.datenschutz
    if not avv_needed(d):
        return
    by_mail = any(re.search(r"e-?mail", w, re.IGNORECASE) for w in ds.weisungswege)
    if by_mail and ds.weisungsberechtigte and not any(w.email for w in ds.weisungsberechtigte):
        yield doc.problem(
            ("datenschutz", "weisungsberechtigte"),
            _(
                "instructions are to come by e-mail, but no authorised person has an e-mail address (Art. 28 Abs. 3 Buchst. a DSGVO: documented instructions; R-AVV-10)"
            ),
            _(
                "add email: to a person under datenschutz.weisungsberechtigte, or name another channel in datenschutz.weisungswege ({CHECKLIST}, R-AVV-10)"
            ).format(CHECKLIST=CHECKLIST),
            rule="R-AVV-10",
        )
    if p.tom is None:
        yield doc.problem(
            ("datenschutz", "personenbezogene_daten"),
            _(
                "the AVV's Anlage 3 prints the security measures you confirm, and vadocs.yaml confirms none (Art. 32 DSGVO; R-AVV-06)"
            ),
            _(
                "add tom: to vadocs.yaml and set true what you really do ({CHECKLIST}, R-AVV-06)"
            ).format(CHECKLIST=CHECKLIST),
            rule="R-AVV-06",
        )


def _consumer(doc: Document, d: Kundendatei, p: Geschaeftsprofil) -> Iterator[Problem]:
    if d.kunde.art != "verbraucher":
        return
    ds = d.datenschutz
    if not ds.personenbezogene_daten and not ds.begruendung:
        yield doc.problem(
            ("datenschutz", "personenbezogene_daten"),
            _(
                "a private person's affairs are personal data by nature: 'no personal data' needs a stated reason (R-AVV-08)"
            ),
            _(
                "set personenbezogene_daten: true, or give datenschutz.begruendung ({CHECKLIST}, R-AVV-08)"
            ).format(CHECKLIST=CHECKLIST),
            rule="R-AVV-08",
        )
    if not p.kontakt.telefon:
        yield doc.problem(
            ("kunde", "art"),
            _(
                "a consumer contract must give your telephone number (Art. 246a § 1 Abs. 1 Satz 1 Nr. 3 EGBGB; R-AB-11)"
            ),
            _("add kontakt.telefon to vadocs.yaml ({CHECKLIST}, R-AB-11)").format(
                CHECKLIST=CHECKLIST
            ),
            rule="R-AB-11",
        )
    if "taktung_minuten" in d.verguetung.model_fields_set and d.verguetung.taktung_minuten > 1:
        yield doc.problem(
            ("verguetung", "taktung_minuten"),
            _(
                "rounding each time entry up is invalid in standard terms toward consumers (§ 307 BGB, BGH IX ZR 140/19); consumers are billed to the minute (R-AB-03)"
            ),
            _("remove taktung_minuten ({CHECKLIST}, R-AB-03)").format(CHECKLIST=CHECKLIST),
            rule="R-AB-03",
        )


def _merchant(doc: Document, d: Kundendatei) -> Iterator[Problem]:
    if d.kunde.kaufmann and d.kunde.anschrift.land != "DE":
        yield doc.problem(
            ("kunde", "kaufmann"),
            _(
                "merchant status under the HGB is German law; a venue with a client in Austria "
                "or Switzerland rests on Art. 25 Brüssel Ia / Art. 23 LugÜ instead (R-AB-04)"
            ),
            _("remove kaufmann: ({CHECKLIST}, R-AB-04)").format(CHECKLIST=CHECKLIST),
            rule="R-AB-04",
        )


def _tax(doc: Document, d: Kundendatei, p: Geschaeftsprofil, today: date) -> Iterator[Problem]:
    land = d.kunde.anschrift.land
    eu_business = d.kunde.art == "unternehmen" and land != "DE" and land in EU_LAENDER
    if eu_business and p.kleinunternehmer and not p.ust_idnr:
        yield doc.problem(
            ("kunde", "anschrift", "land"),
            _(
                "for a business client in another EU state the place of supply is abroad (§ 3a Abs. 2 UStG): the invoice needs the reverse-charge wording and your USt-IdNr, even as a Kleinunternehmerin (§ 14a Abs. 1 UStG; R-RE-03)"
            ),
            _(
                "apply for a USt-IdNr at the Bundeszentralamt für Steuern and add ust_idnr: "
                "to vadocs.yaml ({CHECKLIST}, R-RE-03)"
            ).format(CHECKLIST=CHECKLIST),
            rule="R-RE-03",
        )
    if eu_business:  # every engagement invoices: listed or derived (issue 19)
        yield warning(doc.problem(
            ("rechnungen",) if d.rechnungen else ("kunde", "anschrift", "land"),
            _(
                "reverse-charge invoices to an EU business (§ 3a Abs. 2 UStG, Art. 196 "
                "MwStSystRL): {reminder}"
            ).format(reminder=_(REMINDERS[Steuerfall.REVERSE_CHARGE])),
            _("the Zusammenfassende Meldung is filed online at ELSTER ({CHECKLIST}, R-RE-02)").format(CHECKLIST=CHECKLIST),
            rule="R-RE-02",
        ))  # fmt: skip
    if (d.verguetung.umsatzsteuersatz or p.umsatzsteuersatz) == 7 and not p.kleinunternehmer:
        yield warning(doc.problem(
            ("verguetung", "umsatzsteuersatz"),
            _("7 % VAT is rarely right for office services: the reduced rate covers only the items of § 12 Abs. 2 UStG (R-RE-07)"),
            _("check with your tax adviser; use 19 otherwise ({CHECKLIST}, R-RE-07)").format(CHECKLIST=CHECKLIST),
            rule="R-RE-07",
        ))  # fmt: skip
    for i, r in enumerate(d.rechnungen):
        if r.datum is not None and r.datum > today:
            # a warning for now: month-end invoices are still issued ahead (docs/recht.md)
            yield warning(doc.problem(
                ("rechnungen", i, "datum"),
                _("the invoice date {datum:%d.%m.%Y} lies in the future: an invoice is dated the day it is issued (§ 14 Abs. 4 Nr. 3 UStG; R-RE-01)").format(datum=r.datum),
                _("issue it on that day, or set the day of issue ({CHECKLIST}, R-RE-01)").format(CHECKLIST=CHECKLIST),
                rule="R-RE-01",
            ))  # fmt: skip


def _own_services(
    doc: Document, p: Geschaeftsprofil, katalog: dict[str, Anbieter]
) -> Iterator[Problem]:
    where = ("datenschutz", "personenbezogene_daten")
    if not p.eigene_dienste:
        yield doc.problem(
            where,
            _(
                "every AVV lists your own providers as sub-processors (mailbox host, cloud storage, backup, telephone/voicemail), and vadocs.yaml names none (R-AVV-04)"
            ),
            _(
                "add eigene_dienste: to vadocs.yaml, e.g. - {{name: ionos, zweck: E-Mail-Postfach}} ({CHECKLIST}, R-AVV-04)"
            ).format(CHECKLIST=CHECKLIST),
            rule="R-AVV-04",
        )
    for own in p.eigene_dienste:
        entry = katalog.get(own.name)
        if entry is None:
            yield doc.problem(
                where,
                _(
                    "vadocs.yaml: eigene_dienste names '{name}', which is not in the sub-processor catalogue (R-AVV-04)"
                ).format(name=own.name),
                _(
                    "use a catalogue key, or add the vendor to unterauftragsverarbeiter.yaml beside vadocs.yaml ({CHECKLIST}, R-AVV-04)"
                ).format(CHECKLIST=CHECKLIST),
                rule="R-AVV-04",
            )
        elif entry.nur_geschaeftskonto and own.kontotyp == "privat":
            yield doc.problem(where, *_personal_account(entry), rule="R-AVV-03")
        elif entry.ungeprueft:
            yield warning(doc.problem(where, *_unverified(entry), rule="R-AVV-01"))


def _tool_accounts(
    doc: Document, d: Kundendatei, katalog: dict[str, Anbieter]
) -> Iterator[Problem]:
    for i, w in enumerate(d.auftrag.werkzeuge):
        path = ("auftrag", "werkzeuge", i)
        entry = katalog.get(w.name)
        if entry is None:
            if w.konto == "kunde" and not w.anzeigename:
                yield doc.problem(
                    (*path, "name"),
                    _("'{name}' is not in the catalogue and would be printed as a raw key").format(
                        name=w.name
                    ),
                    _("add anzeigename: with the tool's name as it should be printed"),
                )
            elif w.konto == "kunde":
                yield warning(doc.problem(
                    (*path, "name"),
                    _("'{name}' is not in the catalogue; it is printed as '{anzeigename}' among the client's own services").format(name=w.name, anzeigename=w.anzeigename),
                    _("check the spelling of the key, or leave it as it is"),
                ))  # fmt: skip
            continue
        if w.konto != "assistenz" or entry.eingestellt:
            continue
        if entry.nur_geschaeftskonto and w.kontotyp == "privat":
            yield doc.problem((*path, "kontotyp"), *_personal_account(entry), rule="R-AVV-03")
        elif entry.ungeprueft and avv_needed(d):
            yield warning(doc.problem((*path, "name"), *_unverified(entry), rule="R-AVV-01"))


def _personal_account(entry: Anbieter) -> tuple[str, str]:
    return (
        _(
            "{name} offers a data-processing agreement only for business accounts, "
            "so a free or personal account cannot be a sub-processor (Art. 28 Abs. 4 DSGVO; "
            "R-AVV-03)"
        ).format(name=entry.name),
        _(
            "use a business account (kontotyp: geschaeftlich) or another tool ({CHECKLIST}, R-AVV-03)"
        ).format(CHECKLIST=CHECKLIST),
    )


def _unverified(entry: Anbieter) -> tuple[str, str]:
    return (
        _(
            "the catalogue facts for {name} ({vendor}) are not verified; the AVV "
            "prints them as unverified (Art. 28 Abs. 1 DSGVO; R-AVV-01)"
        ).format(name=entry.name, vendor=entry.anbieter),
        _(
            "check them against the vendor's terms and record them in "
            "unterauftragsverarbeiter.yaml with ungeprueft: false, zuletzt_geprueft and "
            "quelle ({checklist}, R-AVV-01)"
        ).format(checklist=CHECKLIST),
    )
