"""Field types with German titles and real validation (python-stdnum for IBAN, BIC, VAT IDs)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, WithJsonSchema
from stdnum import bic as std_bic
from stdnum import iban as std_iban
from stdnum.de import stnr as std_stnr
from stdnum.eu import vat as std_eu_vat
from stdnum.exceptions import InvalidChecksum, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError

from vadocs.i18n import _

Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Zeile = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\n]*$")]

Betrag = Annotated[
    Decimal,
    Field(max_digits=12, decimal_places=2, ge=Decimal("0"), examples=["55.00"]),
]
"""A non-negative amount of money in euro, at most two decimal places."""

PositionsBetrag = Annotated[Decimal, Field(max_digits=12, decimal_places=2, examples=["-50.00"])]
"""An amount that may be negative (a discount line)."""

Menge = Annotated[Decimal, Field(max_digits=10, decimal_places=3, gt=Decimal("0"))]

Plz = Annotated[
    str,
    StringConstraints(min_length=1, max_length=10, pattern=r"^[A-Za-z0-9 -]+$"),
    # Editors read an unquoted 01067 as a number; vadocs reads it as the text 01067.
    WithJsonSchema({"type": ["string", "integer"], "pattern": "^[A-Za-z0-9 -]+$"}),
]

Monat = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$"),
    Field(examples=["2026-12"], description="Kalendermonat als JJJJ-MM"),
]

Dauer = Annotated[
    str,
    StringConstraints(pattern=r"^\d{1,3}:[0-5]\d$"),
    Field(examples=["1:30"], description="Dauer als Stunden:Minuten"),
]

Land = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    Field(examples=["DE"], description="Ländercode nach ISO 3166-1 (zwei Großbuchstaben)"),
]

Email = Annotated[
    str,
    StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254),
    Field(examples=["kontakt@example.de"]),
]

Kuerzel = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]


def _iban_length(compact: str) -> int:
    """The length of an IBAN of ``compact``'s country by the ISO 13616 registry that
    python-stdnum ships (``AT``: 20, ``DE``: 22), or 0 for an unknown country."""
    from stdnum import numdb

    props = numdb.get("iban").info(compact[:2])[0][1]
    spec = str(props.get("bban", ""))
    return 4 + sum(int(n) for n in re.findall(r"\d+", spec)) if spec else 0


def _iban(value: str) -> str:
    """An IBAN checked by python-stdnum (ISO 13616): length and check digits told apart."""
    compact = std_iban.compact(value)
    expected = _iban_length(compact)
    try:
        if expected and len(compact) != expected:
            raise InvalidLength
        return str(std_iban.validate(value))
    except InvalidLength:
        raise ValueError(
            _(
                "the IBAN has {n} characters; an IBAN from {country} has {expected}. "
                "Copy it from your bank statement"
            ).format(n=len(compact), country=compact[:2], expected=expected or "?")
        ) from None
    except InvalidChecksum:
        raise ValueError(
            _("the check digits of the IBAN do not match: probably a typo or swapped digits")
        ) from None
    except StdnumError:
        raise ValueError(
            _("this is not an IBAN; it starts with two letters, e.g. DE02 1203 0000 0000 2020 51")
        ) from None


def _bic(value: str) -> str:
    try:
        return str(std_bic.validate(value))
    except StdnumError:
        raise ValueError(
            _("not a valid BIC: 8 or 11 letters and digits, e.g. BYLADEM1001")
        ) from None


def _eu_vat(value: str) -> str:
    try:
        return str(std_eu_vat.validate(value))
    except InvalidChecksum:
        raise ValueError(
            _("the check digit of the VAT ID does not match: probably a typo or swapped digits")
        ) from None
    except StdnumError:
        raise ValueError(
            _("not a valid VAT ID; a German USt-IdNr looks like DE123456789")
        ) from None


def _de_vat(value: str) -> str:
    compact = _eu_vat(value)
    if not compact.startswith("DE"):
        raise ValueError(_("your own USt-IdNr must be a German one (DE + 9 digits)"))
    return compact


def _stnr(value: str) -> str:
    try:
        std_stnr.validate(value)
    except StdnumError:
        raise ValueError(
            _(
                "not a valid Steuernummer; write it as on your tax office's letter, "
                "e.g. 201/123/45678"
            )
        ) from None
    return value


def _vat_any(value: str) -> str:
    """A client's VAT ID: EU ones are checked; others (e.g. CHE-…) kept as written."""
    compact = re.sub(r"[\s.\-]", "", value).upper()
    if compact[:2].lower() in std_eu_vat.MEMBER_STATES or compact.startswith("EL"):
        return _eu_vat(value)
    return value


Iban = Annotated[str, AfterValidator(_iban), Field(examples=["DE02120300000000202051"])]
Bic = Annotated[str, AfterValidator(_bic), Field(examples=["BYLADEM1001"])]
EigeneUstIdNr = Annotated[str, AfterValidator(_de_vat), Field(examples=["DE136695976"])]
UstIdNr = Annotated[str, AfterValidator(_vat_any), Field(examples=["ATU13585627"])]
Steuernummer = Annotated[str, AfterValidator(_stnr), Field(examples=["201/123/45678"])]

EU_LAENDER = frozenset(c.upper() for c in std_eu_vat.MEMBER_STATES if c != "xi")
"""ISO country codes of the EU member states (Greece as GR)."""


def _int_choice(*choices: int) -> object:
    def check(value: int) -> int:
        if value not in choices:
            first = ", ".join(str(c) for c in choices[:-1])
            raise ValueError(_("must be {first} or {last}").format(first=first, last=choices[-1]))
        return value

    return AfterValidator(check)


Steuersatz = Annotated[
    int,
    _int_choice(19, 7),
    WithJsonSchema({"type": "integer", "enum": [19, 7]}),
]
"""A German VAT rate in percent (YAML text ``19`` is read as the number 19)."""

Takt = Annotated[
    int,
    _int_choice(6, 15, 30, 60),
    WithJsonSchema({"type": "integer", "enum": [6, 15, 30, 60]}),
]
