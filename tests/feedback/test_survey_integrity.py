"""Answering follows the survey's audience, one answer per browser, account or invitation, and
an anonymous survey stores nothing that links an answer to a person."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask.testing import FlaskClient

from feedback.models import Invitation, QuestionType, Response
from paja.extensions import db
from paja.models import Role
from tests.conftest import Auth
from tests.feedback.factories import create_survey
from tests.trainings.factories import create_session
from trainings.operations.feedback import attach_survey


def ratings(survey) -> dict[str, str]:
    """Answers to the required questions."""
    return {
        f"q{q.id}": "9" if q.kind == QuestionType.NPS else "4"
        for q in survey.questions
        if q.required
    }


def responses() -> list[Response]:
    """Every stored response."""
    return list(db.session.scalars(sa.select(Response)))


def test_a_private_sessions_feedback_is_not_open_to_any_account(
    client: FlaskClient, auth: Auth
) -> None:
    session = create_session(starts_in=timedelta(days=-1))
    survey = attach_survey(session)
    db.session.commit()
    auth.login(Role.PARTICIPANT)  # not invited, not even registered

    assert client.get(f"/feedback/s/{survey.id}").status_code == 404
    assert client.post(f"/feedback/s/{survey.id}", data=ratings(survey)).status_code == 404
    assert responses() == []


def test_a_survey_closed_to_accounts_hides_its_logged_in_link(
    client: FlaskClient, auth: Auth
) -> None:
    owner = auth.login(Role.TRAINER)
    survey = create_survey(owner=owner, open_to_accounts=False)
    page = client.get(f"/feedback/surveys/{survey.id}").get_data(as_text=True)
    assert f"/feedback/s/{survey.id}" not in page
    survey.open_to_accounts = True
    db.session.commit()
    page = client.get(f"/feedback/surveys/{survey.id}").get_data(as_text=True)
    assert f"http://localhost/feedback/s/{survey.id}" in page


def test_the_public_link_takes_one_answer_per_browser(client: FlaskClient) -> None:
    survey = create_survey()
    first = client.post(f"/feedback/a/{survey.public_token}", data=ratings(survey))
    assert survey.thanks in first.get_data(as_text=True)
    again = client.post(f"/feedback/a/{survey.public_token}", data=ratings(survey))
    assert "Olet jo vastannut" in again.get_data(as_text=True)
    assert "Olet jo vastannut" in client.get(f"/feedback/a/{survey.public_token}").get_data(
        as_text=True
    )
    assert len(responses()) == 1


def test_a_context_in_the_public_link_is_not_stored(client: FlaskClient) -> None:
    survey = create_survey()
    client.post(f"/feedback/a/{survey.public_token}?c=maija@example.fi", data=ratings(survey))
    [stored] = responses()
    assert stored.context == ""


def test_an_anonymous_invitation_answer_keeps_only_the_day(client: FlaskClient) -> None:
    survey = create_survey(anonymous=True)
    invitation = Invitation(survey_id=survey.id, email="maija@example.fi", context="session:1")
    db.session.add(invitation)
    db.session.commit()

    page = client.get(f"/feedback/i/{invitation.token}").get_data(as_text=True)
    assert "Vastauksesi ovat nimettömiä" in page  # it says what it stores
    client.post(f"/feedback/i/{invitation.token}", data=ratings(survey))

    [stored] = responses()
    assert stored.invitation_id is None and stored.user_id is None
    assert stored.context == "session:1"  # the owner's label, the same for all invited with it
    db.session.refresh(invitation)
    assert invitation.answered_at is not None
    assert (invitation.answered_at.hour, invitation.answered_at.minute) == (0, 0)
    again = client.post(f"/feedback/i/{invitation.token}", data=ratings(survey))
    assert "Olet jo vastannut" in again.get_data(as_text=True)
    assert len(responses()) == 1


def test_a_named_survey_says_so_and_keeps_the_invitation(client: FlaskClient) -> None:
    survey = create_survey(anonymous=False)
    invitation = Invitation(survey_id=survey.id, email="maija@example.fi")
    db.session.add(invitation)
    db.session.commit()
    page = client.get(f"/feedback/i/{invitation.token}").get_data(as_text=True)
    assert "Tämä kysely ei ole nimetön" in page
    client.post(f"/feedback/i/{invitation.token}", data=ratings(survey))
    [stored] = responses()
    assert stored.invitation_id == invitation.id
