"""Units of invoice items → UN/ECE Recommendation 20 codes (BT-130, EN 16931-1).

German and English spellings people write in ``einheit:`` (case and a trailing dot ignored).
A unit without a code is written as ``C62`` ("one") and its text is kept in the item name
(BT-153), so the PDF and the XML say the same; the data stage warns about it.
"""

from __future__ import annotations

_CODES: dict[str, tuple[str, ...]] = {
    # Rec. 20 code: spellings (casefolded, without a trailing dot)
    "SEC": ("sekunde", "sekunden", "sek", "s", "second", "seconds", "sec"),
    "MIN": ("minute", "minuten", "min", "minutes", "arbeitsminuten"),
    "HUR": (
        "stunde",
        "stunden",
        "std",
        "h",
        "hour",
        "hours",
        "hr",
        "hrs",
        "arbeitsstunde",
        "arbeitsstunden",
        "hur",
    ),
    "DAY": ("tag", "tage", "d", "day", "days", "arbeitstag", "arbeitstage"),
    "WEE": ("woche", "wochen", "week", "weeks"),
    "MON": ("monat", "monate", "mon", "month", "months"),
    "ANN": ("jahr", "jahre", "year", "years"),
    "KMT": ("km", "kilometer", "kilometre", "kilometres"),
    "MTR": ("m", "meter", "metre", "metres"),
    "H87": ("stück", "stk", "stck", "piece", "pieces", "pcs", "pc"),
    "C62": ("einheit", "einheiten", "unit", "units", "mal", "x"),
    "LS": ("pauschal", "pauschale", "psch", "pausch", "lump sum", "flat", "flat rate"),
    "SET": ("satz", "set", "sets"),
    "KGM": ("kg", "kilogramm", "kilogram"),
    "GRM": ("g", "gramm", "gram"),
    "LTR": ("l", "liter", "litre"),
    "MTK": ("m²", "m2", "qm", "quadratmeter"),
    "P1": ("%", "prozent", "percent"),
}
UNITS: dict[str, str] = {spelling: code for code, names in _CODES.items() for spelling in names}
"""Casefolded unit text (no trailing dot) → Rec. 20 code."""
FALLBACK = "C62"


def unit_code(einheit: str) -> str | None:
    """The Rec. 20 code of a unit text, or ``None`` when there is none.

    >>> unit_code("Std."), unit_code("Minuten"), unit_code("km"), unit_code("Seiten")
    ('HUR', 'MIN', 'KMT', None)
    """
    return UNITS.get(einheit.strip().casefold().rstrip(".").strip())


def item_name(beschreibung: str, einheit: str) -> str:
    """BT-153 for an item: its description, plus the unit text when the unit has no code
    (an item without a unit, such as a deducted advance, keeps its description).

    >>> item_name("Korrektorat", "Seiten"), item_name("Fahrt", "km")
    ('Korrektorat (Einheit: Seiten)', 'Fahrt')
    """
    if not einheit.strip() or unit_code(einheit):
        return beschreibung
    return f"{beschreibung} (Einheit: {einheit.strip()})"
