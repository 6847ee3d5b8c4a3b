"""A session's feedback figures through the API reach those its summary page reaches: its
trainers, admins, and the organisation that ordered it; anonymous answers under three stay
hidden, and nobody reaches another's session by its id."""

from flask.testing import FlaskClient

from feedback.models import QuestionType
from paja.extensions import db
from paja.models import Role
from tests import factories
from tests.api_helpers import token_for
from tests.feedback.factories import answer
from tests.trainings.factories import create_session, create_trainer
from trainings.operations.feedback import attach_survey


def test_session_feedback_reaches_its_trainer_and_ordering_organisation_only(
    client: FlaskClient,
) -> None:
    contact = factories.create_user(roles={Role.CUSTOMER})
    ours = factories.create_organisation(members=(contact,))
    trainer = create_trainer()
    session = create_session(organisation=ours)
    session.trainers.append(trainer)
    survey = attach_survey(session)
    db.session.commit()
    rating = next(q for q in survey.questions if q.kind == QuestionType.RATING)
    path = f"/api/v1/sessions/{session.id}/feedback"
    trainers = token_for(trainer.user, "surveys:read")
    answer(survey, {rating: 5})
    answer(survey, {rating: 3})
    early = client.get(path, headers=trainers).get_json()
    assert (early["responses"], early["hidden"]) == (2, True)
    answer(survey, {rating: 4})
    figures = client.get(path, headers=trainers).get_json()
    first = next(q for q in figures["questions"] if q["id"] == rating.id)
    assert (figures["hidden"], first["mean"]) == (False, "4.00")
    ordered = token_for(contact, "surveys:read", organisation=ours)
    assert client.get(path, headers=ordered).get_json()["responses"] == 3
    other_contact = factories.create_user(roles={Role.CUSTOMER})
    theirs = factories.create_organisation(members=(other_contact,))
    for headers in (
        token_for(other_contact, "surveys:read", organisation=theirs),
        token_for(factories.create_user(), "surveys:read"),
    ):
        assert client.get(path, headers=headers).status_code == 404
    without = create_session()
    response = client.get(f"/api/v1/sessions/{without.id}/feedback", headers=trainers)
    assert response.status_code == 404  # no survey yet
