"""Password reset by an emailed, signed, single-use link that expires in an hour."""

import re
import time

import pytest
from flask.testing import FlaskClient
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from paja.mail import Mail
from paja.tokens import RESET_SALT
from tests import factories

NEW = "uusi-vahva-salasana"


def reset_link(mail: Mail) -> str:
    match = re.search(r"http://localhost(/auth/reset-password/\S+)", mail.body)
    assert match, mail.body
    return match.group(1)


def ask_reset(client: FlaskClient, email: str):
    return client.post("/auth/forgot-password", data={"email": email}, follow_redirects=True)


def test_reset_link_is_mailed_in_the_users_language(client: FlaskClient, mails: list[Mail]) -> None:
    factories.create_user(email="asa@example.fi", name="Åsa", locale="sv")
    page = ask_reset(client, "ASA@example.fi").get_data(as_text=True)
    assert "Linkki toimii tunnin ajan." in page
    assert len(mails) == 1
    assert mails[0].to == "asa@example.fi"
    assert mails[0].subject == "Välj ett nytt lösenord för Paja"
    assert "Hej Åsa," in mails[0].body


def test_unknown_email_gets_the_same_answer_and_no_mail(
    client: FlaskClient, mails: list[Mail]
) -> None:
    page = ask_reset(client, "ei-ketaan@example.fi").get_data(as_text=True)
    assert "Linkki toimii tunnin ajan." in page
    assert mails == []


def test_a_deactivated_account_gets_no_reset_mail(client: FlaskClient, mails: list[Mail]) -> None:
    factories.create_user(email="pois@example.fi", active=False)
    ask_reset(client, "pois@example.fi")
    assert mails == []


def test_the_link_sets_a_new_password_once(client: FlaskClient, mails: list[Mail]) -> None:
    user = factories.create_user(email="a@example.fi")
    ask_reset(client, "a@example.fi")
    link = reset_link(mails[0])
    assert client.get(link).status_code == 200
    response = client.post(link, data={"password": NEW, "confirm": NEW})
    assert response.status_code == 302
    assert user.check_password(NEW)
    client.post("/auth/logout")
    page = client.get(link).get_data(as_text=True)
    assert "virheellinen, vanhentunut tai jo käytetty" in page
    page = client.post(
        link, data={"password": "kolmas-salasana-tässä", "confirm": "kolmas-salasana-tässä"}
    )
    assert "virheellinen, vanhentunut tai jo käytetty" in page.get_data(as_text=True)
    assert user.check_password(NEW)


def test_a_weak_new_password_is_refused_and_the_link_still_works(
    client: FlaskClient, mails: list[Mail]
) -> None:
    user = factories.create_user(email="a@example.fi")
    ask_reset(client, "a@example.fi")
    link = reset_link(mails[0])
    page = client.post(link, data={"password": "salasana1234", "confirm": "salasana1234"})
    assert "liian yleinen" in page.get_data(as_text=True)
    assert client.post(link, data={"password": NEW, "confirm": NEW}).status_code == 302
    assert user.check_password(NEW)


@pytest.mark.parametrize(("minutes", "works"), [(59, True), (61, False)])
def test_the_link_expires_after_an_hour(
    client: FlaskClient,
    mails: list[Mail],
    monkeypatch: pytest.MonkeyPatch,
    minutes: int,
    works: bool,
) -> None:
    user = factories.create_user(email="a@example.fi")
    ask_reset(client, "a@example.fi")
    link = reset_link(mails[0])
    later = time.time() + minutes * 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(later))
    page = client.post(link, data={"password": NEW, "confirm": NEW}).get_data(as_text=True)
    assert ("virheellinen, vanhentunut tai jo käytetty" in page) is not works
    assert user.check_password(NEW) is works


def test_a_forged_token_is_refused(app, client: FlaskClient) -> None:
    user = factories.create_user(email="a@example.fi")
    forged = URLSafeTimedSerializer("not-the-secret", salt=RESET_SALT).dumps({"u": user.id})
    page = client.post(f"/auth/reset-password/{forged}", data={"password": NEW, "confirm": NEW})
    assert "virheellinen, vanhentunut tai jo käytetty" in page.get_data(as_text=True)
    assert not user.check_password(NEW)
