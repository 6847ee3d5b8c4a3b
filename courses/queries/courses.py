"""Courses as the catalogue, the course pages and the editors need them."""

from __future__ import annotations

import sqlalchemy as sa

from courses.models import Course
from paja.extensions import db
from paja.models import Role, User
from trainings.models import Offering, TrainingSession
from trainings.queries.sessions import trained_by

GROUP_SESSIONS_SHOWN = 20


def published_courses() -> list[Course]:
    """Every published course; a series together, in its order (basics before continuation),
    the series and single courses by their first course's title."""
    courses = list(
        db.session.scalars(
            sa.select(Course).where(Course.published.is_(True)).order_by(Course.title, Course.id)
        )
    )
    return in_series_order(courses)


def in_series_order(courses: list[Course]) -> list[Course]:
    """The courses with each series following its chain of next courses from its start."""
    by_id = {course.id: course for course in courses}
    followed = {c.next_course_id for c in courses if c.next_course_id in by_id}
    ordered: list[Course] = []
    seen: set[int] = set()
    for start in [c for c in courses if c.id not in followed] + courses:  # + courses: cycles
        course: Course | None = start
        while course is not None and course.id not in seen:
            seen.add(course.id)
            ordered.append(course)
            course = by_id.get(course.next_course_id or 0)
    return ordered


def course_by_slug(slug: str) -> Course | None:
    """The course with this address name."""
    return db.session.scalar(sa.select(Course).where(Course.slug == slug))


def courses_editable_by(user: User) -> list[Course]:
    """The courses a user may edit: all for admins, their own for trainers."""
    statement = sa.select(Course).order_by(Course.title, Course.id)
    if not user.has_role(Role.ADMIN):
        statement = statement.where(Course.author_id == user.id)
    return list(db.session.scalars(statement))


def all_courses() -> list[Course]:
    """Every course, by title (for choosing the next one in a series)."""
    return list(db.session.scalars(sa.select(Course).order_by(Course.title, Course.id)))


def group_sessions(course: Course, user: User) -> list[TrainingSession]:
    """Sessions of the course's workshops that the user trains (any for admins), newest first."""
    if not user.is_authenticated or not user.has_role(Role.TRAINER, Role.ADMIN):
        return []
    statement = sa.select(TrainingSession).where(
        TrainingSession.offering_id.in_([o.id for o in course.offerings])
    )
    if not user.has_role(Role.ADMIN):
        statement = statement.where(TrainingSession.id.in_(trained_by(user)))
    newest = statement.order_by(TrainingSession.starts_at.desc()).limit(GROUP_SESSIONS_SHOWN)
    return list(db.session.scalars(newest))


def offerings_by_ids(ids: list[int]) -> list[Offering]:
    """The workshops with these ids (those a course accompanies)."""
    return list(db.session.scalars(sa.select(Offering).where(Offering.id.in_(ids))))
