"""What the courses API reads: pages of courses, of one's progress and of certificates, each
in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from courses.models import Certificate, Course, Enrolment
from courses.queries.certificates import LIVE, of_staff
from courses.queries.progress import Progress, progress_for
from paja.extensions import db
from paja.models import User


def courses_after(after: int, limit: int) -> list[Course]:
    """Up to limit + 1 published courses by id after the cursor (modules in one query)."""
    return list(
        db.session.scalars(
            sa.select(Course)
            .options(joinedload(Course.next_course))
            .where(Course.published.is_(True), Course.id > after)
            .order_by(Course.id)
            .limit(limit + 1)
        )
    )


@dataclass(frozen=True)
class ProgressRow:
    """An enrolment with how far it is."""

    enrolment: Enrolment
    progress: Progress


def progress_after(user: User, after: int, limit: int) -> list[ProgressRow]:
    """Up to limit + 1 of the user's enrolments by id after the cursor, with progress."""
    enrolments = list(
        db.session.scalars(
            sa.select(Enrolment)
            .where(Enrolment.user_id == user.id, Enrolment.id > after)
            .order_by(Enrolment.id)
            .limit(limit + 1)
        )
    )
    states = progress_for(enrolments)
    return [ProgressRow(enrolment, states[enrolment.id]) for enrolment in enrolments]


def certificates_after(
    user: User, organisation_id: int | None, after: int, limit: int
) -> list[Certificate]:
    """Up to limit + 1 certificates by id after the cursor: with an organisation, the valid
    ones of its staff (as its contacts see them); else the person's own, not replaced."""
    whose = (
        of_staff([organisation_id])
        if organisation_id is not None
        else sa.and_(Certificate.user_id == user.id, LIVE)
    )
    return list(
        db.session.scalars(
            sa.select(Certificate)
            .where(whose, Certificate.id > after)
            .order_by(Certificate.id)
            .limit(limit + 1)
        )
    )
