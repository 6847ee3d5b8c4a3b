"""A double submit or a race never stores two answers for one invitation or one user."""

import sqlalchemy as sa
from flask import Flask

from feedback.models import Answerer, Invitation, QuestionType, Response
from paja.extensions import db
from paja.models import User
from tests.racing import race

RACERS = 12


def test_racing_answers_store_one_per_invitation_and_per_user(racing_app: Flask) -> None:
    from tests import factories
    from tests.feedback.factories import create_survey

    with racing_app.app_context():
        survey = create_survey(anonymous=False)
        invitation = Invitation(survey_id=survey.id, email="kilpa@example.fi")
        user = factories.create_user()
        db.session.add(invitation)
        db.session.commit()
        answers = {
            f"q{q.id}": "9" if q.kind == QuestionType.NPS else "4"
            for q in survey.questions
            if q.required
        }
        survey_id, token, user_id = survey.id, invitation.token, user.id
    codes = race(racing_app, f"/feedback/i/{token}", [answers] * RACERS)
    assert codes == [200] * RACERS
    with racing_app.app_context():
        user = db.session.get(User, user_id)
        db.session.expunge(user)
    codes = race(racing_app, f"/feedback/s/{survey_id}", [answers] * RACERS, login=user)
    assert codes == [200] * RACERS
    with racing_app.app_context():
        rows = db.session.execute(
            sa.select(Response.invitation_id.is_not(None), Response.user_id).where(
                Response.survey_id == survey_id
            )
        ).all()
    assert sorted(rows, key=str) == sorted([(True, None), (False, user_id)], key=str)


def test_racing_answers_to_an_anonymous_survey_store_one_linked_to_nobody(
    racing_app: Flask,
) -> None:
    from tests import factories
    from tests.feedback.factories import create_survey

    with racing_app.app_context():
        survey = create_survey(anonymous=True)
        user = factories.create_user()
        answers = {
            f"q{q.id}": "9" if q.kind == QuestionType.NPS else "4"
            for q in survey.questions
            if q.required
        }
        survey_id, user_id = survey.id, user.id
        db.session.expunge(user)
    codes = race(racing_app, f"/feedback/s/{survey_id}", [answers] * RACERS, login=user)
    assert codes == [200] * RACERS
    with racing_app.app_context():
        stored = db.session.scalars(
            sa.select(Response.user_id).where(Response.survey_id == survey_id)
        ).all()
        answerers = db.session.scalars(
            sa.select(Answerer.user_id).where(Answerer.survey_id == survey_id)
        ).all()
    assert stored == [None]  # one answer, and it names nobody
    assert answerers == [user_id]  # yet the account cannot answer again
