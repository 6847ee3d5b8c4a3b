"""Organisations: creation with a valid Y-tunnus, editing, members, and who may see what."""

import sqlalchemy as sa
from flask.testing import FlaskClient

from paja.extensions import db
from paja.models import Organisation, Role
from tests import factories
from tests.conftest import Auth

DETAILS = {
    "name": "Hämeen ELY-keskus",
    "business_id": "0112038-9",
    "billing_street": "Raatihuoneenkatu 1",
    "billing_postcode": "13100",
    "billing_city": "Hämeenlinna",
    "einvoice_address": "003701120389",
    "einvoice_operator": "003721291126",
}


def organisation_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Organisation))


def test_admin_creates_an_organisation(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    response = client.post("/organisations/new", data=DETAILS, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Hämeen ELY-keskus on lisätty." in page
    organisation = db.session.scalar(sa.select(Organisation))
    assert organisation.business_id == "0112038-9"
    assert organisation.einvoice_operator == "003721291126"


def test_wrong_check_digit_is_refused_and_input_kept(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    page = client.post("/organisations/new", data={**DETAILS, "business_id": "0112038-8"})
    text = page.get_data(as_text=True)
    assert "Tarkistusmerkki (viimeinen numero) ei täsmää" in text
    assert 'value="0112038-8"' in text and 'value="Hämeen ELY-keskus"' in text
    assert 'id="business_id-error"' in text
    assert organisation_count() == 0


def test_a_malformed_business_id_gets_its_own_message(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    arabic = "\u0660\u0661\u0661\u0662\u0660\u0663\u0668-\u0669"  # 0112038-9
    page = client.post("/organisations/new", data={**DETAILS, "business_id": arabic})
    assert "Kirjoita Y-tunnus muodossa seitsemän numeroa" in page.get_data(as_text=True)
    assert organisation_count() == 0


def test_the_vat_form_and_an_en_dash_are_stored_as_the_business_id(
    client: FlaskClient, auth: Auth
) -> None:
    auth.login(Role.ADMIN)
    client.post("/organisations/new", data={**DETAILS, "business_id": "FI01120389"})
    assert db.session.scalar(sa.select(Organisation.business_id)) == "0112038-9"
    page = client.post("/organisations/new", data={**DETAILS, "business_id": "0112038\u20139"})
    assert "Tällä Y-tunnuksella on jo organisaatio." in page.get_data(as_text=True)
    assert organisation_count() == 1


def test_duplicate_business_id_is_refused(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    factories.create_organisation(business_id="0112038-9")
    page = client.post("/organisations/new", data=DETAILS).get_data(as_text=True)
    assert "Tällä Y-tunnuksella on jo organisaatio." in page
    assert organisation_count() == 1


def test_einvoice_address_needs_its_operator(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    page = client.post("/organisations/new", data={**DETAILS, "einvoice_operator": ""})
    assert "Anna sekä verkkolaskuosoite että operaattori" in page.get_data(as_text=True)
    page = client.post("/organisations/new", data={**DETAILS, "billing_postcode": "1310"})
    assert "Suomalaisessa postinumerossa on viisi numeroa." in page.get_data(as_text=True)
    assert organisation_count() == 0


def test_a_plain_member_sees_the_name_but_no_billing_or_members(
    client: FlaskClient, auth: Auth
) -> None:
    user = auth.login(Role.PARTICIPANT)
    own = factories.create_organisation(name="Oma Oy", members=(user,))
    profile = client.get("/account/").get_data(as_text=True)
    assert "Oma Oy" in profile
    assert f"/organisations/{own.id}" not in profile  # no link to a page they may not see
    assert client.get(f"/organisations/{own.id}").status_code == 403
    assert client.get(f"/organisations/{own.id}/edit").status_code == 403
    assert client.get("/organisations/999999").status_code == 404


def test_customer_member_edits_own_organisation_only(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.CUSTOMER)
    own = factories.create_organisation(members=(user,))
    other = factories.create_organisation()
    data = {**DETAILS, "business_id": own.business_id, "billing_city": "Tuusula"}
    assert client.post(f"/organisations/{own.id}/edit", data=data).status_code == 302
    assert own.billing_city == "Tuusula"
    data = {**DETAILS, "business_id": other.business_id}
    assert client.post(f"/organisations/{other.id}/edit", data=data).status_code == 403
    assert other.name != DETAILS["name"]
    # Members are managed by admins only.
    member = factories.create_user(email="uusi@example.fi")
    response = client.post(f"/organisations/{own.id}/members", data={"email": member.email})
    assert response.status_code == 403


def test_admin_adds_and_removes_members(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    organisation = factories.create_organisation()
    person = factories.create_user(name="Tiia Talvitie", email="tiia@example.fi")
    response = client.post(
        f"/organisations/{organisation.id}/members",
        data={"email": "TIIA@example.fi"},
        follow_redirects=True,
    )
    assert "Tiia Talvitie on nyt jäsen." in response.get_data(as_text=True)
    assert organisation.has_member(person)
    page = client.post(
        f"/organisations/{organisation.id}/members", data={"email": "tiia@example.fi"}
    )
    assert "Tiia Talvitie on jo jäsen." in page.get_data(as_text=True)
    response = client.post(
        f"/organisations/{organisation.id}/members/{person.id}/remove", follow_redirects=True
    )
    assert "Tiia Talvitie ei ole enää jäsen." in response.get_data(as_text=True)
    assert not organisation.has_member(person)


def test_adding_an_unknown_email_keeps_it_in_the_field(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    organisation = factories.create_organisation()
    page = client.post(f"/organisations/{organisation.id}/members", data={"email": "ei@example.fi"})
    text = page.get_data(as_text=True)
    assert "Tällä sähköpostiosoitteella ei ole tiliä." in text
    assert 'value="ei@example.fi"' in text


def test_search_and_list_queries_stay_bounded(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    auth.login(Role.ADMIN)
    factories.create_organisation(name="Tuusulan kunta")
    with count_queries() as few:
        client.get("/organisations/")
    member = factories.create_user()
    for n in range(80):
        factories.create_organisation(name=f"Yhdistys {n:03d}", members=(member,))
    with count_queries() as many:
        page = client.get("/organisations/").get_data(as_text=True)
    assert "81 organisaatiota löytyi." in page
    assert len(many) == len(few) <= 6, many
    page = client.get("/organisations/?q=tuusula").get_data(as_text=True)
    assert "Tuusulan kunta" in page and "Yhdistys 001" not in page
