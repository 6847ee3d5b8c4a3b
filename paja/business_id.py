"""The Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit."""

from __future__ import annotations

import re
from typing import Literal

_FORMAT = re.compile(r"^([0-9]{6,7})-([0-9])$")  # ASCII digits only: \d takes any script's
_WITHOUT_HYPHEN = re.compile(r"^[0-9]{8}$")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_SPACES = re.compile(r"\s+")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)

Problem = Literal["format", "check digit"]


def normalise_business_id(value: str) -> str:
    """The usual spelling: no spaces, a plain hyphen, no VAT prefix, seven digits."""
    value = _SPACES.sub("", value).translate(_DASHES)
    if value[:2].upper() == "FI" and _WITHOUT_HYPHEN.match(value[2:]):
        value = value[2:]  # the VAT number FI12345678
    if _WITHOUT_HYPHEN.match(value):
        value = f"{value[:7]}-{value[7]}"
    match = _FORMAT.match(value)
    if match and len(match.group(1)) == 6:
        return f"0{match.group(1)}-{match.group(2)}"
    return value


def check_digit(digits: str) -> int | None:
    """The check digit for seven digits, or None when no valid one exists (remainder 1)."""
    remainder = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def business_id_problem(value: str) -> Problem | None:
    """What is wrong with a Y-tunnus as typed (after normalising), or None when it is valid."""
    match = _FORMAT.match(normalise_business_id(value))
    if not match:
        return "format"
    if check_digit(match.group(1)) != int(match.group(2)):
        return "check digit"
    return None


def is_valid_business_id(value: str) -> bool:
    """Whether value is a well-formed Y-tunnus with a correct check digit."""
    return business_id_problem(value) is None
