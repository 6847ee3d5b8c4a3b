"""Factories for courses."""

from __future__ import annotations

import itertools

import sqlalchemy as sa

from courses.models import (
    Area,
    Certificate,
    Course,
    Enrolment,
    KnowledgeQuestion,
    Module,
    SkillCheck,
)
from courses.operations.enrolments import mark_done
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


def create_skill_check(course: Course, retake: bool = False) -> SkillCheck:
    """Two areas of two statements each; a knowledge question in the first area (right answer: 1)."""
    check = SkillCheck(
        course_id=course.id, intermediate_from=40, advanced_from=75, allow_retake=retake
    )
    check.areas = [
        Area(
            position=0,
            name="Profiili ja perusteet",
            statements_text="Osaan luoda tunnuksen\nOsaan muokata profiilia",
            module_id=course.modules[0].id,
        ),
        Area(
            position=1,
            name="Keskusteluun osallistuminen",
            statements_text="Osaan vastata\nOsaan mainita",
            module_id=course.modules[1].id,
        ),
    ]
    db.session.add(check)
    db.session.flush()
    check.questions = [
        KnowledgeQuestion(
            position=0,
            area_id=check.areas[0].id,
            text="Mikä on hyvä profiilikuva?",
            choices_text="Logo\nKasvokuva\nMaisema",
            correct="1",
            explanation="Kasvot tunnistetaan.",
        )
    ]
    db.session.commit()
    return check


def complete(user: User, course: Course) -> Enrolment:
    """Enrol the user and mark every required module done, so the course completes."""
    enrolment = enrol(user, course)
    for module in course.modules:
        if module.required:
            mark_done(enrolment, module)
    db.session.flush()
    return enrolment


def certificate_of(enrolment: Enrolment) -> Certificate:
    """The live certificate issued for a completed enrolment."""
    return db.session.scalar(
        sa.select(Certificate).where(
            Certificate.enrolment_id == enrolment.id, Certificate.superseded_by_id.is_(None)
        )
    )
