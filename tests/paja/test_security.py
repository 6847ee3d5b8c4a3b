"""Security headers and cookie flags as Paja's own configuration sets them."""

import pytest
from flask.testing import FlaskClient

from paja.extensions import db
from paja.models import User
from tests.conftest import make_app

STRONG_SECRET = "9f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978"


def test_responses_carry_security_headers(client: FlaskClient) -> None:
    headers = client.get("/").headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in headers  # only in production, behind TLS


def test_production_from_the_environment_sends_hsts_and_secure_cookies(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PAJA_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", STRONG_SECRET)
    monkeypatch.setenv("PAJA_BASE_URL", "https://localhost")
    app = make_app(
        PAJA_BASE_URL="https://localhost"
    )  # the test settings name no cookie or header: these come from load_config
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    with app.app_context():
        response = app.test_client().post("/language", data={"language": "sv", "next": "/"})
    assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_development_cookies_are_http_only_and_lax_but_not_secure(client: FlaskClient) -> None:
    cookie = client.post("/language", data={"language": "sv", "next": "/"}).headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http on a developer's machine


def test_emails_are_stored_lower_case_whatever_sets_them(app) -> None:
    user = User(email="  Pilvi.Nummi@Example.FI ", name="Pilvi", password_hash="x")
    db.session.add(user)
    db.session.flush()
    assert user.email == "pilvi.nummi@example.fi"
