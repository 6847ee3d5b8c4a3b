"""Surveys and their questions; other packages point at a survey (a session, a course, a day)."""

from __future__ import annotations

import secrets
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.lists import lines
from paja.models import Role, User


def new_token() -> str:
    """An unguessable token for survey links."""
    return secrets.token_urlsafe(24)


class QuestionType(StrEnum):
    """What kind of answer a question takes."""

    RATING = "rating"
    NPS = "nps"
    SINGLE = "single"
    MULTIPLE = "multiple"
    YESNO = "yesno"
    SHORT = "short"
    LONG = "long"


NUMERIC = {QuestionType.RATING, QuestionType.NPS, QuestionType.YESNO}
CHOICE = {QuestionType.SINGLE, QuestionType.MULTIPLE}
TEXT = {QuestionType.SHORT, QuestionType.LONG}


class SurveyStatus(StrEnum):
    """A survey's life: drafted, open for answers, closed."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Survey(Base):
    """A questionnaire; other packages point at it (a session, a course, an event day).

    An anonymous survey can be answered through its public link and hides breakdowns of
    fewer than three answers.
    """

    __tablename__ = "surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    intro: Mapped[str] = mapped_column(sa.Text, default="")
    thanks: Mapped[str] = mapped_column(sa.Text, default="")
    language: Mapped[str] = mapped_column(sa.String(5), default="fi")
    status: Mapped[SurveyStatus] = mapped_column(
        string_enum(SurveyStatus), default=SurveyStatus.DRAFT
    )
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    anonymous: Mapped[bool] = mapped_column(default=True)
    # Whether anyone logged in may answer by the survey's id; otherwise only the public link
    # (anonymous surveys), invitations, and those another package lets in (a course's people).
    open_to_accounts: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    public_token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_token)
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    owner: Mapped[User | None] = relationship()
    questions: Mapped[list[Question]] = relationship(
        back_populates="survey",
        order_by="Question.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    def can_edit(self, user: User) -> bool:
        """Its owner and admins."""
        return user.is_authenticated and (user.has_role(Role.ADMIN) or user.id == self.owner_id)

    def can_view(self, user: User) -> bool:
        """Who may read the results: the owner and admins (other packages widen this)."""
        return self.can_edit(user)

    def is_accepting(self, now: datetime) -> bool:
        """Whether answers are taken now."""
        if self.status != SurveyStatus.OPEN:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)


class Question(Base):
    """One question; choices are stored as text lines, answers refer to them by index."""

    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("surveys.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[QuestionType] = mapped_column(string_enum(QuestionType))
    text: Mapped[str] = mapped_column(sa.String(500))
    required: Mapped[bool] = mapped_column(default=False)
    low_label: Mapped[str] = mapped_column(sa.String(100), default="")
    high_label: Mapped[str] = mapped_column(sa.String(100), default="")
    choices_text: Mapped[str] = mapped_column(sa.Text, default="")
    allow_other: Mapped[bool] = mapped_column(default=False)

    survey: Mapped[Survey] = relationship(back_populates="questions")

    def can_edit(self, user: User) -> bool:
        """Whoever may edit its survey."""
        return self.survey.can_edit(user)

    @property
    def choices(self) -> list[str]:
        """The options of a choice question, in order."""
        return lines(self.choices_text)

    @property
    def scale(self) -> range:
        """The numbers a numeric question accepts."""
        return {
            QuestionType.RATING: range(1, 6),
            QuestionType.NPS: range(0, 11),
            QuestionType.YESNO: range(0, 2),
        }.get(self.kind, range(0))
