"""Friendly, translated error pages and the CSRF check."""

import pytest
from flask import Flask, abort
from flask.testing import FlaskClient

from paja.models import Role
from tests import factories
from tests.conftest import Auth, make_app


@pytest.fixture(scope="module")
def failing_app() -> Flask:
    """An app with routes that fail on purpose (a separate app, so the real one stays clean)."""
    app = make_app()

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("kaboom")

    @app.get("/bad")
    def bad() -> str:
        abort(400)

    return app


@pytest.mark.parametrize(
    ("path", "code", "text"),
    [
        ("/ei-ole", 404, "Sivua ei löytynyt"),
        ("/auth/logout", 405, "Toiminto ei ole sallittu tässä"),
    ],
)
def test_error_pages_are_translated(client: FlaskClient, path: str, code: int, text: str) -> None:
    response = client.get(path)
    assert response.status_code == code
    page = response.get_data(as_text=True)
    assert text in page
    assert '<main id="main"' in page  # the whole layout, with navigation


def test_405_says_which_methods_are_allowed(client: FlaskClient) -> None:
    allowed = client.get("/auth/logout").headers["Allow"]
    assert "POST" in allowed
    assert "GET" not in allowed


def test_403_page_in_swedish(client: FlaskClient, auth: Auth) -> None:
    auth.login(factories.create_user(locale="sv", roles={Role.PARTICIPANT}))
    response = client.get("/admin/users")
    assert response.status_code == 403
    assert "Du har inte åtkomst till den här sidan" in response.get_data(as_text=True)


def test_500_and_400_pages(failing_app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    with failing_app.app_context():
        client = failing_app.test_client()
        response = client.get("/boom", headers={"Accept-Language": "en"})
        assert response.status_code == 500
        assert "Something went wrong on our side" in response.get_data(as_text=True)
        assert "kaboom" not in response.get_data(as_text=True)
        assert "unhandled error on /boom" in caplog.text
        response = client.get("/bad")
        assert response.status_code == 400
        assert "Pyyntöä ei voitu käsitellä" in response.get_data(as_text=True)


@pytest.fixture(scope="module")
def csrf_app() -> Flask:
    """An app with CSRF protection on, as in production."""
    return make_app(WTF_CSRF_ENABLED=True)


def test_a_post_without_csrf_token_is_refused(csrf_app: Flask) -> None:
    with csrf_app.app_context():
        client = csrf_app.test_client()
        data = {"email": "a@example.fi", "password": factories.PASSWORD}
        response = client.post(
            "/auth/login",
            data=data,
            headers={"Referer": "http://localhost/auth/login?next=%2Faccount%2F"},
        )
        assert response.status_code == 400
        page = response.get_data(as_text=True)
        assert "Lomake vanhentui" in page
        assert 'href="/auth/login?next=%2Faccount%2F"' in page  # back to the same form
        assert "Kirjaudu ulos" not in page


def test_csrf_failure_page_offers_no_off_site_link(csrf_app: Flask) -> None:
    with csrf_app.app_context():
        client = csrf_app.test_client()
        response = client.post(
            "/language", data={"language": "sv"}, headers={"Referer": "https://evil.example/x"}
        )
        assert response.status_code == 400
        assert "evil.example" not in response.get_data(as_text=True)


def test_forms_carry_a_csrf_token_when_protection_is_on(csrf_app: Flask) -> None:
    with csrf_app.app_context():
        client = csrf_app.test_client()
        page = client.get("/auth/login").get_data(as_text=True)
        assert page.count('name="csrf_token"') == 2  # the language switcher and the login form
