"""Each session has a feedback survey; attendees get its link; trainers and customers read it."""

from datetime import timedelta

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from feedback.models import QuestionType, Response
from paja.extensions import db
from paja.mail import Mail
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.trainings.factories import (
    create_registration,
    create_session,
    create_trainer,
    without_certificates,
)
from trainings.models import RegistrationStatus
from trainings.operations.feedback import attach_survey


def answers_for(survey, rating: int, score: int) -> dict:
    return {
        f"q{q.id}": str(score if q.kind == QuestionType.NPS else rating)
        for q in survey.questions
        if q.required
    }


def test_attendees_get_the_feedback_link_once_delivered(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    trainer = create_trainer()
    session = create_session(trainers=(trainer,), starts_in=timedelta(days=-1))
    attach_survey(session)
    db.session.commit()
    present = create_registration(session)
    absent = create_registration(session)
    create_registration(session, status=RegistrationStatus.WAITING)
    auth.login(trainer.user)
    client.post(f"/trainings/sessions/{session.id}/attendance", data={"present": [str(present.id)]})
    mails[:] = without_certificates(mails)
    assert [m.to for m in mails] == [present.email]
    assert mails[0].subject == f"Vastaathan: {session.feedback_survey.title}"
    link = next(line for line in mails[0].body.splitlines() if "/feedback/i/" in line).split(
        "localhost", 1
    )[1]
    auth.logout()
    client.post(link, data=answers_for(session.feedback_survey, 5, 10))
    stored = db.session.scalar(sa.select(Response))
    assert stored.context == f"session:{session.id}"
    mails.clear()
    auth.login(trainer.user)
    client.post(
        f"/trainings/sessions/{session.id}/attendance",
        data={"present": [str(present.id), str(absent.id)]},
    )
    assert without_certificates(mails) == []  # saving attendance again sends no second round


def test_trainer_overview_and_session_summary(app: Flask, client: FlaskClient, auth: Auth) -> None:
    trainer = create_trainer()
    sessions = [create_session(trainers=(trainer,), starts_in=timedelta(days=-d)) for d in (10, 3)]
    for session, ratings in zip(sessions, ((3, 4, 5), (5, 5, 4)), strict=True):
        attach_survey(session)
        db.session.commit()
        for rating in ratings:  # each from a browser of its own: one answer per browser
            app.test_client().post(
                f"/feedback/a/{session.feedback_survey.public_token}",
                data=answers_for(session.feedback_survey, rating, 9),
            )
    auth.login(trainer.user)
    page = client.get("/trainings/feedback").get_data(as_text=True)
    assert page.index(">4,67</td>") < page.index(">4</td>")  # newest session first
    assert "<polyline" in page
    summary = client.get(f"/trainings/sessions/{sessions[1].id}/feedback").get_data(as_text=True)
    assert "NPS 100" in summary
    auth.login(create_trainer().user)
    assert client.get(f"/trainings/sessions/{sessions[1].id}/feedback").status_code == 403
    assert "4,67" not in client.get("/trainings/feedback").get_data(as_text=True)


def test_customer_reads_own_sessions_feedback_only(client: FlaskClient, auth: Auth) -> None:
    customer = auth.login(Role.CUSTOMER)
    own = create_session(organisation=factories.create_organisation(members=(customer,)))
    other = create_session(organisation=factories.create_organisation())
    for session in (own, other):
        attach_survey(session)
    db.session.commit()
    page = client.get(f"/trainings/sessions/{own.id}/feedback")
    assert page.status_code == 200
    assert "alle 3 vastausta" in page.get_data(
        as_text=True
    ).lower() or "Alle 3 vastausta" in page.get_data(as_text=True)
    assert "answers.csv" not in page.get_data(as_text=True)  # only the survey's owner exports
    assert client.get(f"/trainings/sessions/{other.id}/feedback").status_code == 403


def test_a_shared_survey_is_filtered_by_session_with_readable_names(
    client: FlaskClient, auth: Auth
) -> None:
    from tests.feedback.factories import answer, create_survey

    owner = auth.login(Role.TRAINER)
    survey = create_survey(owner=owner)
    first, second = create_session(), create_session()
    for session, ratings in ((first, (5, 5, 4)), (second, (2, 3, 3))):
        for rating in ratings:
            answer(survey, {survey.questions[0]: rating}, context=session.feedback_context)
    page = client.get(
        f"/feedback/surveys/{survey.id}/summary?context={second.feedback_context}"
    ).get_data(as_text=True)
    assert f">{second.offering.title}, " in page
    assert "keskiarvo 2,67" in page
