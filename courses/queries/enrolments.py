"""Enrolments and enrolment links as the course pages need them."""

from __future__ import annotations

import sqlalchemy as sa

from courses.models import Course, Enrolment, EnrolmentKey
from feedback.models import Survey
from paja.extensions import db
from paja.models import Organisation, User


def enrolment_of(user: User, course: Course) -> Enrolment | None:
    """The user's enrolment on the course (None for anonymous visitors)."""
    if not user.is_authenticated:
        return None
    return db.session.scalar(
        sa.select(Enrolment).where(Enrolment.user_id == user.id, Enrolment.course_id == course.id)
    )


def enrolments_of(user: User) -> list[Enrolment]:
    """The user's enrolments, newest first."""
    return list(
        db.session.scalars(
            sa.select(Enrolment)
            .where(Enrolment.user_id == user.id)
            .order_by(Enrolment.enrolled_at.desc(), Enrolment.id.desc())
        )
    )


def is_participant_asked(survey: Survey, user: User) -> bool:
    """Whether the user is enrolled on a course that asks for this survey as its feedback."""
    enrolled = (
        sa.select(Enrolment.id)
        .join(Course, Course.id == Enrolment.course_id)
        .where(Enrolment.user_id == user.id, Course.feedback_survey_id == survey.id)
        .limit(1)
    )
    return db.session.scalar(enrolled) is not None


def waiting_for_feedback(survey_id: int, user: User) -> list[Enrolment]:
    """The answerer's unfinished enrolments on courses that need this survey answered."""
    return list(
        db.session.scalars(
            sa.select(Enrolment)
            .join(Course, Course.id == Enrolment.course_id)
            .where(
                Enrolment.user_id == user.id,
                Enrolment.completed_at.is_(None),
                Course.requires_feedback.is_(True),
                Course.feedback_survey_id == survey_id,
            )
        )
    )


def key_by_token(token: str) -> EnrolmentKey | None:
    """The enrolment link with this token."""
    return db.session.scalar(sa.select(EnrolmentKey).where(EnrolmentKey.token == token))


def keys_for(course: Course, organisations: list[Organisation]) -> list[EnrolmentKey]:
    """The enrolment links these organisations have for the course."""
    if not organisations:
        return []
    return list(
        db.session.scalars(
            sa.select(EnrolmentKey)
            .where(
                EnrolmentKey.course_id == course.id,
                EnrolmentKey.organisation_id.in_([o.id for o in organisations]),
            )
            .order_by(EnrolmentKey.id)
        )
    )
