"""Security headers and cookie flags."""

from flask.testing import FlaskClient

from paja.extensions import db
from paja.models import User
from tests.conftest import make_app


def test_responses_carry_security_headers(client: FlaskClient) -> None:
    headers = client.get("/").headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in headers  # only in production, behind TLS


def test_production_adds_hsts_and_secure_cookies() -> None:
    app = make_app(PAJA_ENV="production", SESSION_COOKIE_SECURE=True)
    with app.app_context():
        client = app.test_client()
        response = client.post("/language", data={"language": "sv", "next": "/"})
        assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
        cookie = response.headers["Set-Cookie"]
        assert "Secure" in cookie
        assert "HttpOnly" in cookie
        assert "SameSite=Lax" in cookie


def test_session_cookie_is_http_only_and_lax(client: FlaskClient) -> None:
    cookie = client.post("/language", data={"language": "sv", "next": "/"}).headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_emails_are_stored_lower_case_whatever_sets_them(app) -> None:
    user = User(email="  Pilvi.Nummi@Example.FI ", name="Pilvi", password_hash="x")
    db.session.add(user)
    db.session.flush()
    assert user.email == "pilvi.nummi@example.fi"
