"""Courses and modules, enrolments and progress."""

from __future__ import annotations

import secrets
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.models import Survey
from paja.database import UTCDateTime, utcnow
from paja.extensions import db
from paja.lists import lines
from paja.models import Organisation, Role, User
from trainings.models import Offering

course_offerings = sa.Table(
    "course_offerings",
    db.metadata,
    sa.Column("course_id", sa.ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("offering_id", sa.ForeignKey("offerings.id", ondelete="CASCADE"), primary_key=True),
)


class Course(db.Model):
    """A course of modules; drafts are seen only by their authors."""

    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(120), unique=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    level: Mapped[str] = mapped_column(sa.String(20), default="beginner")
    language: Mapped[str] = mapped_column(sa.String(5), default="fi")
    hours: Mapped[Decimal] = mapped_column(sa.Numeric(5, 1), default=Decimal("1.0"))
    published: Mapped[bool] = mapped_column(default=False)
    open_enrolment: Mapped[bool] = mapped_column(default=True)
    requires_feedback: Mapped[bool] = mapped_column(default=False)
    feedback_survey_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("surveys.id", ondelete="SET NULL")
    )
    next_course_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("courses.id", ondelete="SET NULL")
    )
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    modules: Mapped[list[Module]] = relationship(
        back_populates="course",
        order_by="Module.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    offerings: Mapped[list[Offering]] = relationship(secondary=course_offerings, lazy="selectin")
    feedback_survey: Mapped[Survey | None] = relationship()
    next_course: Mapped[Course | None] = relationship(
        remote_side=[id], foreign_keys=[next_course_id], back_populates="previous_courses"
    )
    previous_courses: Mapped[list[Course]] = relationship(back_populates="next_course")

    def can_edit(self, user: User) -> bool:
        """Admins, and trainers for the courses they wrote."""
        if not user.is_authenticated:
            return False
        return user.has_role(Role.ADMIN) or (
            user.has_role(Role.TRAINER) and user.id == self.author_id
        )

    def can_view(self, user: User) -> bool:
        """Published courses for everyone; drafts for their editors."""
        return self.published or self.can_edit(user)


class Module(db.Model):
    """A module: Markdown text and a checklist of practical tasks (one per line)."""

    __tablename__ = "modules"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(
        sa.ForeignKey("courses.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(200))
    body: Mapped[str] = mapped_column(sa.Text, default="")
    minutes: Mapped[int] = mapped_column(default=15)
    required: Mapped[bool] = mapped_column(default=True)
    tasks_text: Mapped[str] = mapped_column(sa.Text, default="")

    course: Mapped[Course] = relationship(back_populates="modules")

    def can_edit(self, user: User) -> bool:
        """Whoever may edit its course."""
        return self.course.can_edit(user)

    @property
    def tasks(self) -> list[str]:
        """The practical tasks, in order."""
        return lines(self.tasks_text)


class Enrolment(db.Model):
    """A person on a course; completion is recorded with its time."""

    __tablename__ = "enrolments"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "course_id", name="uq_enrolments_user_course"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    course_id: Mapped[int] = mapped_column(
        sa.ForeignKey("courses.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="SET NULL")
    )
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_module_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("modules.id", ondelete="SET NULL")
    )

    course: Mapped[Course] = relationship(lazy="joined", innerjoin=True)
    user: Mapped[User] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class ModuleDone(db.Model):
    """A module an enrolled person has finished."""

    __tablename__ = "modules_done"

    enrolment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("enrolments.id", ondelete="CASCADE"), primary_key=True
    )
    module_id: Mapped[int] = mapped_column(
        sa.ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True
    )
    done_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TaskTicked(db.Model):
    """A practical task an enrolled person has ticked."""

    __tablename__ = "tasks_ticked"

    enrolment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("enrolments.id", ondelete="CASCADE"), primary_key=True
    )
    module_id: Mapped[int] = mapped_column(
        sa.ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True
    )
    task: Mapped[int] = mapped_column(primary_key=True)


class EnrolmentKey(db.Model):
    """A link a customer hands to their staff: it enrols them on a course as the organisation's."""

    __tablename__ = "enrolment_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("courses.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="CASCADE")
    )
    token: Mapped[str] = mapped_column(
        sa.String(64), unique=True, default=lambda: secrets.token_urlsafe(18)
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    course: Mapped[Course] = relationship()
    organisation: Mapped[Organisation] = relationship()
