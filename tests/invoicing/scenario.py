"""A workspace of four clients that list no months, for the twelve-month scenario tests.

* ``festpreis``: fixed price 900 €, starts 15 January 2027, advance, pro rata by days;
* ``stunden``: hourly 50 €, 15-minute increment, a tracker export (Toggl) for the whole year;
* ``paket``: 20 h contingent at 45 €, extra hours at 55 €, agreed in two months (listed);
* ``kuendigung``: fixed price 400 €, no advance, notice given to 30 September 2027.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from tests.conftest import EXAMPLES

CLIENT = """\
kunde:
  name: {name}
  art: unternehmen
  anschrift: {{strasse: Weg 1, plz: "01067", ort: Dresden}}
auftrag:
  datum: 2027-01-04
  angenommen_am: 2027-01-05
  anfrage: {{datum: 2026-12-15}}
  beginn: {beginn}
{extra_auftrag}  ziele: [Entlastung]
  aufgaben: [Postfach]
  umfang: 10 Stunden im Monat
  zeitrahmen: vormittags
  kommunikation: [E-Mail]
  austausch: monatlich
verguetung: {verguetung}
abrechnung: {abrechnung}
datenschutz: {{personenbezogene_daten: false}}
{rechnungen}"""

PAKET_EXTRA = {"2027-04": 24, "2027-10": 23}
"""Months in which the package client worked (and agreed) more than the 20 h contingent."""


def paket_hours(month: int) -> int:
    """Whole hours the package client's assistant worked in ``month`` of 2027."""
    return PAKET_EXTRA.get(f"2027-{month:02d}", 12 + month % 5)


def stunden_minutes(month: int) -> list[int]:
    """The hourly client's entries of ``month`` (minutes; none in August)."""
    return [] if month == 8 else [50 + month, 95, 7 * month + 3]


def toggl_csv() -> str:
    rows = ["User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
            "End date,End time,Duration,Tags,Amount ()"]  # fmt: skip
    for month in range(1, 13):
        for i, minutes in enumerate(stunden_minutes(month)):
            day = date(2027, month, 3 + 7 * i)
            dur = f"{minutes // 60:02d}:{minutes % 60:02d}:00"
            rows.append(f"A,a@x.de,Stunden KG,,,Postfach,Yes,{day},09:00:00,{day},,{dur},,")
    return "\n".join(rows) + "\n"


def paket_times() -> str:
    lines = ["  zeiten:"]
    for month in range(1, 13):
        lines.append(
            f'    - {{datum: 2027-{month:02d}-10, taetigkeit: Büro, dauer: "{paket_hours(month)}:00"}}'
        )
    return "\n".join(lines) + "\n"


def make_workspace(root: Path) -> Path:
    """A copy of the example profile with the four scenario clients; returns the folder."""
    ws = root / "ws"
    (ws / "kunden").mkdir(parents=True)
    shutil.copy(EXAMPLES / "umsatzsteuer" / "vadocs.yaml", ws / "vadocs.yaml")
    (ws / "kunden" / "toggl-2027.csv").write_text(toggl_csv(), encoding="utf-8")
    clients = {
        "festpreis": ("Festpreis AG", "2027-01-15", "", "{art: pauschal, pauschale: 900.00}",
                      "{vorauszahlung: true, anteilig: tage}", ""),
        "stunden": ("Stunden KG", "2027-01-01", "", "{art: stunden, stundensatz: 50.00}",
                    "{vorauszahlung: false, zeiten_csv: toggl-2027.csv, zeiten_kunde: Stunden KG}", ""),
        "paket": ("Paket GmbH", "2027-01-01", "",
                  "{art: stunden, stundensatz: 45.00, kontingent_stunden: 20, mehrstundensatz: 55.00}",
                  "\n  vorauszahlung: false\n" + paket_times(),
                  "rechnungen:\n" + "".join(f"  - {{art: monat, zeitraum: {m}, mehrstunden_vereinbart: true}}\n" for m in PAKET_EXTRA)),
        "kuendigung": ("Kündigung OHG", "2027-01-01", "  gekuendigt_zum: 2027-09-30\n",
                       "{art: pauschal, pauschale: 400.00}", "{vorauszahlung: false}", ""),
    }  # fmt: skip
    for key, (name, beginn, extra, verguetung, abrechnung, rechnungen) in clients.items():
        text = CLIENT.format(
            name=name,
            beginn=beginn,
            extra_auftrag=extra,
            verguetung=verguetung,
            abrechnung=abrechnung,
            rechnungen=rechnungen,
        )
        (ws / "kunden" / f"{key}.yaml").write_text(text, encoding="utf-8")
    return ws
