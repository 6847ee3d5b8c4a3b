"""Points from what people do in Paja: which event counts for which programme, and its source."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from courses.models import Attempt, Enrolment, SkillCheck
from feedback.models import Response
from incentives.labels import Source
from incentives.models import programme_courses, programme_offerings
from incentives.operations.ledger import auto_award, auto_revoke, helsinki_today
from paja.extensions import db
from paja.models import User
from plans.labels import Status
from plans.models import Entry, Plan
from plans.worksheet import BY_KEY
from trainings.models import Registration, TrainingSession


def attendance(session: TrainingSession) -> None:
    """Attending a session of a workshop linked to a programme counts; unmarking takes it back."""
    if session.offering_id is None:
        return
    linked = sa.select(programme_offerings.c.programme_id).where(
        programme_offerings.c.offering_id == session.offering_id
    )
    registrations = db.session.scalars(
        sa.select(Registration).where(
            Registration.session_id == session.id, Registration.user_id.is_not(None)
        )
    )
    for registration in registrations:
        user = registration.user
        assert user is not None
        source = f"attendance:{registration.id}"
        if registration.attended:
            reason = _("Attended: %(title)s", title=session.title)
            auto_award(user, Source.ATTENDANCE, source, helsinki_today(), reason, linked)
        else:
            auto_revoke(user, source, _("Attendance unmarked: %(title)s", title=session.title))


def course_completed(enrolment: Enrolment) -> None:
    """Completing a course linked to a programme counts."""
    linked = sa.select(programme_courses.c.programme_id).where(
        programme_courses.c.course_id == enrolment.course_id
    )
    reason = _("Completed the course %(title)s", title=enrolment.course.title)
    auto_award(
        enrolment.user, Source.COURSE, f"course:{enrolment.id}", helsinki_today(), reason, linked
    )


def skill_growth(attempt: Attempt) -> None:
    """An after skill check above the before one, on a linked course, counts once per check."""
    if attempt.phase != "after":
        return
    before = db.session.scalar(
        sa.select(Attempt.overall)
        .where(
            Attempt.skill_check_id == attempt.skill_check_id,
            Attempt.user_id == attempt.user_id,
            Attempt.phase == "before",
        )
        .order_by(Attempt.taken_at.desc())
        .limit(1)
    )
    check = db.session.get(SkillCheck, attempt.skill_check_id)
    user = db.session.get(User, attempt.user_id)
    if before is None or check is None or user is None or attempt.overall <= before:
        return
    linked = sa.select(programme_courses.c.programme_id).where(
        programme_courses.c.course_id == check.course_id
    )
    reason = _("Skills grew from %(before)s to %(after)s", before=before, after=attempt.overall)
    auto_award(user, Source.GROWTH, f"growth:{check.id}", helsinki_today(), reason, linked)


def feedback_answered(response: Response, user: User | None) -> None:
    """Answering the feedback of a session counts once per survey (logged-in answers only)."""
    if user is None:
        return
    session = db.session.scalar(
        sa.select(TrainingSession).where(TrainingSession.feedback_survey_id == response.survey_id)
    )
    if session is None:
        return
    reason = _("Gave feedback: %(title)s", title=session.title)
    auto_award(user, Source.FEEDBACK, f"feedback:{response.survey_id}", helsinki_today(), reason)


def plan_section(plan: Plan, key: str, complete: bool) -> None:
    """A completed section of one's own plan counts; emptying it again takes the points back."""
    if plan.organisation_id is not None:
        return
    source = f"plan:{plan.id}:{key}"
    title = f"{key}. {BY_KEY[key].title}"
    if complete:
        reason = _("Completed section %(title)s of the plan", title=title)
        auto_award(plan.owner, Source.PLAN_SECTION, source, helsinki_today(), reason)
    else:
        auto_revoke(plan.owner, source, _("Section %(title)s no longer complete", title=title))


def entry_published(entry: Entry) -> None:
    """An entry one owns marked published counts; taking it back takes the points back."""
    if entry.owner is None:
        return
    source = f"entry:{entry.id}"
    if entry.status == Status.PUBLISHED:
        reason = _("Published: %(topic)s", topic=entry.topic)
        auto_award(entry.owner, Source.PUBLISHED, source, helsinki_today(), reason)
    else:
        auto_revoke(entry.owner, source, _("No longer published: %(topic)s", topic=entry.topic))
