"""The DATEV format (EXTF), header version 700, category 21 "Buchungsstapel", format version 13.

Source: DATEV eG, "DATEV-Format" Formatbeschreibung on developer.datev.de
(``/datev/platform/de/dtvf``: Einstieg, formate/header, formate/buchungsstapel).
Rules used here, from there:

* one header line (31 fields), one line of column titles (125 for version 13),
  then one line per booking; fields separated by ``;``, every line ends CR LF;
* text fields in double quotes, quotes inside doubled, no control characters;
  numbers without quotes and without thousands separators, decimal comma;
* ``Umsatz`` ``^\\d{1,10}[,]\\d{2}$`` (always positive, the side is field 2 ``S``/``H``
  relative to ``Konto``); ``Belegdatum`` ``TTMM``; ``Belegfeld 1`` up to 36 characters
  of ``[\\w$%\\-/]``; ``Buchungstext`` up to 60 characters; ``Leistungsdatum`` ``TTMMJJJJ``;
* the file is Windows-1252 (ANSI) encoded and named ``EXTF_….csv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

HEADER_VERSION = 700
CATEGORY = 21
FORMAT_NAME = "Buchungsstapel"
FORMAT_VERSION = 13

_COLUMNS = [
    "Umsatz (ohne Soll/Haben-Kz)",
    "Soll/Haben-Kennzeichen",
    "WKZ Umsatz",
    "Kurs",
    "Basis-Umsatz",
    "WKZ Basis-Umsatz",
    "Konto",
    "Gegenkonto (ohne BU-Schlüssel)",
    "BU-Schlüssel",
    "Belegdatum",
    "Belegfeld 1",
    "Belegfeld 2",
    "Skonto",
    "Buchungstext",
    "Postensperre",
    "Diverse Adressnummer",
    "Geschäftspartnerbank",
    "Sachverhalt",
    "Zinssperre",
    "Beleglink",
]
for _i in range(1, 9):
    _COLUMNS += [f"Beleginfo - Art {_i}", f"Beleginfo - Inhalt {_i}"]
_COLUMNS += [
    "KOST1 - Kostenstelle",
    "KOST2 - Kostenstelle",
    "Kost-Menge",
    "EU-Land u. UStID (Bestimmung)",
    "EU-Steuersatz (Bestimmung)",
    "Abw. Versteuerungsart",
    "Sachverhalt L+L",
    "Funktionsergänzung L+L",
    "BU 49 Hauptfunktionstyp",
    "BU 49 Hauptfunktionsnummer",
    "BU 49 Funktionsergänzung",
]
for _i in range(1, 21):
    _COLUMNS += [f"Zusatzinformation - Art {_i}", f"Zusatzinformation- Inhalt {_i}"]
_COLUMNS += [
    "Stück",
    "Gewicht",
    "Zahlweise",
    "Forderungsart",
    "Veranlagungsjahr",
    "Zugeordnete Fälligkeit",
    "Skontotyp",
    "Auftragsnummer",
    "Buchungstyp",
    "USt-Schlüssel (Anzahlungen)",
    "EU-Land (Anzahlungen)",
    "Sachverhalt L+L (Anzahlungen)",
    "EU-Steuersatz (Anzahlungen)",
    "Erlöskonto (Anzahlungen)",
    "Herkunft-Kz",
    "Buchungs GUID",
    "KOST-Datum",
    "SEPA-Mandatsreferenz",
    "Skontosperre",
    "Gesellschaftername",
    "Beteiligtennummer",
    "Identifikationsnummer",
    "Zeichnernummer",
    "Postensperre bis",
    "Bezeichnung SoBil-Sachverhalt",
    "Kennzeichen SoBil-Buchung",
    "Festschreibung",
    "Leistungsdatum",
    "Datum Zuord. Steuerperiode",
    "Fälligkeit",
    "Generalumkehr (GU)",
    "Steuersatz",
    "Land",
    "Abrechnungsreferenz",
    "BVV-Position",
    "EU-Land u. UStID (Ursprung)",
    "EU-Steuersatz (Ursprung)",
    "Abw. Skontokonto",
]
COLUMNS: tuple[str, ...] = tuple(_COLUMNS)
"""The 125 column titles of format version 13, in order (field n is ``COLUMNS[n - 1]``)."""

#: 1-based numbers of the text-typed booking fields (quoted even when empty).
TEXT_FIELDS = frozenset(
    {2, 3, 6, 9, 11, 12, 14, 16, 20, 37, 38, 40, 42, 91, 95, 96, 98, 102, 103, 105, 107,
     109, 110, 112, 118, 120, 121, 123}
    | set(range(21, 37)) | set(range(48, 88))
)  # fmt: skip
_HEADER_TEXT = frozenset({1, 4, 8, 9, 10, 17, 18, 22, 24, 27, 30, 31})
_BELEGFELD = re.compile(r"[^\w$%\-/]")


@dataclass(frozen=True)
class Header:
    berater: int
    mandant: int
    fiscal_year_start: date
    account_length: int
    date_from: date
    date_to: date
    label: str
    chart: str
    """``"03"`` or ``"04"`` (SKR03 / SKR04)."""
    created: datetime


def header_line(h: Header) -> str:
    """The 31 header fields (DATEV ``formate/header``), joined and quoted."""
    values: list[object] = [
        "EXTF", HEADER_VERSION, CATEGORY, FORMAT_NAME, FORMAT_VERSION,
        h.created.strftime("%Y%m%d%H%M%S") + f"{h.created.microsecond // 1000:03d}",
        None, "VA", "vadocs", "", h.berater, h.mandant,
        h.fiscal_year_start.strftime("%Y%m%d"), h.account_length,
        h.date_from.strftime("%Y%m%d"), h.date_to.strftime("%Y%m%d"), h.label[:30], "",
        1, 0, 0, "EUR", None, "", None, None, h.chart, None, None, "", "",
    ]  # fmt: skip
    return ";".join(_field(v, i in _HEADER_TEXT) for i, v in enumerate(values, start=1))


def amount(value: Decimal) -> str:
    """``Umsatz``: positive, two decimals, decimal comma, no thousands separator.

    >>> amount(Decimal("1234.5"))
    '1234,50'
    """
    return f"{abs(value):.2f}".replace(".", ",")


def ddmm(day: date) -> str:
    """``Belegdatum``: day and month only (the year comes from the header).

    >>> ddmm(date(2026, 3, 1))
    '0103'
    """
    return day.strftime("%d%m")


def belegfeld(text: str, limit: int = 36) -> str:
    """A Belegfeld keeps letters, digits and ``$ % - /``; anything else becomes ``-``.

    >>> belegfeld("RE 2026/7")
    'RE-2026/7'
    """
    return _BELEGFELD.sub("-", text)[:limit]


def cp1252_text(text: str, limit: int) -> str:
    """Text DATEV can store: no control characters, Windows-1252 only (else ``?``)."""
    clean = " ".join(text.split())[:limit]
    return clean.encode("cp1252", errors="replace").decode("cp1252")


def _field(value: object, text: bool) -> str:
    if value is None:
        return '""' if text else ""
    if text:
        return '"' + str(value).replace('"', '""') + '"'
    return str(value)


def booking_line(fields: dict[int, object]) -> str:
    """One booking: ``fields`` maps 1-based field numbers to values; the rest stay empty."""
    return ";".join(_field(fields.get(i), i in TEXT_FIELDS) for i in range(1, len(COLUMNS) + 1))


def document(header: Header, lines: list[dict[int, object]]) -> bytes:
    """The whole file, CR LF line ends, Windows-1252."""
    text = "\r\n".join([header_line(header), ";".join(COLUMNS), *map(booking_line, lines)])
    return (text + "\r\n").encode("cp1252")
