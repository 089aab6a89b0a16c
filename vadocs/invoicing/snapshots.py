"""Invoices as stored in the ledger (JSON snapshots) and back, and their mirror image."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal
from typing import Any

from vadocs.documents.context import Engagement
from vadocs.invoicing.invoice import Abzug, Rechnung, Zeile, Zeitzeile
from vadocs.invoicing.ledger import Issued, sha256
from vadocs.invoicing.tax import Steuer, Steuerfall


def from_snapshot(data: dict[str, Any]) -> Rechnung:
    """Rebuild the invoice object that was issued, exactly as it was."""
    steuer = data["steuer"]
    return Rechnung(
        art=data["art"],
        zeitraum=data["zeitraum"],
        datum=_d(data["datum"]),
        leistung_von=_d(data["leistung_von"]),
        leistung_bis=_d(data["leistung_bis"]),
        faellig=_d(data["faellig"]),
        steuer=Steuer(Steuerfall(steuer["fall"]), Decimal(steuer["satz"])),
        zeilen=tuple(
            Zeile(
                z["pos"],
                z["beschreibung"],
                Decimal(z["menge"]),
                z["einheit"],
                Decimal(z["einzelpreis"]),
                Decimal(z["netto"]),
            )
            for z in data["zeilen"]
        ),
        zeiten=tuple(
            Zeitzeile(_d(z["datum"]), z["taetigkeit"], z["minuten"], z["abgerechnet_minuten"])
            for z in data["zeiten"]
        ),
        abzuege=tuple(
            Abzug(a["bezeichnung"], Decimal(a["netto"]), Decimal(a["ust"])) for a in data["abzuege"]
        ),
        nummer=data["nummer"],
        bezug_nummer=data["bezug_nummer"],
        bezug_datum=_d(data["bezug_datum"]) if data["bezug_datum"] else None,
        hinweise=tuple(data["hinweise"]),
    )


def _d(text: str) -> date:
    return date.fromisoformat(text)


def mirrored(original: Rechnung, number: str, on: date, reason: str) -> Rechnung:
    """The cancellation invoice: every amount negated, referring to the original.

    One sign convention in PDF and XML (review point R-RE-06): the quantity is negated and
    the unit price stays positive, as EN 16931 requires for the XML (BR-27: the item net
    price is never negative)."""
    return dataclasses.replace(
        original,
        art="storno",
        nummer=number,
        datum=on,
        faellig=on,
        zeilen=tuple(
            dataclasses.replace(z, menge=-z.menge, netto=-z.netto) for z in original.zeilen
        ),
        abzuege=tuple(dataclasses.replace(a, netto=-a.netto, ust=-a.ust) for a in original.abzuege),
        zeiten=(),
        bezug_nummer=original.nummer,
        bezug_datum=original.datum,
        hinweise=(reason,),
    )


def snapshot(r: Rechnung) -> dict[str, Any]:
    """What makes an invoice this invoice: kind, dates, lines, time log, tax, totals."""
    return json.loads(json.dumps(dataclasses.asdict(r), default=str, sort_keys=True))  # type: ignore[no-any-return]


def data_hash(r: Rechnung) -> str:
    """SHA-256 of the snapshot without number and advance labels: equal data, equal hash."""
    plain = dataclasses.replace(
        r, nummer="", abzuege=tuple(dataclasses.replace(a, bezeichnung="") for a in r.abzuege)
    )
    return sha256(json.dumps(snapshot(plain), sort_keys=True).encode())


def issued_record(e: Engagement, r: Rechnung, issued_at: str) -> Issued:
    """The ledger row of a newly issued invoice ``r`` of client ``e`` (``issued_at``: UTC)."""
    return Issued(
        number=r.nummer,
        client=e.kuerzel,
        kind=r.art,
        period=r.zeitraum,
        issued_on=r.datum,
        status="issued",
        data_hash=data_hash(r),
        net=r.netto,
        vat=r.ust,
        gross=r.brutto,
        vat_by_rate={str(g.satz): str(g.ust) for g in r.steuergruppen},
        cancels=None,
        reason=None,
        issued_at=issued_at,
        snapshot={
            **snapshot(r),
            "kunde": {
                "name": e.datei.kunde.name,
                "ust_idnr": e.datei.kunde.ust_idnr,
                "land": e.datei.kunde.anschrift.land,
                "art": e.datei.kunde.art,
            },
        },
    )
