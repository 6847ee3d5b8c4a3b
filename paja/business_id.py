"""The Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit."""

from __future__ import annotations

import re

_FORMAT = re.compile(r"^(\d{6,7})-(\d)$")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def normalise_business_id(value: str) -> str:
    """Strip spaces and pad the old six-digit form with a leading zero."""
    value = value.strip().replace(" ", "")
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


def is_valid_business_id(value: str) -> bool:
    """Whether value is a well-formed Y-tunnus with a correct check digit."""
    match = _FORMAT.match(normalise_business_id(value))
    if not match or len(match.group(1)) != 7:
        return False
    return check_digit(match.group(1)) == int(match.group(2))
