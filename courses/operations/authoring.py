"""Authoring rules for courses and modules. Flush, never commit."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal

from flask_babel import gettext as _

from courses.models import Course, Module
from feedback.operations.surveys import create_from_template
from paja.errors import RuleViolation
from paja.extensions import db
from paja.lists import move, reaches, take_out
from paja.models import User
from paja.slugs import check_slug
from trainings.models import Offering

log = logging.getLogger(__name__)


@dataclass
class CourseDetails:
    """What an author fills in about a course."""

    title: str
    slug: str
    description: str
    level: str
    language: str
    hours: Decimal
    published: bool
    open_enrolment: bool
    requires_feedback: bool
    next_course_id: int | None
    offerings: list[Offering] = field(default_factory=list)


@dataclass
class ModuleDetails:
    """What an author fills in about a module."""

    title: str
    body: str
    minutes: int
    required: bool
    tasks_text: str


def save_course(author: User, course: Course, details: CourseDetails) -> Course:
    """Create or update a course: unique address, no loop in the series."""
    taken = _("Another course already uses this address name.")
    check_slug(details.slug, "/courses", Course.slug, course.id, taken)
    following = db.session.get(Course, details.next_course_id) if details.next_course_id else None
    if reaches(following, course, lambda c: c.next_course):
        raise RuleViolation(_("The series cannot loop back to this course."), "next_course")
    for name in (
        "title",
        "slug",
        "description",
        "level",
        "language",
        "hours",
        "published",
        "open_enrolment",
        "requires_feedback",
    ):
        setattr(course, name, getattr(details, name))
    course.next_course = following
    course.offerings = list(details.offerings)
    if course.author_id is None:
        course.author_id = author.id
    if course.requires_feedback and course.feedback_survey is None:
        title = _("Feedback: %(title)s", title=course.title)
        course.feedback_survey = create_from_template(author, title, course.language, open_now=True)
        course.feedback_survey.anonymous = False  # completion needs to know who answered
    db.session.add(course)
    db.session.flush()
    log.info("course %s saved by %s", course.slug, author.email)
    return course


def add_module(course: Course, details: ModuleDetails) -> Module:
    """Add a module at the end."""
    module = Module(position=len(course.modules))
    _apply(module, details)
    course.modules.append(module)
    db.session.flush()
    return module


def update_module(module: Module, details: ModuleDetails) -> None:
    """Change a module."""
    _apply(module, details)
    db.session.flush()


def _apply(module: Module, details: ModuleDetails) -> None:
    """Copy details onto a module."""
    module.title = details.title.strip()
    module.body = details.body
    module.minutes = details.minutes
    module.required = details.required
    module.tasks_text = "\n".join(
        line.strip() for line in details.tasks_text.splitlines() if line.strip()
    )


def move_module(module: Module, step: int) -> None:
    """Move a module up (-1) or down (+1)."""
    move(module.course.modules, module, step)
    db.session.flush()


def remove_module(module: Module) -> None:
    """Delete a module (its progress marks go with it)."""
    take_out(module.course.modules, module)
    db.session.flush()
