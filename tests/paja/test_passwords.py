"""Password rules: minimum length and no very common passwords."""

import pytest

from paja.passwords import MIN_LENGTH, is_guessable

pytestmark = pytest.mark.nodb


@pytest.mark.parametrize(
    "password", ["password123", "qwertyuiop", "1234567890", "salasana123", "aaaaaaaaaaaa"]
)
def test_common_passwords_are_guessable(password: str) -> None:
    assert is_guessable(password)


@pytest.mark.parametrize(
    "password", ["kolme-iloista-kissaa", "Lumi sataa hiljaa 77", "Båt-ö-Åsa-2026!"]
)
def test_strong_passwords_pass(password: str) -> None:
    assert len(password) >= MIN_LENGTH
    assert not is_guessable(password)


def test_the_users_own_name_makes_a_password_guessable() -> None:
    assert not is_guessable("NummiPilvi")
    assert is_guessable("NummiPilvi", ["Pilvi Nummi"])
    assert is_guessable("NummiPilvi", ["pilvi.nummi@example.fi"])
