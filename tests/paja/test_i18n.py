"""Language choice and locale-aware formatting."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale

from paja.i18n import money, number, period, when
from tests import factories
from tests.conftest import Auth


def test_finnish_is_the_default(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="fi">' in page and "Siirry sisältöön" in page


@pytest.mark.parametrize(
    ("header", "lang", "text"),
    [("sv-FI,sv;q=0.9", "sv", "Hoppa till innehållet"), ("en-GB,en;q=0.8", "en", "Skip to content"),
     ("de-DE,de;q=0.9", "fi", "Siirry sisältöön")],
)  # fmt: skip
def test_accept_language_is_used_when_nothing_was_chosen(
    client: FlaskClient, header: str, lang: str, text: str
) -> None:
    page = client.get("/", headers={"Accept-Language": header}).get_data(as_text=True)
    assert f'<html lang="{lang}">' in page and text in page


def test_switcher_choice_is_remembered_for_visitors(client: FlaskClient) -> None:
    response = client.post("/language", data={"language": "sv", "next": "/auth/login"})
    assert response.headers["Location"] == "/auth/login"
    page = client.get("/auth/login", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="sv">' in page and "Logga in" in page


def test_switcher_refuses_unknown_languages_and_off_site_targets(client: FlaskClient) -> None:
    response = client.post("/language", data={"language": "de", "next": "https://evil.example/"})
    assert response.headers["Location"] == "/"
    assert '<html lang="fi">' in client.get("/").get_data(as_text=True)


def test_switching_while_logged_in_saves_the_profile(client: FlaskClient, auth: Auth) -> None:
    user = auth.login()
    client.post("/language", data={"language": "en", "next": "/"})
    assert user.locale == "en"


def test_the_users_setting_wins_over_the_browser(client: FlaskClient, auth: Auth) -> None:
    auth.login(factories.create_user(locale="sv"))
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="sv">' in page


def test_every_page_has_the_switcher_with_the_current_language_marked(client: FlaskClient) -> None:
    page = client.get("/auth/signup", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'name="language" value="sv" lang="sv"' in page
    assert (
        'value="en" lang="en"\n            class="btn btn-sm btn-dark"\n            aria-current="true"'
        in page
    )


@pytest.mark.parametrize(
    ("locale", "price", "big", "time"),
    [
        ("fi_FI", "500,00\xa0€", "1\xa0234\xa0567,5", "1.6.2026 klo 12.00"),
        # CLDR 47 (Babel 2.19) writes Finland-Swedish times with a dot, as readers do: kl. 12.00
        ("sv_FI", "500,00\xa0€", "1\xa0234\xa0567,5", "1 juni 2026 kl. 12.00"),
        ("en_GB", "€500.00", "1,234,567.5", "1 Jun 2026 at 12:00"),
    ],
)
def test_money_numbers_and_times_follow_the_locale(
    app: Flask, locale: str, price: str, big: str, time: str
) -> None:
    with app.test_request_context(), force_locale(locale):
        assert money(Decimal("500")) == price
        assert number(Decimal("1234567.5")) == big
        # 09:00 UTC is 12:00 in Helsinki in summer
        assert when(datetime(2026, 6, 1, 9, 0, tzinfo=UTC)) == time


@pytest.mark.parametrize(
    ("locale", "same_day", "two_days"),
    [
        ("fi_FI", "10.12.2026 klo 9.00–11.00", "10.12.2026 klo 9.00 – 11.12.2026 klo 16.00"),
        ("sv_FI", "10 dec. 2026 kl. 9.00–11.00", "10 dec. 2026 kl. 9.00 – 11 dec. 2026 kl. 16.00"),
        ("en_GB", "10 Dec 2026 at 09:00–11:00", "10 Dec 2026 at 09:00 – 11 Dec 2026 at 16:00"),
    ],
)
def test_a_time_range_names_a_single_day_once(
    app: Flask, locale: str, same_day: str, two_days: str
) -> None:
    start = datetime(2026, 12, 10, 7, 0, tzinfo=UTC)  # 9.00 in Helsinki in winter
    with app.test_request_context(), force_locale(locale):
        assert period(start, start.replace(hour=9)) == same_day
        assert period(start, start.replace(day=11, hour=14)) == two_days
