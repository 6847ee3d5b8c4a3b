"""Sign-up, log-in, log-out, profile and password change over HTTP."""

import re
from datetime import timedelta

import sqlalchemy as sa
from flask.testing import FlaskClient

from paja.extensions import db
from paja.mail import Mail
from paja.models import Role, User
from paja.signups import PendingSignup
from tests import factories
from tests.conftest import Auth

GOOD = "kolme-iloista-kissaa"


def signup(client: FlaskClient, **fields: str):
    data = {
        "name": "Maija Meikäläinen",
        "email": "maija@example.fi",
        "password": GOOD,
        "confirm": GOOD,
    }
    return client.post("/auth/signup", data={**data, **fields})


def users_with(email: str) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(User).where(User.email == email)
    )


def same_page(one: str, other: str) -> bool:
    """Whether two pages are the same but for their CSRF tokens (which carry a timestamp)."""
    token = re.compile(r'(name="csrf_token"[^>]*value=")[^"]*"')
    return token.sub(r"\1", one) == token.sub(r"\1", other)


def confirm_link(mail: Mail) -> str:
    """The path of the confirmation link in a sign-up mail."""
    return re.search(r"http://localhost(/auth/confirm/\S+)", mail.body).group(1)


def test_signup_creates_a_participant_once_the_address_answers(
    client: FlaskClient, mails: list[Mail]
) -> None:
    response = signup(client, email="Maija@Example.FI")
    assert response.status_code == 200
    assert "Lähetimme viestin osoitteeseen Maija@Example.FI" in response.get_data(as_text=True)
    assert users_with("maija@example.fi") == 0  # nothing yet: the address must answer
    [mail] = mails
    assert mail.to == "maija@example.fi"
    link = confirm_link(mail)
    assert "Luo tilini" in client.get(link).get_data(as_text=True)  # opening it changes nothing
    assert users_with("maija@example.fi") == 0
    response = client.post(link)
    assert response.status_code == 302
    user = db.session.scalar(sa.select(User).where(User.email == "maija@example.fi"))
    assert user is not None and user.roles == {Role.PARTICIPANT}
    assert user.password_hash.startswith("scrypt:")
    assert user.locale == "fi"
    page = client.get("/").get_data(as_text=True)
    assert "Kirjaudu ulos" in page and "Maija Meikäläinen" in page


def test_signup_with_an_address_in_use_tells_only_its_owner(
    client: FlaskClient, mails: list[Mail]
) -> None:
    factories.create_user(email="maija@example.fi")
    fresh = signup(client, email="uusi@example.fi").get_data(as_text=True)
    taken = signup(client, email="MAIJA@example.fi", name="Toinen Maija").get_data(as_text=True)
    assert same_page(taken.replace("MAIJA@example.fi", "X"), fresh.replace("uusi@example.fi", "X"))
    assert users_with("maija@example.fi") == 1
    told = mails[1]
    assert told.to == "maija@example.fi"
    assert told.subject == "Sinulla on jo Paja-tili"
    assert "http://localhost/auth/forgot-password" in told.body
    assert "/auth/confirm/" not in told.body


def test_a_used_or_expired_link_creates_nothing(client: FlaskClient, mails: list[Mail]) -> None:
    signup(client)
    link = confirm_link(mails[0])
    client.post(link)
    client.post("/auth/logout")
    again = client.post(link).get_data(as_text=True)
    assert "Linkki on virheellinen, vanhentunut tai jo käytetty." in again
    signup(client, email="myohassa@example.fi")
    pending = db.session.scalar(sa.select(PendingSignup))
    pending.created_at -= timedelta(hours=25)
    db.session.commit()
    assert "Linkki on virheellinen" in client.post(confirm_link(mails[-1])).get_data(as_text=True)
    assert users_with("myohassa@example.fi") == 0


def test_signup_refuses_short_and_common_passwords(client: FlaskClient) -> None:
    page = signup(client, password="lyhyt", confirm="lyhyt").get_data(as_text=True)
    assert "Käytä vähintään 12 merkkiä." in page
    page = signup(client, password="password1234", confirm="password1234").get_data(as_text=True)
    assert "liian yleinen tai helppo arvata" in page
    assert 'aria-invalid="true"' in page
    assert users_with("maija@example.fi") == 0


def test_signup_tells_a_weak_password_with_the_other_problems(client: FlaskClient) -> None:
    page = signup(client, password="password1234", confirm="password1234", email="ei-osoite")
    text = page.get_data(as_text=True)
    assert "Kirjoita kelvollinen sähköpostiosoite" in text
    assert "liian yleinen tai helppo arvata" in text  # not only after the address is fixed
    assert 'value="password1234"' in text  # what was typed is kept


def test_signup_needs_matching_passwords_and_a_valid_email(client: FlaskClient) -> None:
    page = signup(client, confirm="toinen-salasana-123", email="ei-osoite").get_data(as_text=True)
    assert "Salasanat eivät täsmää." in page
    assert "Kirjoita kelvollinen sähköpostiosoite" in page
    assert 'value="ei-osoite"' in page
    assert users_with("ei-osoite") == 0


def test_login_and_logout(client: FlaskClient) -> None:
    factories.create_user(email="pilvi@example.fi", name="Pilvi Nummi")
    response = client.post("/auth/login", data={"email": " PILVI@example.fi ", "password": GOOD})
    assert response.status_code == 302
    assert "Pilvi Nummi" in client.get("/").get_data(as_text=True)
    user = db.session.scalar(sa.select(User).where(User.email == "pilvi@example.fi"))
    assert user.last_login_at is not None
    assert client.post("/auth/logout").status_code == 302
    assert client.get("/account/").status_code == 302


def test_login_failures_do_not_say_which_part_was_wrong(client: FlaskClient) -> None:
    factories.create_user(email="pilvi@example.fi")
    wrong_password = client.post("/auth/login", data={"email": "pilvi@example.fi", "password": "x"})
    unknown_email = client.post("/auth/login", data={"email": "ei@example.fi", "password": GOOD})
    for response in (wrong_password, unknown_email):
        page = response.get_data(as_text=True)
        assert "Sähköposti tai salasana ei ole oikein." in page
        assert "Kirjaudu ulos" not in page
    assert 'value="ei@example.fi"' in unknown_email.get_data(as_text=True)


def test_a_deactivated_user_cannot_log_in(client: FlaskClient) -> None:
    factories.create_user(email="pois@example.fi", active=False)
    page = client.post("/auth/login", data={"email": "pois@example.fi", "password": GOOD})
    assert "Sähköposti tai salasana ei ole oikein." in page.get_data(as_text=True)


def test_remember_me_sets_a_long_lived_http_only_cookie(client: FlaskClient) -> None:
    factories.create_user(email="muista@example.fi")
    client.post(
        "/auth/login", data={"email": "muista@example.fi", "password": GOOD, "remember": "y"}
    )
    cookie = client.get_cookie("remember_token")
    assert cookie is not None and cookie.http_only and cookie.expires is not None


def test_login_returns_to_the_page_asked_for_but_never_off_site(client: FlaskClient) -> None:
    factories.create_user(email="n@example.fi")
    response = client.get("/account/password")
    assert response.headers["Location"] == "/auth/login?next=%2Faccount%2Fpassword"
    data = {"email": "n@example.fi", "password": GOOD, "next": "/account/password"}
    assert client.post("/auth/login", data=data).headers["Location"] == "/account/password"
    client.post("/auth/logout")
    for evil in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.post("/auth/login", data={**data, "next": evil})
        assert response.headers["Location"] == "/"


def test_profile_changes_name_and_language(client: FlaskClient, auth: Auth) -> None:
    user = auth.login()
    response = client.post("/account/", data={"name": "Uusi Nimi", "locale": "sv"})
    assert response.status_code == 302
    page = client.get("/account/").get_data(as_text=True)
    assert '<html lang="sv">' in page and "Din profil" in page
    assert user.name == "Uusi Nimi" and user.locale == "sv"


def test_profile_keeps_input_and_marks_a_missing_name(client: FlaskClient, auth: Auth) -> None:
    user = auth.login()
    page = client.post("/account/", data={"name": "", "locale": "en"}).get_data(as_text=True)
    assert "Kirjoita nimesi." in page
    assert '<option lang="en" selected value="en">' in page
    assert user.locale is None


def test_profile_lists_the_users_organisations(client: FlaskClient, auth: Auth) -> None:
    user = auth.login()
    factories.create_organisation(name="Tuusulan kunta", members=(user,))
    factories.create_organisation(name="Vieras Oy")
    page = client.get("/account/").get_data(as_text=True)
    assert "Tuusulan kunta" in page and "Vieras Oy" not in page


def test_change_password_needs_the_current_one(client: FlaskClient, auth: Auth) -> None:
    auth.login()
    data = {
        "current_password": "väärä",
        "password": "uusi-hyvä-salasana",
        "confirm": "uusi-hyvä-salasana",
    }
    page = client.post("/account/password", data=data).get_data(as_text=True)
    assert "Nykyinen salasana ei ole oikein." in page


def test_change_password_logs_out_other_devices(app, client: FlaskClient, auth: Auth) -> None:
    user = auth.login()
    other_device = app.test_client()
    with other_device.session_transaction() as session:
        session["_user_id"] = user.get_id()
    assert other_device.get("/account/").status_code == 200
    data = {
        "current_password": GOOD,
        "password": "uusi-hyvä-salasana",
        "confirm": "uusi-hyvä-salasana",
    }
    assert client.post("/account/password", data=data).status_code == 302
    assert user.check_password("uusi-hyvä-salasana")
    assert client.get("/account/").status_code == 200  # this device stays logged in
    assert other_device.get("/account/").status_code == 302  # the other one is logged out
