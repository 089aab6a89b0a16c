"""An IBAN's length and its check digits are different mistakes with different messages,
for every country of the ISO 13616 registry (python-stdnum's copy)."""

from __future__ import annotations

import pytest

from vadocs.model.types import _iban as check_iban


@pytest.mark.parametrize(
    ("iban", "message"),
    [
        ("AT02 1203 0000 0000 2020 51", "has 22 characters; an IBAN from AT has 20"),
        ("DE02 1203 0000 0000 2020 5", "has 21 characters; an IBAN from DE has 22"),
        ("FR14 2004 1010 0505 0001 3M02 60", "has 26 characters; an IBAN from FR has 27"),
        ("DE02 1203 0000 0000 2020 52", "check digits"),
        ("AT61 1904 3002 3457 3202", "check digits"),
    ],
)
def test_length_and_check_digits_are_told_apart(iban: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_iban(iban)


@pytest.mark.parametrize("iban", ["DE02120300000000202051", "AT611904300234573201"])
def test_a_valid_iban_passes(iban: str) -> None:
    assert check_iban(iban).replace(" ", "") == iban
