"""Regression tests for what an outside security probe found in the shell: links that
followed a forged Host header, sessions that outlived logout, personal pages kept in caches."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from paja.config import PROJECT_ROOT
from paja.mail import Mail
from paja.models import Role
from tests.conftest import make_app
from tests.factories import PASSWORD, create_user
from tests.trainings.event_factories import create_event, days_of, register

STRONG_SECRET = "9f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978"
FORGED = {"Host": "evil.example"}


def test_a_forged_host_does_not_reach_the_reset_mail(
    client: FlaskClient, mails: list[Mail]
) -> None:
    user = create_user()
    client.post("/auth/forgot-password", data={"email": user.email}, headers=FORGED)
    [mail] = mails
    assert "evil.example" not in mail.body
    assert re.search(r"^http://localhost/auth/reset-password/\S+$", mail.body, re.MULTILINE)


def test_a_forged_host_does_not_reach_the_personal_link_mail(
    client: FlaskClient, mails: list[Mail]
) -> None:
    event = create_event(days=1)
    [registration] = register(event, days_of(event))
    mails.clear()
    client.post(f"/trainings/events/{event.id}/link",
                data={"resend-email": registration.email}, headers=FORGED)  # fmt: skip
    [mail] = mails
    assert "evil.example" not in mail.body
    assert f"http://localhost/trainings/events/me/{registration.personal_token}" in mail.body


def test_no_code_builds_links_from_the_request_host() -> None:
    folders = ["paja", "feedback", "trainings", "courses", "templates"]
    offenders = [
        str(path.relative_to(PROJECT_ROOT))
        for folder in folders
        for path in (PROJECT_ROOT / folder).rglob("*")
        if path.suffix in {".py", ".html", ".txt"}
        and re.search(r"_external\s*=\s*True|url_root|host_url", path.read_text())
    ]
    assert offenders == []


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch) -> Flask:
    """An app configured as production for https://localhost."""
    monkeypatch.setenv("PAJA_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", STRONG_SECRET)
    monkeypatch.setenv("PAJA_BASE_URL", "https://localhost")
    monkeypatch.setenv("PAJA_TRUSTED_HOSTS", "paja.internal")
    return make_app(PAJA_BASE_URL="https://localhost")


@pytest.mark.parametrize(("host", "status"), [
    ("localhost", 200), ("paja.internal", 200), ("evil.example", 400), ("localhost.evil", 400),
])  # fmt: skip
def test_production_answers_only_configured_hosts(
    production: Flask, host: str, status: int
) -> None:
    with production.app_context():
        response = production.test_client().get("/auth/login", headers={"Host": host})
    assert response.status_code == status


def log_in(client: FlaskClient, email: str, remember: bool = False) -> None:
    """Log in through the form."""
    data = {"email": email, "password": PASSWORD} | ({"remember": "y"} if remember else {})
    assert client.post("/auth/login", data=data).status_code == 302


def test_a_copied_session_cookie_stops_working_at_logout(app: Flask, client: FlaskClient) -> None:
    user = create_user()
    log_in(client, user.email)
    copied = client.get_cookie("session")
    assert copied is not None
    client.post("/auth/logout")
    thief = app.test_client()
    thief.set_cookie("session", copied.value)
    response = thief.get("/account/")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


def test_a_copied_remember_me_cookie_stops_working_at_logout(
    app: Flask, client: FlaskClient
) -> None:
    user = create_user()
    log_in(client, user.email, remember=True)
    remembered = client.get_cookie("remember_token")
    assert remembered is not None
    thief = app.test_client()
    thief.set_cookie("remember_token", remembered.value)
    assert thief.get("/account/").status_code == 200  # the cookie works while logged in
    client.post("/auth/logout")
    other = app.test_client()
    other.set_cookie("remember_token", remembered.value)
    assert other.get("/account/").status_code == 302


def test_remember_me_lasts_thirty_days(app: Flask, client: FlaskClient) -> None:
    user = create_user()
    log_in(client, user.email, remember=True)
    cookie = client.get_cookie("remember_token")
    assert cookie is not None and cookie.expires is not None
    assert 29 <= (cookie.expires - cookie.expires.now(cookie.expires.tzinfo)).days <= 30


def test_failed_logins_are_logged_without_the_password(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    user = create_user()
    with caplog.at_level(logging.WARNING):
        client.post("/auth/login", data={"email": user.email, "password": "salainen-arvaus-1"})
    [record] = [r for r in caplog.records if "failed login" in r.getMessage()]
    assert user.email in record.getMessage()
    assert "salainen-arvaus-1" not in caplog.text


@pytest.mark.parametrize("role", [Role.PARTICIPANT, Role.ADMIN])
def test_personal_pages_are_not_cached(client: FlaskClient, auth, role: Role) -> None:
    auth.login(role)
    for url in ["/account/", "/trainings/my-sessions", "/"]:
        assert client.get(url).headers["Cache-Control"] == "no-store", url


def test_exports_and_pdfs_are_not_cached(client: FlaskClient, auth) -> None:
    auth.login(Role.ADMIN)
    assert client.get("/trainings/orders.csv").headers["Cache-Control"] == "no-store"


def test_static_files_may_be_cached(client: FlaskClient) -> None:
    css = next(Path(PROJECT_ROOT, "paja", "static", "css").glob("*.css")).name
    with client.get(f"/static/css/{css}") as response:
        assert response.status_code == 200
        assert "no-store" not in response.headers.get("Cache-Control", "")
