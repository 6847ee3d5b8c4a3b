"""A double submit or a race never stores two answers for one invitation or one user."""

import sqlalchemy as sa
from flask import Flask

from feedback.models import Invitation, QuestionType, Response
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
