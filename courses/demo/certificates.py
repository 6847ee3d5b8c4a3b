"""Demo certificates: the ministry's staff complete the basics, attendees of the delivered session."""

from __future__ import annotations

import sqlalchemy as sa

from courses.models import Course, Enrolment
from courses.operations.certificates import issue_for_attendance
from courses.operations.enrolments import mark_done
from paja.extensions import db
from paja.models import User
from trainings.models import SessionStatus, TrainingSession


def load_certificates_demo() -> None:
    """The ministry's staff complete the basics course; its attendees get attendance certificates."""
    course = db.session.scalar(sa.select(Course).where(Course.slug == "twitter-perusteet"))
    if course is None:
        return
    staff = db.session.scalars(
        sa.select(Enrolment)
        .join(User, User.id == Enrolment.user_id)
        .where(
            Enrolment.course_id == course.id,
            Enrolment.completed_at.is_(None),
            User.email.like("asiantuntija%@sm.example"),
        )
    ).all()
    for enrolment in staff:
        for module in course.modules:
            mark_done(enrolment, module)
    delivered = db.session.scalars(
        sa.select(TrainingSession).where(TrainingSession.status == SessionStatus.DELIVERED)
    ).all()
    for session in delivered:
        issue_for_attendance(session)
    db.session.flush()
