"""Self-assessment skill checks: competence areas, statements, knowledge questions, attempts."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from courses.models.courses import Course, Module
from paja.database import Base, UTCDateTime, utcnow
from paja.lists import lines

PHASES = ("before", "after")
LEVELS = ("beginner", "intermediate", "advanced")


class SkillCheck(Base):
    """A course's skill check, taken before and after; levels start at the thresholds (0-100)."""

    __tablename__ = "skill_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(
        sa.ForeignKey("courses.id", ondelete="CASCADE"), unique=True
    )
    intermediate_from: Mapped[int] = mapped_column(default=40)
    advanced_from: Mapped[int] = mapped_column(default=75)
    allow_retake: Mapped[bool] = mapped_column(default=False)

    course: Mapped[Course] = relationship()
    areas: Mapped[list[Area]] = relationship(
        order_by="Area.position", cascade="all, delete-orphan", lazy="selectin"
    )
    questions: Mapped[list[KnowledgeQuestion]] = relationship(
        order_by="KnowledgeQuestion.position", cascade="all, delete-orphan", lazy="selectin"
    )

    def level(self, score: int) -> str:
        """The level a score reaches."""
        if score >= self.advanced_from:
            return "advanced"
        if score >= self.intermediate_from:
            return "intermediate"
        return "beginner"


class Area(Base):
    """A competence area with 'I can …' statements, and the module that teaches it."""

    __tablename__ = "skill_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    skill_check_id: Mapped[int] = mapped_column(
        sa.ForeignKey("skill_checks.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(sa.String(200))
    statements_text: Mapped[str] = mapped_column(sa.Text, default="")
    module_id: Mapped[int | None] = mapped_column(sa.ForeignKey("modules.id", ondelete="SET NULL"))

    module: Mapped[Module | None] = relationship()

    @property
    def statements(self) -> list[str]:
        """The statements, one per line."""
        return lines(self.statements_text)


class KnowledgeQuestion(Base):
    """A knowledge question with its correct option(s) and an explanation shown afterwards."""

    __tablename__ = "skill_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    skill_check_id: Mapped[int] = mapped_column(
        sa.ForeignKey("skill_checks.id", ondelete="CASCADE"), index=True
    )
    area_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("skill_areas.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(sa.String(500))
    choices_text: Mapped[str] = mapped_column(sa.Text)
    correct: Mapped[str] = mapped_column(sa.String(100))
    explanation: Mapped[str] = mapped_column(sa.Text, default="")

    @property
    def choices(self) -> list[str]:
        """The options, one per line."""
        return lines(self.choices_text)

    @property
    def correct_set(self) -> set[int]:
        """The indexes of the correct options."""
        return {int(part) for part in self.correct.split(",") if part.strip().isdigit()}

    @property
    def multiple(self) -> bool:
        """Whether several options are correct (checkboxes rather than radio buttons)."""
        return len(self.correct_set) > 1


class Attempt(Base):
    """One taking of a skill check in a phase; the latest attempt of a phase counts."""

    __tablename__ = "skill_attempts"
    __table_args__ = (
        sa.Index("ix_skill_attempts_check_user_phase", "skill_check_id", "user_id", "phase"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    skill_check_id: Mapped[int] = mapped_column(
        sa.ForeignKey("skill_checks.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    phase: Mapped[str] = mapped_column(sa.String(10))
    overall: Mapped[int]
    level: Mapped[str] = mapped_column(sa.String(20))
    answers_json: Mapped[str] = mapped_column(sa.Text, default="{}")
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    scores: Mapped[list[AreaScore]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class AreaScore(Base):
    """An attempt's score (0-100) in one competence area, kept for aggregation in SQL."""

    __tablename__ = "skill_area_scores"

    attempt_id: Mapped[int] = mapped_column(
        sa.ForeignKey("skill_attempts.id", ondelete="CASCADE"), primary_key=True
    )
    area_id: Mapped[int] = mapped_column(
        sa.ForeignKey("skill_areas.id", ondelete="CASCADE"), primary_key=True
    )
    score: Mapped[int]
