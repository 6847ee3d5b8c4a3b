"""Public pages are served from the cache to anonymous visitors, never stale after a change,
each visitor with their own form token."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from feedback.models import QuestionType
from paja.extensions import db
from paja.models import Organisation, Role
from paja.page_cache import remembered
from tests.conftest import Auth, make_file_app
from tests.feedback.factories import add_question, answer, create_survey
from tests.trainings.factories import create_offering, create_registration, create_session
from trainings.operations.registrations import cancel_registration

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def test_a_repeated_visit_runs_no_sql(client: FlaskClient, count_queries: Any) -> None:
    create_offering(title="Somen perusteet")
    first = client.get("/trainings/").get_data(as_text=True)
    with count_queries(kept=True) as statements:
        again = client.get("/trainings/").get_data(as_text=True)
    assert statements == []
    assert "Somen perusteet" in again and TOKEN.sub("", again) == TOKEN.sub("", first)


def test_a_new_price_shows_at_once(client: FlaskClient) -> None:
    offering = create_offering(price="500.00")
    assert "500,00" in client.get(f"/trainings/{offering.slug}").get_data(as_text=True)
    offering.price_excl_vat = Decimal("650.00")  # as an admin's edit, or another process
    db.session.commit()
    page = client.get(f"/trainings/{offering.slug}").get_data(as_text=True)
    assert "650,00" in page and "500,00" not in page


def test_seat_counts_follow_registrations_and_cancellations(client: FlaskClient) -> None:
    session = create_session(capacity=10)
    url = f"/trainings/sessions/{session.id}"
    assert "10 paikkaa jäljellä" in client.get(url).get_data(as_text=True)
    form = {"name": "Kaisa Kävijä", "email": "kaisa@example.fi"}
    assert client.post(f"{url}/register", data=form).status_code == 302
    client.get(url)  # the page with the thank-you message (not cached)
    assert "9 paikkaa jäljellä" in client.get(url).get_data(as_text=True)
    other = create_registration(session)
    assert "8 paikkaa jäljellä" in client.get(url).get_data(as_text=True)
    cancel_registration(other)  # a bulk UPDATE, not the unit of work
    db.session.commit()
    assert "9 paikkaa jäljellä" in client.get(url).get_data(as_text=True)


def test_a_thank_you_message_is_shown_once_and_never_cached(client: FlaskClient) -> None:
    session = create_session()
    url = f"/trainings/sessions/{session.id}"
    client.post(f"{url}/register", data={"name": "Kaisa", "email": "kaisa@example.fi"})
    assert "Kiitos!" in client.get(url).get_data(as_text=True)
    assert "Kiitos!" not in client.get(url).get_data(as_text=True)


def test_logged_in_visitors_get_their_own_page(client: FlaskClient, auth: Auth) -> None:
    client.get("/trainings/")
    user = auth.login(Role.PARTICIPANT)
    assert user.name in client.get("/trainings/").get_data(as_text=True)
    auth.logout()
    assert user.name not in client.get("/trainings/").get_data(as_text=True)


def test_each_language_has_its_page(client: FlaskClient) -> None:
    finnish = client.get("/courses/", headers={"Accept-Language": "fi"}).get_data(as_text=True)
    swedish = client.get("/courses/", headers={"Accept-Language": "sv"}).get_data(as_text=True)
    assert 'lang="fi"' in finnish and 'lang="sv"' in swedish


@pytest.fixture
def guarded_app(tmp_path: Path) -> Flask:
    """An app with CSRF checks on and the generation shared through a folder."""
    return make_file_app(tmp_path, WTF_CSRF_ENABLED=True, CACHE_URL=f"file://{tmp_path / 'cache'}")


def test_each_visitor_gets_a_working_form_token_from_a_cached_page(guarded_app: Flask) -> None:
    with guarded_app.app_context():
        session_id = create_session().id
    url = f"/trainings/sessions/{session_id}"
    first, second = guarded_app.test_client(), guarded_app.test_client()
    token_one = TOKEN.findall(first.get(url).get_data(as_text=True))[0]
    with guarded_app.app_context():
        tokens_two = TOKEN.findall(second.get(url).get_data(as_text=True))
    assert tokens_two and token_one not in tokens_two and "placeholder" not in tokens_two[0]
    form = {"csrf_token": tokens_two[0], "name": "Toka", "email": "toka@example.fi"}
    assert second.post(f"{url}/register", data=form).status_code == 302
    stolen = {"csrf_token": token_one, "name": "Varas", "email": "varas@example.fi"}
    assert second.post(f"{url}/register", data=stolen).status_code != 302


def test_a_change_in_another_process_reaches_every_process(
    guarded_app: Flask, tmp_path: Path
) -> None:
    other_process = make_file_app(tmp_path, migrate=False, CACHE_URL=f"file://{tmp_path / 'cache'}")
    with guarded_app.app_context():
        offering = create_offering(price="500.00")
        slug = offering.slug
    visitor = guarded_app.test_client()
    assert "500,00" in visitor.get(f"/trainings/{slug}").get_data(as_text=True)
    with other_process.app_context():
        from trainings.models import Offering

        db.session.query(Offering).filter_by(slug=slug).one().price_excl_vat = Decimal("720.00")
        db.session.commit()
    assert "720,00" in visitor.get(f"/trainings/{slug}").get_data(as_text=True)


def test_an_unknown_cache_address_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="CACHE_URL"):
        make_file_app(tmp_path, migrate=False, CACHE_URL="ftp://cache")


def test_the_cache_can_be_switched_off(tmp_path: Path) -> None:
    app = make_file_app(tmp_path, CACHE_URL="off")
    visitor = app.test_client()
    statements: list[str] = []
    with app.app_context():
        import sqlalchemy as sa

        sa.event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    visitor.get("/trainings/")
    before = len(statements)
    visitor.get("/trainings/")
    assert len(statements) > before


def test_a_remembered_summary_follows_new_answers(
    client: FlaskClient, auth: Auth, count_queries: Any
) -> None:
    survey = create_survey(anonymous=False)
    rating = add_question(survey, QuestionType.RATING, "Kuinka hyödyllinen?")
    for value in (5, 5, 4):
        answer(survey, {rating: value})
    auth.login(survey.owner)
    url = f"/feedback/surveys/{survey.id}/summary"
    assert "4,67" in client.get(url).get_data(as_text=True)
    with count_queries(kept=True) as again:
        client.get(url)
    answer(survey, {rating: 1})  # a new answer: a new generation
    with count_queries(kept=True) as after:
        page = client.get(url).get_data(as_text=True)
    assert "3,75" in page and "4,67" not in page
    assert len(after) > len(again)  # counted anew, then remembered


def test_what_an_uncommitted_change_shows_is_never_remembered(app: Flask) -> None:
    runs: list[int] = []

    def compute() -> int:
        runs.append(1)
        return len(runs)

    db.session.add(Organisation(name="Keskeneräinen ry", business_id="0000000-0"))
    db.session.flush()  # written, not committed
    assert remembered("organisations", compute) == 1
    db.session.rollback()
    assert remembered("organisations", compute) == 2  # computed anew, then kept
    assert remembered("organisations", compute) == 2


def test_a_browser_holding_the_page_gets_304_until_it_changes(client: FlaskClient) -> None:
    offering = create_offering(price="500.00")
    url = f"/trainings/{offering.slug}"
    first = client.get(url)
    assert first.headers["Cache-Control"] == "private, no-cache" and first.headers["ETag"]
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""
    offering.price_excl_vat = Decimal("650.00")
    db.session.commit()
    changed = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200 and "650,00" in changed.get_data(as_text=True)


def test_another_visitor_never_gets_304_for_someone_elses_copy(app: Flask) -> None:
    url = f"/trainings/sessions/{create_session().id}"
    tag = app.test_client().get(url).headers["ETag"]
    other = app.test_client().get(url, headers={"If-None-Match": tag})
    assert other.status_code == 200 and TOKEN.search(other.get_data(as_text=True))


def test_personal_pages_are_never_kept_by_the_browser(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.PARTICIPANT)
    response = client.get("/trainings/")
    assert response.headers["Cache-Control"] == "no-store" and "ETag" not in response.headers
