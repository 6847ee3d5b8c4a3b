"""Factories for courses."""

from __future__ import annotations

import itertools

from courses.models import Course, Enrolment, Module
from paja.extensions import db
from paja.models import Role, User
from tests import factories

_sequence = itertools.count(1)


def create_course(
    author: User | None = None,
    modules: int = 3,
    published: bool = True,
    open_enrolment: bool = True,
    requires_feedback: bool = False,
) -> Course:
    """A course with modules 'Osio 1'…; the last one optional when there are more than two."""
    n = next(_sequence)
    author = author or factories.create_user(roles={Role.TRAINER})
    course = Course(
        slug=f"kurssi-{n}",
        title=f"Kurssi {n}",
        published=published,
        open_enrolment=open_enrolment,
        requires_feedback=requires_feedback,
        author_id=author.id,
    )
    for position in range(modules):
        course.modules.append(
            Module(
                position=position,
                title=f"Osio {position + 1}",
                body="**Teksti**",
                tasks_text="Tee tämä\nJa tämä",
                required=not (modules > 2 and position == modules - 1),
            )
        )
    db.session.add(course)
    db.session.commit()
    return course


def enrol(user: User, course: Course) -> Enrolment:
    """An enrolment."""
    enrolment = Enrolment(user_id=user.id, course_id=course.id)
    db.session.add(enrolment)
    db.session.commit()
    return enrolment
