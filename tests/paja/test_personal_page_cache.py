"""Personal pages are kept per person: served again without the view's queries, never to
anyone else, never stale after a change, and only after the view's access checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from feedback.models import QuestionType
from paja.extensions import db
from paja.models import Role, User
from tests.conftest import Auth, make_file_app
from tests.factories import create_user
from tests.feedback.factories import add_question, answer, create_survey
from tests.trainings.event_factories import create_event
from tests.trainings.factories import (
    create_offering,
    create_registration,
    create_session,
    create_trainer,
)

MY_SESSIONS = "/trainings/my-sessions"


def test_a_personal_page_again_runs_no_sql(
    client: FlaskClient, auth: Auth, count_queries: Any
) -> None:
    trainer = create_trainer()
    create_session(create_offering(title="Somen perusteet"), trainers=(trainer,))
    auth.login(trainer.user)
    first = client.get(MY_SESSIONS).get_data(as_text=True)
    with count_queries(kept=True) as statements:
        again = client.get(MY_SESSIONS).get_data(as_text=True)
    assert statements == []  # the page kept (the login: see the last test)
    assert "Somen perusteet" in again and again.count("Somen perusteet") == first.count(
        "Somen perusteet"
    )


def test_two_people_never_get_each_others_page(client: FlaskClient, auth: Auth) -> None:
    anna, ben = create_trainer(name="Anna Ankkuri"), create_trainer(name="Ben Bertta")
    create_session(create_offering(title="Annan koulutus"), trainers=(anna,))
    create_session(create_offering(title="Benin koulutus"), trainers=(ben,))
    for _ in range(2):  # the second round comes from the cache
        auth.login(anna.user)
        page = client.get(MY_SESSIONS).get_data(as_text=True)
        assert "Annan koulutus" in page and "Benin koulutus" not in page
        auth.login(ben.user)
        page = client.get(MY_SESSIONS).get_data(as_text=True)
        assert "Benin koulutus" in page and "Annan koulutus" not in page


def test_a_personal_page_shows_a_change_at_once(client: FlaskClient, auth: Auth) -> None:
    participant = auth.login(Role.PARTICIPANT)
    assert "Kevään somekoulutus" not in client.get(MY_SESSIONS).get_data(as_text=True)
    create_registration(create_session(create_offering(title="Kevään somekoulutus")), participant)
    assert "Kevään somekoulutus" in client.get(MY_SESSIONS).get_data(as_text=True)


def test_access_is_checked_before_a_kept_page_is_served(client: FlaskClient, auth: Auth) -> None:
    survey = create_survey(anonymous=False)
    rating = add_question(survey, QuestionType.RATING, "Kuinka hyödyllinen?")
    answer(survey, {rating: 5})
    url = f"/feedback/surveys/{survey.id}/summary"
    auth.login(survey.owner)
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # now kept for the owner
    auth.login(Role.TRAINER)
    assert client.get(url).status_code == 403
    auth.logout()
    assert client.get(url).status_code == 302
    auth.login(survey.owner)
    survey.owner.active = False  # deactivated: the login no longer counts
    db.session.commit()
    assert client.get(url).status_code == 302


def test_a_failed_save_is_shown_once_and_never_kept(client: FlaskClient, auth: Auth) -> None:
    event = create_event()
    auth.login(event.created_by)
    url = f"/trainings/events/{event.id}/manage"
    client.get(url)
    failed = client.post(url, data={"title": "", "language": "fi"}).get_data(as_text=True)
    assert 'aria-invalid="true"' in failed
    assert 'aria-invalid="true"' not in client.get(url).get_data(as_text=True)


def _logged_in(app: Flask, email: str) -> tuple[FlaskClient, list[str]]:
    """A client of the app logged in as the user, and the statements the app runs."""
    client, statements = app.test_client(), []
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == email))
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
        sa.event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    return client, statements


def test_a_remembered_login_ends_with_a_password_change_or_deactivation(tmp_path: Path) -> None:
    app = make_file_app(tmp_path)  # each request in its own database session, as in production
    with app.app_context():
        create_user(email="kaisa@example.fi", roles={Role.PARTICIPANT})
        create_user(email="ville@example.fi", roles={Role.PARTICIPANT})
    kaisa, statements = _logged_in(app, "kaisa@example.fi")
    ville, _ = _logged_in(app, "ville@example.fi")
    assert kaisa.get("/courses/my").status_code == ville.get("/courses/my").status_code == 200
    statements.clear()
    assert kaisa.get("/courses/my").status_code == 200 and statements == []
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == "kaisa@example.fi"))
        user.set_password("uusi-salasana-pitkä")  # ends every session of hers
        db.session.commit()
    assert kaisa.get("/courses/my").status_code == 302
    assert ville.get("/courses/my").status_code == 200
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == "ville@example.fi"))
        user.active = False
        db.session.commit()
    assert ville.get("/courses/my").status_code == 302
