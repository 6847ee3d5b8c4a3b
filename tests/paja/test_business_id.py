"""The Finnish business ID (Y-tunnus) check digit."""

import pytest

from paja.business_id import is_valid_business_id, normalise_business_id

pytestmark = pytest.mark.nodb


@pytest.mark.parametrize(
    "value", ["0112038-9", "2296962-1", "1567535-0", " 0112038-9 ", "112038-9"]
)
def test_valid_business_ids_are_accepted(value: str) -> None:
    assert is_valid_business_id(value)


@pytest.mark.parametrize(
    "value",
    [
        "0112038-8",  # wrong check digit
        "0112038-0",
        "01120389",  # hyphen missing
        "0112038_9",
        "A112038-9",
        "01120381-9",  # eight digits
        "",
        "1583848-0",  # remainder 1: no check digit is valid for these digits
        "1583848-1",
    ],
)
def test_invalid_business_ids_are_refused(value: str) -> None:
    assert not is_valid_business_id(value)


def test_old_six_digit_form_is_padded() -> None:
    assert normalise_business_id("112038-9") == "0112038-9"
    assert normalise_business_id(" 0112038-9") == "0112038-9"
