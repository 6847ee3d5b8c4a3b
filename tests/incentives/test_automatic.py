"""Points from what people do in Paja: once per event, taken back when the event is undone."""

from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import Flask

from courses.operations.skills import take
from feedback.models import Answer
from feedback.operations.answers import submit
from incentives.models import LedgerEntry, Participant, Score
from paja.database import utcnow
from paja.extensions import db
from plans.labels import Status
from plans.operations.calendar import set_status
from plans.operations.sections import save_section
from tests.courses.factories import complete, create_course, create_skill_check
from tests.incentives.factories import participant, programme
from tests.plans.factories import entry, personal_plan
from tests.trainings.factories import create_registration, create_session
from trainings.operations.feedback import attach_survey
from trainings.operations.sessions import mark_attendance


def points(person: Participant) -> int:
    db.session.expire_all()
    return (
        db.session.scalar(
            sa.select(sa.func.sum(Score.points)).where(Score.participant_id == person.id)
        )
        or 0
    )


def entries(person: Participant) -> int:
    return (
        db.session.scalar(sa.select(sa.func.count()).where(LedgerEntry.participant_id == person.id))
        or 0
    )


def test_attending_a_linked_workshop_counts_once_and_unmarking_takes_it_back(app: Flask) -> None:
    item = programme()
    person = participant(item)
    session = create_session(starts_in=timedelta(hours=-3))
    item.offerings = [session.offering]
    registration = create_registration(session, person.user)
    db.session.commit()
    manager = item.organisation.memberships[0].user
    mark_attendance(session, manager, {registration.id})
    mark_attendance(session, manager, {registration.id})  # saved twice: counted once
    assert points(person) == 20 and entries(person) == 1
    mark_attendance(session, manager, set())
    assert points(person) == 0 and entries(person) == 2
    other = create_session(starts_in=timedelta(hours=-3))  # a workshop not linked
    mark_attendance(other, manager, {create_registration(other, person.user).id})
    assert points(person) == 0


def test_a_linked_course_and_growth_between_skill_checks_count(app: Flask) -> None:
    item = programme()
    person = participant(item)
    course = create_course(modules=2)
    item.courses = [course]
    db.session.commit()
    complete(person.user, course)
    assert points(person) == 30
    unlinked = create_course(modules=1)
    complete(person.user, unlinked)
    assert points(person) == 30
    check = create_skill_check(course)

    def ratings(value: int) -> dict:
        return {(a.id, i): value for a in check.areas for i in range(len(a.statements))}

    take(check, person.user, "before", ratings(2), {})
    take(check, person.user, "after", ratings(4), {})
    assert points(person) == 30 + 20


def test_answering_a_sessions_feedback_counts_once_per_survey(app: Flask) -> None:
    item = programme()
    person = participant(item)
    session = create_session(starts_in=timedelta(hours=-3))
    survey = attach_survey(session)
    question = survey.questions[0]
    submit(survey, [Answer(question_id=question.id, number=5)], user=person.user)
    assert points(person) == 5


def test_plan_sections_and_published_entries_count_and_are_taken_back(app: Flask) -> None:
    item = programme()
    person = participant(item)
    plan = personal_plan(owner=person.user)
    save_section(plan, "6", {"6a": "Liitot", "6b": "Henkilöstö"}, 0, person.user)
    assert points(person) == 5
    save_section(plan, "6", {"6a": "Liitot"}, 1, person.user)
    assert points(person) == 0
    made = entry(plan, datetime(2027, 3, 2, 10), owner=person.user, channel="x")
    set_status(made, Status.PUBLISHED, person.user)
    set_status(made, Status.PUBLISHED, person.user)
    assert points(person) == 5
    set_status(made, Status.DRAFT, person.user)
    assert points(person) == 0


def test_nothing_counts_for_someone_who_left_or_a_programme_not_running(app: Flask) -> None:
    item = programme()
    person = participant(item)
    item.ends_on = (utcnow() - timedelta(days=2)).date()
    db.session.commit()
    plan = personal_plan(owner=person.user)
    save_section(plan, "2", {"2": "Tiedottaja"}, 0, person.user)
    assert points(person) == 0
