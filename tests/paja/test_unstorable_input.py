"""Values the database cannot store get a message at the field (or a 400), never a 500."""

from __future__ import annotations

from flask.testing import FlaskClient

from paja.models import Role
from tests.conftest import Auth
from tests.trainings.factories import create_offering
from tests.trainings.test_orders import order_form


def test_nan_in_a_price_is_refused_at_the_field(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    for value in ("NaN", "sNaN", "Infinity", "1e12"):
        response = client.post("/trainings/admin/offerings/new",
                               data={"title": "Somestartti", "price_excl_vat": value})  # fmt: skip
        page = response.get_data(as_text=True)
        assert response.status_code == 200, value
        assert "Anna luku, esim. 12,50." in page or "Anna pienempi luku." in page, value
        assert 'value="Somestartti"' in page  # what was typed is kept


def test_year_0001_and_huge_numbers_are_refused_at_the_field(
    client: FlaskClient, auth: Auth
) -> None:
    auth.login(Role.CUSTOMER)
    offering = create_offering()
    page = client.post(
        f"/trainings/{offering.slug}/order",
        data=order_form(date_1="0001-01-01", participants=str(2**63)),
    ).get_data(as_text=True)
    assert "Anna päivämäärä vuosien 1900 ja 2999 väliltä." in page
    assert "Anna pienempi luku." in page


def test_a_nul_byte_anywhere_is_a_bad_request(client: FlaskClient) -> None:
    assert client.post("/auth/login", data={"email": "a\x00@example.fi"}).status_code == 400
    assert client.get("/trainings/?q=a%00b").status_code == 400


def test_ids_past_the_column_are_not_found(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    for number in (2**31, 2**63, 10**30):
        assert client.get(f"/admin/users/{number}").status_code == 404


def test_page_numbers_past_any_end_are_an_empty_page(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    for url in ("/admin/users", "/admin/audit", "/organisations/", "/trainings/orders/"):
        for page in (str(2**63), str(10**30), "-5", "0", "abc"):
            assert client.get(f"{url}?page={page}").status_code == 200, (url, page)
