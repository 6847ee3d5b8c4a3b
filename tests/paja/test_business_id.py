"""The Finnish business ID (Y-tunnus) check digit."""

import pytest

from paja.business_id import business_id_problem, is_valid_business_id, normalise_business_id

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
        "011203-89",  # hyphen in the wrong place
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


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("FI20774740", "2077474-0"),  # the VAT number
        ("fi 2077474 0", "2077474-0"),
        ("2077474\u20130", "2077474-0"),  # en dash, as word processors write it
        ("2077474\u22120", "2077474-0"),  # minus sign
        ("20774740", "2077474-0"),  # hyphen missing
        ("2077 474-0", "2077474-0"),
        ("\u00a02077474-0\t", "2077474-0"),  # no-break space and tab
    ],
)
def test_common_spellings_are_normalised_and_accepted(typed: str, stored: str) -> None:
    assert normalise_business_id(typed) == stored
    assert is_valid_business_id(typed)


@pytest.mark.parametrize(
    "value",
    [
        "\u0662\u0660\u0667\u0667\u0664\u0667\u0664-\u0660",  # Arabic-Indic 2077474-0
        "\uff12\uff10\uff17\uff17\uff14\uff17\uff14-\uff10",  # full-width 2077474-0
        "207747\u0664-0",  # one Arabic-Indic digit
    ],
)
def test_digits_of_other_scripts_are_refused_as_format(value: str) -> None:
    assert business_id_problem(value) == "format"
    assert normalise_business_id(value) != "2077474-0"  # never the same as the ASCII one


def test_the_problem_says_format_or_check_digit() -> None:
    assert business_id_problem("2077474-0") is None
    assert business_id_problem("2077474-1") == "check digit"
    assert business_id_problem("1583848-0") == "check digit"  # no digit can be right
    assert business_id_problem("207-74740") == "format"
    assert business_id_problem("FI2077474") == "format"
