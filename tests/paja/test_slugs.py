"""Address names: one pattern, and the names the app's own pages use are reserved."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from paja.errors import RuleViolation
from paja.models import Role
from paja.slugs import check_slug, reserved_under, slugify
from tests.conftest import Auth
from tests.courses.test_authoring import course_data
from tests.trainings.test_admin import offering_data
from trainings.models import Offering


def test_reserved_names_are_read_from_the_apps_own_pages(app: Flask) -> None:
    with app.test_request_context():
        trainings, courses = reserved_under("/trainings"), reserved_under("/courses")
    assert {
        "orders",
        "sessions",
        "trainers",
        "admin",
        "events",
        "feedback",
        "calendar",
    } <= trainings
    assert {"manage", "modules", "my", "join", "certificates"} <= courses
    assert not any("<" in name for name in trainings | courses)


@pytest.mark.parametrize("slug", ["events", "feedback", "my-sessions", "orders"])
def test_a_workshop_cannot_hide_a_page_of_the_app(
    client: FlaskClient, auth: Auth, slug: str
) -> None:
    auth.login(Role.ADMIN)
    page = client.post("/trainings/admin/offerings/new", data=offering_data(slug=slug))
    assert "Tämä osoitenimi on varattu; valitse toinen." in page.get_data(as_text=True)


@pytest.mark.parametrize("slug", ["manage", "my", "join", "certificates"])
def test_a_course_cannot_hide_a_page_of_the_app(client: FlaskClient, auth: Auth, slug: str) -> None:
    auth.login(Role.ADMIN)
    page = client.post("/courses/manage/new", data=course_data(slug=slug))
    assert "Tämä osoitenimi on varattu; valitse toinen." in page.get_data(as_text=True)


@pytest.mark.parametrize("slug", ["Iso", "kaksi--viivaa", "-alku", "väli lyönti", ""])
def test_the_rule_refuses_malformed_names_whatever_the_form_let_through(
    app: Flask, slug: str
) -> None:
    with app.test_request_context(), pytest.raises(RuleViolation) as refusal:
        check_slug(slug, "/trainings", Offering.slug, None, "varattu")
    assert refusal.value.field == "slug"


def test_slugify_spells_names_in_plain_letters() -> None:
    assert slugify("Åsa Öhman-Łukasiewicz") == "asa-ohman-lukasiewicz"
    assert slugify("Søren Ærø Straße") == "soren-aero-strasse"
    assert slugify("  Pilvi  Nummi ") == "pilvi-nummi"
