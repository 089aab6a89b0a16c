"""The five field reports of issue 12, with the amounts that are right (recomputed here)."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest

from tests.timesheets.conftest import Client
from vadocs.errors import ProblemsError, Severity

CENT = Decimal("0.01")
RATE, VAT = Decimal("55.00"), Decimal("0.19")

KIMAI = """\
"Date","From","To","Duration","Rate","User","Customer","Project","Activity","Description"
"2026-12-03","14:00","14:15","900","13.75","anna","Beispiel Bürodienste GmbH","Büro","Termine","Rückruf Kunde"
"2026-12-08","08:00","08:10","600","9.17","anna","Beispiel Bürodienste GmbH","Büro","Termine","Termin verschoben"
"""


def billed_hours(minutes: list[int], step: int = 15) -> Decimal:
    return sum((Decimal(-(-m // step) * step) / 60 for m in minutes), Decimal(0))


def test_1_kimai_seconds_are_seconds(client: Client) -> None:
    client.export("kimai-dezember.csv", KIMAI)
    loaded = client.load("kimai-dezember.csv")
    invoice = client.invoice(loaded)
    hours = billed_hours([15, 10])  # 900 s and 600 s, each rounded up to 15 minutes
    net = (hours * RATE).quantize(CENT, ROUND_HALF_UP)
    assert (hours, net) == (Decimal("0.5"), Decimal("27.50"))
    assert invoice.stunden == hours and invoice.netto == net
    assert invoice.brutto == net + (net * VAT).quantize(CENT, ROUND_HALF_UP)
    assert [z.minuten for z in invoice.zeiten] == [15, 10]
    (report,) = loaded.imports
    assert (report.format, report.read, report.used) == ("Kimai", 2, 2)


def test_1_kimai_long_row_is_read_not_a_crash(client: Client) -> None:
    row = '"2026-12-10","09:00","10:30","5400","82.50","anna","Beispiel Bürodienste GmbH","Büro","Termine","Ablage"\n'
    client.export("kimai-dezember.csv", KIMAI + row)
    invoice = client.invoice(client.load("kimai-dezember.csv"))
    assert [z.minuten for z in invoice.zeiten] == [15, 10, 90]
    assert invoice.netto == (billed_hours([15, 10, 90]) * RATE).quantize(CENT, ROUND_HALF_UP)


CLOCKIFY_HEAD = (
    "Project,Client,Description,Task,User,Billable,Start Date,Start Time,End Date,End Time,"
    "Duration (h),Duration (decimal)\n"
)


def clockify_row(day: str, text: str = "Postfach") -> str:
    return (
        f"Büro,Beispiel Bürodienste GmbH,{text},,Anna,Yes,{day},08:00:00,{day},09:00:00,"
        "01:00:00,1.00\n"
    )


def test_2_ambiguous_slash_dates_are_refused_with_file_and_line(client: Client) -> None:
    rows = "".join(clockify_row(d) for d in ("01/12/2026", "03/12/2026", "10/12/2026"))
    path = client.export("clockify.csv", CLOCKIFY_HEAD + rows)
    with pytest.raises(ProblemsError) as caught:
        client.load("clockify.csv")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (path, 2)
    assert "mehrdeutig" in problem.message and "datumsformat" in problem.hint


def test_2_with_datumsformat_the_december_rows_are_billed(client: Client) -> None:
    rows = "".join(clockify_row(d) for d in ("01/12/2026", "03/12/2026", "10/12/2026"))
    client.export("clockify.csv", CLOCKIFY_HEAD + rows)
    invoice = client.invoice(client.load("{datei: clockify.csv, datumsformat: TT/MM/JJJJ}"))
    assert [z.datum for z in invoice.zeiten] == [date(2026, 12, d) for d in (1, 3, 10)]
    assert invoice.netto == (Decimal(3) * RATE).quantize(CENT, ROUND_HALF_UP)


def test_2_a_years_export_infers_day_first_and_bills_only_december(client: Client) -> None:
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(0, 365, 3)]
    rows = "".join(clockify_row(f"{d:%d/%m/%Y}", f"Arbeit {d}") for d in days)
    client.export("clockify.csv", CLOCKIFY_HEAD + rows)
    loaded = client.load("clockify.csv")
    invoice = client.invoice(loaded)
    december = [d for d in days if d.month == 12]
    assert [z.datum for z in invoice.zeiten] == december  # not 12 March, not 12 July
    assert invoice.netto == (Decimal(len(december)) * RATE).quantize(CENT, ROUND_HALF_UP)
    (report,) = loaded.imports
    assert report.skipped["außerhalb des Zeitraums"] == len(days) - len(december)


def test_3_a_multi_year_export_over_two_megabytes_is_imported(client: Client) -> None:
    clients = [f"Kunde {n}" for n in range(4)] + ["Beispiel Bürodienste GmbH"]
    rng = random.Random(12)
    lines, ours = [], []
    for n in range(11_760):
        day = date(2024, 1, 1) + timedelta(days=n * 1095 // 11_760)
        who = clients[n % 5]
        minutes = rng.randrange(5, 240)
        if who == clients[-1] and day.year == 2026 and day.month == 12:
            ours.append(minutes)
        text = "Ausführliche Beschreibung der erledigten Aufgabe mit Rückfragen " * 2
        lines.append(f'{day},08:00,,{minutes * 60},{who},Büro,Tätigkeit,"{text}"\n')
    content = "Date,From,To,Duration,Customer,Project,Activity,Description\n" + "".join(lines)
    assert len(content.encode()) > 2 * 1024 * 1024  # the YAML limit, which no longer applies
    client.export("alle.csv", content)
    loaded = client.load("alle.csv", "    zeiten_kunde: Beispiel Bürodienste GmbH\n")
    invoice = client.invoice(loaded)
    assert ours and invoice.stunden == billed_hours(ours)
    (report,) = loaded.imports
    assert report.read == 11_760 and report.used == len(ours)
    assert report.skipped["anderer Kunde"] == 11_760 * 4 // 5


def test_4_a_client_filter_matching_nothing_names_the_clients_in_the_file(client: Client) -> None:
    path = client.export("kimai.csv", KIMAI)
    with pytest.raises(ProblemsError) as caught:
        client.load("kimai.csv", "    zeiten_kunde: Beispiel Buerodienste\n")
    (problem,) = caught.value.problems
    assert problem.file == path
    assert "„Beispiel Buerodienste“ passt auf keine Zeile" in problem.message
    assert "„Beispiel Bürodienste GmbH“" in problem.message
    assert problem.hint == "meinten Sie „Beispiel Bürodienste GmbH“?"


def test_5_units_of_items_get_their_un_ece_codes(client: Client) -> None:
    from vadocs.einvoice.cii import cii_xml

    client.export("kimai.csv", KIMAI)
    items = (
        "    positionen:\n"
        "      - {beschreibung: Telefonbereitschaft, menge: 30, einheit: Minuten, einzelpreis: 1.00}\n"
        "      - {beschreibung: Fahrt zur Post, menge: 12, einheit: km, einzelpreis: 0.30}\n"
        "      - {beschreibung: Korrektorat, menge: 4, einheit: Seiten, einzelpreis: 5.00}\n"
    )
    loaded = client.load("kimai.csv", items)
    (warning,) = [w for w in loaded.warnings if "Seiten" in w.message]
    assert warning.severity is Severity.WARNING and warning.line is not None
    invoice = client.invoice(loaded)
    from dataclasses import replace

    xml = cii_xml(loaded.engagement, replace(invoice, nummer="2026-0001"))
    ns = {
        "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    }
    items_xml = ET.fromstring(xml).iter(
        "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}SupplyChainTradeTransaction"
    )
    (transaction,) = list(items_xml)
    found = [
        (
            line.find("ram:SpecifiedTradeProduct/ram:Name", ns).text,  # type: ignore[union-attr]
            line.find("ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", ns).get("unitCode"),  # type: ignore[union-attr]
        )
        for line in transaction.findall("ram:IncludedSupplyChainTradeLineItem", ns)
    ]
    assert found[1:] == [
        ("Telefonbereitschaft", "MIN"),
        ("Fahrt zur Post", "KMT"),
        ("Korrektorat (Einheit: Seiten)", "C62"),
    ]
    assert found[0][1] == "HUR"
