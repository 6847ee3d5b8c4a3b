"""Admin pages for users: search, roles, deactivation."""

from flask.testing import FlaskClient

from paja.models import Role
from tests import factories
from tests.conftest import Auth


def test_search_finds_users_by_name_or_email(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    factories.create_user(name="Pilvi Nummi", email="pilvi@example.fi")
    factories.create_user(name="Jaana Pohjola", email="jaana@blogi.example")
    page = client.get("/admin/users?q=nummi").get_data(as_text=True)
    assert "Pilvi Nummi" in page and "Jaana Pohjola" not in page
    page = client.get("/admin/users?q=BLOGI").get_data(as_text=True)
    assert "Jaana Pohjola" in page and "Pilvi Nummi" not in page
    assert "1 käyttäjä löytyi." in page


def test_filter_by_role(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    factories.create_user(name="Kouluttaja Kaisa", roles={Role.TRAINER})
    factories.create_user(name="Osallistuja Olli")
    page = client.get("/admin/users?role=trainer").get_data(as_text=True)
    assert "Kouluttaja Kaisa" in page and "Osallistuja Olli" not in page


def test_admin_sets_roles(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    person = factories.create_user()
    response = client.post(f"/admin/users/{person.id}", data={"roles": ["trainer", "customer"]})
    assert response.status_code == 302
    assert person.roles == {Role.TRAINER, Role.CUSTOMER}


def test_unknown_role_is_refused(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    person = factories.create_user()
    response = client.post(f"/admin/users/{person.id}", data={"roles": ["emperor"]})
    assert response.status_code == 200
    assert "Valitse jokin luetelluista vaihtoehdoista." in response.get_data(as_text=True)
    assert person.roles == {Role.PARTICIPANT}


def test_admin_cannot_remove_their_own_admin_role(client: FlaskClient, auth: Auth) -> None:
    admin = auth.login(Role.ADMIN)
    page = client.post(f"/admin/users/{admin.id}", data={"roles": ["trainer"]}).get_data(
        as_text=True
    )
    assert "Et voi poistaa omaa ylläpitäjän rooliasi." in page
    assert admin.roles == {Role.ADMIN}


def test_deactivation_ends_the_users_sessions_and_login(
    app, client: FlaskClient, auth: Auth
) -> None:
    auth.login(Role.ADMIN)
    person = factories.create_user(email="pois@example.fi")
    their_browser = app.test_client()
    Auth(their_browser).login(person)
    assert their_browser.get("/account/").status_code == 200
    response = client.post(
        f"/admin/users/{person.id}/active", data={"active": "0"}, follow_redirects=True
    )
    assert "ei voi enää kirjautua sisään" in response.get_data(as_text=True)
    assert not person.active
    assert their_browser.get("/account/").status_code == 302
    data = {"email": "pois@example.fi", "password": factories.PASSWORD}
    assert "ei ole oikein" in their_browser.post("/auth/login", data=data).get_data(as_text=True)
    client.post(f"/admin/users/{person.id}/active", data={"active": "1"})
    assert person.active
    assert their_browser.post("/auth/login", data=data).status_code == 302


def test_admin_cannot_deactivate_themselves(client: FlaskClient, auth: Auth) -> None:
    admin = auth.login(Role.ADMIN)
    page = client.post(
        f"/admin/users/{admin.id}/active", data={"active": "0"}, follow_redirects=True
    )
    assert "Et voi poistaa omaa tiliäsi käytöstä." in page.get_data(as_text=True)
    assert admin.active


def test_missing_user_is_404(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    assert client.get("/admin/users/999999").status_code == 404


def test_user_list_queries_do_not_grow_with_users(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    auth.login(Role.ADMIN)
    with count_queries() as few:
        assert client.get("/admin/users").status_code == 200
    for n in range(120):
        factories.create_user(roles={Role.TRAINER, Role.CUSTOMER}, email=f"many{n}@example.fi")
    with count_queries() as many:
        page = client.get("/admin/users").get_data(as_text=True)
    assert "121 käyttäjää löytyi." in page
    assert page.count("<tr>") == 51  # header + a page of 50
    assert len(many) == len(few) <= 5, many
