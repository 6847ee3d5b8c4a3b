"""Courses and their modules; a course may accompany workshops of the catalogue."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.models import Survey
from paja.database import Base, UTCDateTime, utcnow
from paja.lists import lines
from paja.models import Role, User
from trainings.models import Offering

if TYPE_CHECKING:
    from courses.models.enrolments import Enrolment

course_offerings = sa.Table(
    "course_offerings",
    Base.metadata,
    sa.Column("course_id", sa.ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("offering_id", sa.ForeignKey("offerings.id", ondelete="CASCADE"), primary_key=True),
)


class Course(Base):
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

    def can_open_modules(self, user: User, enrolment: Enrolment | None) -> bool:
        """The modules are for those enrolled (`enrolment` is the user's); editors preview them."""
        return enrolment is not None or self.can_edit(user)


class Module(Base):
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
