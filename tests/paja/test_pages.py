"""Public pages in each language."""

import pytest
from flask.testing import FlaskClient

from paja.models import Role
from tests.conftest import Auth


@pytest.mark.parametrize(
    ("language", "home", "statement"),
    [
        ("fi", "Somen työpajat ja koulutukset", "Saavutettavuusseloste"),
        ("sv", "Workshoppar och utbildningar i sociala medier", "Tillgänglighetsutlåtande"),
        ("en", "Social media workshops and trainings", "Accessibility statement"),
    ],
)
def test_home_and_accessibility_statement(
    client: FlaskClient, language: str, home: str, statement: str
) -> None:
    headers = {"Accept-Language": language}
    page = client.get("/", headers=headers).get_data(as_text=True)
    assert home in page
    assert f'href="/accessibility">{statement}</a>' in page
    page = client.get("/accessibility", headers=headers).get_data(as_text=True)
    assert f"<h1>{statement}</h1>" in page
    assert "WCAG" in page


def test_navigation_follows_roles(client: FlaskClient, auth: Auth) -> None:
    page = client.get("/").get_data(as_text=True)
    assert "Rekisteröidy" in page
    assert "/admin/users" not in page
    auth.login(Role.TRAINER)
    page = client.get("/").get_data(as_text=True)
    assert "Kirjaudu ulos" in page
    assert "/admin/users" not in page
    auth.login(Role.ADMIN)
    page = client.get("/").get_data(as_text=True)
    assert 'href="/admin/users"' in page
    assert 'href="/organisations/"' in page


def test_the_accessibility_statement_says_what_is_not_accessible_and_when(
    client: FlaskClient,
) -> None:
    page = client.get("/accessibility").get_data(as_text=True)
    assert '<h2 class="h4">Ei-saavutettava sisältö</h2>' in page
    assert "PDF-asiakirjoja" in page and "Teams tai Zoom" in page
    assert "Seloste on laadittu 22.11.2026 ja tarkistettu viimeksi 30.11.2026." in page
    swedish = client.get("/accessibility", headers={"Accept-Language": "sv"})
    assert "Innehåll som inte är tillgängligt" in swedish.get_data(as_text=True)
