"""Enrolment, progress marks and completion. Flush, never commit."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from courses.models import (
    Course,
    Enrolment,
    EnrolmentKey,
    Module,
    ModuleDone,
    TaskTicked,
    course_offerings,
)
from courses.queries.enrolments import enrolment_of, key_by_token, waiting_for_feedback
from courses.queries.progress import missing_for_completion
from courses.signals import completed
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Organisation, User
from paja.operations import find_user_by_email
from trainings.models import Registration

log = logging.getLogger(__name__)


def enrol(
    user: User, course: Course, organisation: Organisation | None = None, key: bool = False
) -> Enrolment:
    """Put a person on a published course (open ones for everyone, others with a key); once."""
    if not course.published:
        raise RuleViolation(_("This course is not published."))
    if not (course.open_enrolment or key):
        raise RuleViolation(_("This course needs an enrolment link from your organisation."))
    existing = enrolment_of(user, course)
    if existing is not None:
        return existing
    enrolment = Enrolment(
        user_id=user.id,
        course_id=course.id,
        organisation_id=organisation.id if organisation else None,
    )
    try:
        with db.session.begin_nested():
            db.session.add(enrolment)
    except IntegrityError:  # a racing request enrolled the same person first
        return enrolment_of(user, course) or enrolment
    log.info("%s enrolled on %s", user.email, course.slug)
    return enrolment


def enrol_with_key(user: User, token: str) -> Enrolment:
    """Enrol through an organisation's link; the person becomes the organisation's participant."""
    key = key_by_token(token)
    if key is None:
        raise RuleViolation(_("This enrolment link is not valid."))
    return enrol(user, key.course, key.organisation, key=True)


def make_key(actor: User, course: Course, organisation: Organisation) -> EnrolmentKey:
    """An enrolment link for an organisation's staff, made by its customer contacts or admins."""
    if not organisation.can_act_for_staff(actor):
        raise RuleViolation(_("Only the organisation's contacts can make enrolment links."))
    if not course.published:
        raise RuleViolation(_("This course is not published."))
    key = EnrolmentKey(course_id=course.id, organisation_id=organisation.id)
    db.session.add(key)
    db.session.flush()
    return key


def leave(enrolment: Enrolment) -> None:
    """Leave a course; progress goes with it."""
    db.session.delete(enrolment)
    db.session.flush()


def _add_once(row: ModuleDone | TaskTicked) -> None:
    """Store a mark unless a racing request (a double click) stored the same one first."""
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError:
        log.info("%r was already stored by a concurrent request", row)


def tick(enrolment: Enrolment, module: Module, task: int, ticked: bool) -> None:
    """Tick or untick a practical task."""
    if module.course_id != enrolment.course_id or not 0 <= task < len(module.tasks):
        raise RuleViolation(_("There is no such task."))
    existing = db.session.get(TaskTicked, (enrolment.id, module.id, task))
    if ticked and existing is None:
        _add_once(TaskTicked(enrolment_id=enrolment.id, module_id=module.id, task=task))
    elif not ticked and existing is not None:
        db.session.delete(existing)
    enrolment.last_module_id = module.id
    db.session.flush()


def mark_done(enrolment: Enrolment, module: Module, done: bool = True) -> None:
    """Mark a module done (or not), then check whether the course is complete."""
    if module.course_id != enrolment.course_id:
        raise RuleViolation(_("The module is not on this course."))
    existing = db.session.get(ModuleDone, (enrolment.id, module.id))
    if done and existing is None:
        _add_once(ModuleDone(enrolment_id=enrolment.id, module_id=module.id))
    elif not done and existing is not None:
        db.session.delete(existing)
    enrolment.last_module_id = module.id
    db.session.flush()
    check_completion(enrolment)


def check_completion(enrolment: Enrolment) -> bool:
    """Record completion (with its time) once the rule is met; True when complete.

    Completion is announced with the `courses.completed` signal (see subscriptions.py).
    """
    if enrolment.completed_at is None and not missing_for_completion(enrolment):
        enrolment.completed_at = utcnow()
        db.session.flush()
        log.info("%s completed %s", enrolment.user.email, enrolment.course.slug)
        completed.send(enrolment)
    return enrolment.completed_at is not None


def complete_after_feedback(survey_id: int, user: User) -> list[Enrolment]:
    """Check the completion of the answerer's enrolments whose course needed this feedback."""
    return [e for e in waiting_for_feedback(survey_id, user) if check_completion(e)]


def enrol_registrant(registration: Registration) -> list[Enrolment]:
    """Enrol someone registered to a session on the published courses linked to its workshop."""
    user = registration.user or find_user_by_email(registration.email)
    if user is None or registration.session.offering_id is None:
        return []
    courses = db.session.scalars(
        sa.select(Course)
        .join(course_offerings)
        .where(
            course_offerings.c.offering_id == registration.session.offering_id,
            Course.published.is_(True),
        )
    ).all()
    organisation = registration.session.organisation
    return [enrol(user, course, organisation, key=True) for course in courses]
