"""When a course is complete: required modules, the skill check after, the course feedback."""

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from courses.operations.enrolments import (
    check_completion,
    mark_done,
)
from courses.queries.progress import missing_for_completion, progress
from feedback.models import Answer, Answerer, Response
from feedback.operations.answers import submit
from paja.extensions import db
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.courses.factories import certificate_of, create_course
from tests.courses.factories import enrol as enrol_directly
from tests.feedback.factories import create_survey


@pytest.mark.parametrize(
    ("done_required", "requires_feedback", "answered", "complete"),
    [
        (False, False, False, False),
        (True, False, False, True),
        (True, True, False, False),
        (True, True, True, True),
        (False, True, True, False),
    ],
)
def test_completion_rule(
    app: Flask, done_required: bool, requires_feedback: bool, answered: bool, complete: bool
) -> None:
    user = factories.create_user()
    course = create_course(modules=3, requires_feedback=requires_feedback)
    course.feedback_survey = create_survey()
    enrolment = enrol_directly(user, course)
    if answered:
        db.session.add(Answerer(survey_id=course.feedback_survey.id, user_id=user.id))
    for module in course.modules[:2] if done_required else course.modules[:1]:
        mark_done(enrolment, module)
    assert check_completion(enrolment) is complete
    assert (enrolment.completed_at is not None) is complete
    assert (missing_for_completion(enrolment) == []) is complete
    assert (certificate_of(enrolment) is not None) is complete  # issued exactly on completion


def test_optional_modules_do_not_block_completion_and_undo_keeps_the_record(app: Flask) -> None:
    user, course = factories.create_user(), create_course(modules=3)
    enrolment = enrol_directly(user, course)
    mark_done(enrolment, course.modules[0])
    assert progress(enrolment).percent == 50
    mark_done(enrolment, course.modules[1])
    assert enrolment.completed_at is not None
    assert progress(enrolment).percent == 100


@pytest.mark.parametrize("anonymous", [False, True])
def test_answering_the_feedback_last_completes_the_course(
    client: FlaskClient, auth: Auth, mails, anonymous: bool
) -> None:
    user = auth.login(Role.PARTICIPANT)
    course = create_course(modules=2, requires_feedback=True)
    course.feedback_survey = create_survey(anonymous=anonymous, open_to_accounts=False)
    db.session.commit()
    enrolment = enrol_directly(user, course)
    for module in course.modules:
        client.post(f"/courses/{course.slug}/modules/{module.id}/done", data={"done": "1"})
    db.session.refresh(enrolment)
    assert enrolment.completed_at is None  # only the feedback is missing now
    assert missing_for_completion(enrolment) == ["kurssipalautteeseen ei ole vielä vastattu"]
    survey = course.feedback_survey
    ratings = {f"q{q.id}": "5" for q in survey.questions if q.required}
    response = client.post(f"/feedback/s/{survey.id}", data=ratings)
    assert survey.thanks in response.get_data(as_text=True)
    db.session.refresh(enrolment)
    assert enrolment.completed_at is not None
    assert certificate_of(enrolment) is not None
    stored = db.session.scalar(sa.select(Response).where(Response.survey_id == survey.id))
    assert stored is not None
    assert (stored.user_id is None) is anonymous  # an anonymous answer links to nobody
    page = client.get(f"/courses/{course.slug}").get_data(as_text=True)
    assert "Suoritettu " in page and "Lataa todistuksesi (PDF)" in page


def test_an_anonymous_answer_completes_nobody(app: Flask) -> None:
    user = factories.create_user()
    course = create_course(modules=1, requires_feedback=True)
    course.feedback_survey = create_survey()
    enrolment = enrol_directly(user, course)
    mark_done(enrolment, course.modules[0])
    first = course.feedback_survey.questions[0]
    submit(course.feedback_survey, [Answer(question_id=first.id, number=4)])
    assert enrolment.completed_at is None
