"""What a programme may link to: the catalogue's workshops and the courses."""

from __future__ import annotations

import sqlalchemy as sa

from courses.models import Course
from paja.extensions import db
from trainings.models import Offering


def linkable_offerings() -> list[Offering]:
    """Workshops in the catalogue, by title."""
    return list(db.session.scalars(sa.select(Offering).order_by(Offering.title)))


def linkable_courses() -> list[Course]:
    """Courses, by title."""
    return list(db.session.scalars(sa.select(Course).order_by(Course.title)))
