"""The values a template sees: the validated model plus everything derived from it.

Templates never compute law or money themselves; they print what is decided here
(and in :mod:`vadocs.invoicing.invoice` / :mod:`vadocs.invoicing.tax`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from babel import Locale

from vadocs.invoicing.invoice import Rechnung, stundensatz
from vadocs.invoicing.money import vat
from vadocs.invoicing.tax import Steuer, steuerfall
from vadocs.model.catalogue import Anbieter
from vadocs.model.client import Kundendatei
from vadocs.model.profile import Geschaeftsprofil

_GERMAN = Locale("de", "DE")

SIE = {"sie": "Sie", "ihnen": "Ihnen", "ihr": "Ihr", "ihre": "Ihre", "ihren": "Ihren",
       "ihrem": "Ihrem", "ihrer": "Ihrer", "ihres": "Ihres"}  # fmt: skip
DU = {"sie": "Du", "ihnen": "Dir", "ihr": "Dein", "ihre": "Deine", "ihren": "Deinen",
      "ihrem": "Deinem", "ihrer": "Deiner", "ihres": "Deines"}  # fmt: skip


@dataclass(frozen=True)
class Unterauftrag:
    """One row of AVV Anlage 4: a tool on the assistant's own account."""

    schluessel: str
    zweck: str
    anbieter: Anbieter
    eigener_dienst: bool = False
    """True for the assistant's own infrastructure (profile ``eigene_dienste``)."""


@dataclass(frozen=True)
class Engagement:
    """Everything loaded and validated for one client: the input of every document."""

    profil: Geschaeftsprofil
    datei: Kundendatei
    kuerzel: str
    katalog: dict[str, Anbieter]

    @property
    def steuer(self) -> Steuer:
        return steuerfall(self.profil, self.datei)

    @property
    def unterauftraege(self) -> list[Unterauftrag]:
        """AVV Anlage 4 Teil A: her own services (every AVV, R-AVV-04), then the tools on
        her own account for this client; unknown keys are refused by the rules first."""
        own = [
            Unterauftrag(d.name, d.zweck, self.katalog[d.name], eigener_dienst=True)
            for d in self.profil.eigene_dienste
            if d.name in self.katalog
        ]
        seen = {u.schluessel for u in own}
        return own + [
            Unterauftrag(w.name, w.zweck or self.katalog[w.name].leistung, self.katalog[w.name])
            for w in self.datei.auftrag.werkzeuge
            if w.konto == "assistenz" and w.name in self.katalog and w.name not in seen
        ]


def land_name(code: str) -> str:
    """German country name: ``AT`` → ``Österreich``."""
    return str(_GERMAN.territories.get(code, code))


def address_lines(name: str, second_line: str | None, anschrift: Any) -> list[str]:
    lines = [name]
    if second_line is not None:
        lines.append(second_line)
    if anschrift.zusatz:
        lines.append(anschrift.zusatz)
    lines += [anschrift.strasse, f"{anschrift.plz} {anschrift.ort}"]
    if anschrift.land != "DE":
        lines.append(land_name(anschrift.land).upper())
    return lines


def recipient_lines(datei: Kundendatei) -> list[str]:
    """The address field: the name the post knows (a trade name stays a trade name here;
    the contracts name the legal party), then the person (``Herrn`` per DIN 5008), the
    person's name printed once when it is the client's name (a consumer)."""
    kunde, person = datei.kunde, datei.kunde.ansprechpartner
    if person is None:
        return address_lines(kunde.name, None, kunde.anschrift)
    anrede = "Herrn" if person.anrede == "Herr" else person.anrede
    named = f"{anrede} {person.voller_name}".strip()
    if person.voller_name == kunde.name:
        return address_lines(named, None, kunde.anschrift)
    return address_lines(kunde.name, named, kunde.anschrift)


def venue(e: Engagement) -> dict[str, str] | None:
    """The agreed court, if one may be agreed: between merchants (§ 38 Abs. 1 ZPO), or with
    a business in Austria (Art. 25 Brüssel Ia) or Switzerland (Art. 23 LugÜ)."""
    p, k = e.profil, e.datei.kunde
    ort = p.gerichtsstand or p.anschrift.ort
    if k.art != "unternehmen":
        return None
    if k.anschrift.land == "AT":
        return {"ort": ort, "grundlage": "Art.\u00a025 Brüssel-Ia-Verordnung", "art": "eu"}
    if k.anschrift.land == "CH":
        return {"ort": ort, "grundlage": "Art.\u00a023 Lugano-Übereinkommen", "art": "ch"}
    if k.anschrift.land == "DE" and k.kaufmann and p.kauffrau:
        return {"ort": ort, "grundlage": "§\u00a038 Abs.\u00a01 ZPO", "art": "hgb"}
    return None


def bundle_names(datei: Kundendatei) -> str:
    """The documents one acceptance covers (R-AB-01), in the accusative:
    ``die Auftragsbestätigung, den Auftragsverarbeitungsvertrag und die …``."""
    names = ["die Auftragsbestätigung"]
    if datei.datenschutz.personenbezogene_daten and datei.kunde.art == "unternehmen":
        names.append("den Auftragsverarbeitungsvertrag")
    if datei.nda.vereinbart:
        names.append("die Verschwiegenheitsvereinbarung")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " und " + names[-1]


def briefanrede(datei: Kundendatei) -> str:
    person = datei.kunde.ansprechpartner
    if person is None or not person.anrede:
        return "Hallo," if datei.kunde.ansprache == "du" else "Sehr geehrte Damen und Herren,"
    if datei.kunde.ansprache == "du":
        first = person.vorname or person.name
        return f"{'Liebe' if person.anrede == 'Frau' else 'Lieber'} {first},"
    title = "Sehr geehrte Frau" if person.anrede == "Frau" else "Sehr geehrter Herr"
    return f"{title} {person.name},"


def base_context(e: Engagement, dokument_titel: str, dokument_datum: date) -> dict[str, Any]:
    """The context shared by all four documents."""
    p, d = e.profil, e.datei
    steuer = e.steuer
    rate = d.verguetung.stundensatz or p.stundensatz or Decimal("0.00")
    return {
        "profil": p,
        "kunde": d.kunde,
        "auftrag": d.auftrag,
        "verguetung": d.verguetung,
        "abrechnung": d.abrechnung,
        "nda": d.nda,
        "datenschutz": d.datenschutz,
        "du": d.kunde.ansprache == "du",
        "a": DU if d.kunde.ansprache == "du" else SIE,
        "verbraucher": d.kunde.art == "verbraucher",
        "kaufmann": d.kunde.art == "unternehmen"
        and d.kunde.kaufmann
        and d.kunde.anschrift.land == "DE",
        "gerichtsstand": venue(e),
        "vertragsdokumente": bundle_names(d),
        "eigene_dienste": [e.katalog[x.name].name for x in p.eigene_dienste if x.name in e.katalog],
        "steuer": steuer,
        "kleinunternehmer": p.kleinunternehmer,
        "stundensatz": rate,
        "stundensatz_brutto": rate + vat(rate, steuer.satz),
        "pauschale_brutto": _gross(d.verguetung.pauschale, steuer.satz),
        "zahlungsziel_tage": (
            p.zahlungsziel_tage
            if d.abrechnung.zahlungsziel_tage is None
            else d.abrechnung.zahlungsziel_tage
        ),
        "unterauftragsverarbeiter": e.unterauftraege,
        "kundenwerkzeuge": [w for w in d.auftrag.werkzeuge if w.konto == "kunde"],
        "eingestellte_werkzeuge": [
            e.katalog[w.name]
            for w in d.auftrag.werkzeuge
            if w.name in e.katalog and e.katalog[w.name].eingestellt
        ],
        "werkzeugnamen": [
            e.katalog[w.name].name if w.name in e.katalog else (w.anzeigename or w.name)
            for w in d.auftrag.werkzeuge
        ],
        "dokument": {
            "titel": dokument_titel,
            "datum": dokument_datum,
            "ort": p.unterschriftsort,
            "kuerzel": e.kuerzel,
        },
        "absender": " · ".join(
            [p.anzeigename, p.anschrift.strasse, f"{p.anschrift.plz} {p.anschrift.ort}"]
        ),
        "absender_zeilen": address_lines(p.anzeigename, p.name if p.firma else None, p.anschrift),
        "empfaenger": recipient_lines(d),
        "briefanrede": briefanrede(d),
        "land_name": land_name(d.kunde.anschrift.land),
        "logo": "",
        "rechnung": None,
        "girocode": "",
    }


def _gross(net: Decimal | None, rate: Decimal) -> Decimal | None:
    return None if net is None else net + vat(net, rate)


def invoice_context(e: Engagement, rechnung: Rechnung) -> dict[str, Any]:
    from vadocs.einvoice.advance import remaining

    ctx = base_context(e, rechnung.titel, rechnung.datum)
    ctx["rechnung"] = rechnung
    # Whether the deducted advance is paid is known only to the ledger: the issuing
    # step fills this in (vadocs.invoicing.issuing); until then the wording claims no payment.
    ctx["vorauszahlung"] = {"bezahlt": False, "nummer": "", "datum": None}
    ctx["verbleibend"] = remaining(rechnung)  # after the advances, as the XML states it
    ctx["stundensatz"] = (
        stundensatz(e.profil, e.datei)
        if e.datei.verguetung.art == "stunden"
        else ctx["stundensatz"]
    )
    return ctx
