"""Course rules: authoring, enrolment, progress and completion. Flush, never commit."""

from __future__ import annotations

import logging
from dataclasses import dataclass

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
from courses.skills import latest, skill_check_of
from feedback.answers import has_answered
from feedback.models import Response
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Membership, Organisation, Role, User
from trainings.models import Registration

log = logging.getLogger(__name__)


@dataclass
class Progress:
    """How far a person is on a course."""

    done: set[int]
    ticked: set[tuple[int, int]]
    required: int
    required_done: int

    @property
    def percent(self) -> int:
        """Required modules done, in percent."""
        return round(100 * self.required_done / self.required) if self.required else 100


def enrol(
    user: User, course: Course, organisation: Organisation | None = None, key: bool = False
) -> Enrolment:
    """Put a person on a published course (open ones for everyone, others with a key); once."""
    if not course.published:
        raise RuleViolation(_("This course is not published."))
    if not (course.open_enrolment or key):
        raise RuleViolation(_("This course needs an enrolment link from your organisation."))
    existing = db.session.scalar(
        sa.select(Enrolment).where(Enrolment.user_id == user.id, Enrolment.course_id == course.id)
    )
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
    except IntegrityError:
        return db.session.scalar(
            sa.select(Enrolment).where(
                Enrolment.user_id == user.id, Enrolment.course_id == course.id
            )
        )
    log.info("%s enrolled on %s", user.email, course.slug)
    return enrolment


def enrol_with_key(user: User, token: str) -> Enrolment:
    """Enrol through an organisation's link; the person becomes the organisation's participant."""
    key = db.session.scalar(sa.select(EnrolmentKey).where(EnrolmentKey.token == token))
    if key is None:
        raise RuleViolation(_("This enrolment link is not valid."))
    return enrol(user, key.course, key.organisation, key=True)


def make_key(actor: User, course: Course, organisation: Organisation) -> EnrolmentKey:
    """An enrolment link for an organisation's staff, made by its customer contacts or admins."""
    member = db.session.get(Membership, (organisation.id, actor.id)) is not None
    if not (actor.has_role(Role.ADMIN) or (actor.has_role(Role.CUSTOMER) and member)):
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


def progress(enrolment: Enrolment) -> Progress:
    """Done modules and ticked tasks of one enrolment (two queries)."""
    return progress_for([enrolment])[enrolment.id]


def progress_for(enrolments: list[Enrolment]) -> dict[int, Progress]:
    """Progress of many enrolments in two queries, by enrolment id."""
    ids = [e.id for e in enrolments]
    done: dict[int, set[int]] = {i: set() for i in ids}
    ticked: dict[int, set[tuple[int, int]]] = {i: set() for i in ids}
    if ids:
        rows = db.session.execute(
            sa.select(ModuleDone.enrolment_id, ModuleDone.module_id).where(
                ModuleDone.enrolment_id.in_(ids)
            )
        )
        for enrolment_id, module_id in rows:
            done[enrolment_id].add(module_id)
        rows = db.session.execute(
            sa.select(TaskTicked.enrolment_id, TaskTicked.module_id, TaskTicked.task).where(
                TaskTicked.enrolment_id.in_(ids)
            )
        )
        for enrolment_id, module_id, task in rows:
            ticked[enrolment_id].add((module_id, task))
    result = {}
    for enrolment in enrolments:
        required = {m.id for m in enrolment.course.modules if m.required}
        finished = done[enrolment.id]
        result[enrolment.id] = Progress(
            finished, ticked[enrolment.id], len(required), len(finished & required)
        )
    return result


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


def missing_for_completion(enrolment: Enrolment) -> list[str]:
    """What is still needed to complete the course, in words (empty when complete)."""
    missing = []
    state = progress(enrolment)
    if state.required_done < state.required:
        missing.append(
            _(
                "%(done)d of %(total)d required modules done",
                done=state.required_done,
                total=state.required,
            )
        )
    course = enrolment.course
    check = skill_check_of(course)
    if check is not None and latest(check, enrolment.user, "after") is None:
        missing.append(_("the skill check after the course is not taken yet"))
    survey = course.feedback_survey if course.requires_feedback else None
    if survey is not None and not has_answered(survey, user=enrolment.user):
        missing.append(_("the course feedback is not answered yet"))
    return missing


def check_completion(enrolment: Enrolment) -> bool:
    """Record completion (with its time) once the rule is met; True when complete."""
    if enrolment.completed_at is None and not missing_for_completion(enrolment):
        enrolment.completed_at = utcnow()
        db.session.flush()
        log.info("%s completed %s", enrolment.user.email, enrolment.course.slug)
        from courses.certificates import issue_for_enrolment  # certificates build on completion

        issue_for_enrolment(enrolment)
    return enrolment.completed_at is not None


def continue_module(enrolment: Enrolment, done: set[int]) -> Module | None:
    """Where to continue: the last module touched if unfinished, else the first not done."""
    modules = enrolment.course.modules
    last = next((m for m in modules if m.id == enrolment.last_module_id), None)
    if last is not None and last.id not in done:
        return last
    return next((m for m in modules if m.id not in done), None)


def enrol_registrant(registration: Registration) -> list[Enrolment]:
    """Enrol someone registered to a session on the published courses linked to its workshop."""
    user = registration.user or db.session.scalar(
        sa.select(User).where(User.email == registration.email)
    )
    if user is None:
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


def complete_after_feedback(response: Response) -> list[Enrolment]:
    """Check the completion of the answerer's enrolments whose course needed this feedback."""
    if response.user_id is None:
        return []
    waiting = db.session.scalars(
        sa.select(Enrolment)
        .join(Course, Course.id == Enrolment.course_id)
        .where(
            Enrolment.user_id == response.user_id,
            Enrolment.completed_at.is_(None),
            Course.requires_feedback.is_(True),
            Course.feedback_survey_id == response.survey_id,
        )
    ).all()
    return [enrolment for enrolment in waiting if check_completion(enrolment)]
