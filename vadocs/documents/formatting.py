"""German formatting of dates, money, percentages and hours (babel, locale de_DE).

These functions are the Jinja filters every template uses.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "de_DE"


def datum_lang(value: date | None) -> str:
    """A date in running text.

    >>> datum_lang(date(2026, 11, 26))
    '26. November 2026'
    >>> datum_lang(date(2027, 3, 1))
    '1. März 2027'
    """
    if value is None:
        return ""
    return format_date(value, format="long", locale=LOCALE)


def datum(value: date | None) -> str:
    """A date in a table, always with a four-digit year.

    >>> datum(date(2026, 11, 26))
    '26.11.2026'
    """
    if value is None:
        return ""
    return format_date(value, format="dd.MM.yyyy", locale=LOCALE)


def euro(value: Decimal | int | None) -> str:
    """Money with a no-break space before the euro sign.

    >>> euro(Decimal("1234.5"))
    '1.234,50\\xa0€'
    >>> euro(Decimal("-0.5"))
    '-0,50\\xa0€'
    """
    if value is None:
        return ""
    return str(format_currency(Decimal(value), "EUR", locale=LOCALE))


def prozent(value: Decimal | int | None) -> str:
    """A tax rate: ``19 %`` with a no-break space, decimals only where needed.

    >>> prozent(Decimal("19"))
    '19\\xa0%'
    >>> prozent(Decimal("5.5"))
    '5,5\\xa0%'
    """
    if value is None:
        return ""
    return f"{format_decimal(Decimal(value), format='#,##0.##', locale=LOCALE)}\xa0%"


def stunden(value: Decimal | int | None) -> str:
    """Hours: ``12,5 Std.``.

    >>> stunden(Decimal("12.50"))
    '12,5\\xa0Std.'
    >>> stunden(Decimal("1"))
    '1\\xa0Std.'
    """
    if value is None:
        return ""
    return f"{zahl(value)}\xa0Std."


def zahl(value: Decimal | int | None) -> str:
    """A quantity: German decimal comma, no trailing zeros.

    >>> zahl(Decimal("1234.50"))
    '1.234,5'
    """
    if value is None:
        return ""
    return str(format_decimal(Decimal(value), format="#,##0.###", locale=LOCALE))


def dauer(minutes: int | None) -> str:
    """Minutes as ``h:mm``.

    >>> dauer(95)
    '1:35'
    """
    if minutes is None:
        return ""
    return f"{minutes // 60}:{minutes % 60:02d}"


FILTERS = {
    "datum_lang": datum_lang,
    "datum": datum,
    "euro": euro,
    "prozent": prozent,
    "stunden": stunden,
    "zahl": zahl,
    "dauer": dauer,
}
