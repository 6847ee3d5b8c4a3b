"""Invitations and answers: one per invitation or account; anonymous ones keep only the day."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.models.surveys import Survey, new_token
from paja.database import Base, UTCDateTime


class Invitation(Base):
    """A personal invitation: one answer per invitation."""

    __tablename__ = "invitations"
    __table_args__ = (
        sa.UniqueConstraint("survey_id", "email", name="uq_invitations_survey_email"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("surveys.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(sa.String(254), index=True)  # stored lower-cased
    name: Mapped[str] = mapped_column(sa.String(120), default="")
    token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_token)
    context: Mapped[str] = mapped_column(sa.String(40), default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    survey: Mapped[Survey] = relationship()


class Response(Base):
    """One person's answers; anonymous ones keep only the day they came."""

    __tablename__ = "responses"
    __table_args__ = (
        sa.Index(
            "uq_responses_survey_user",
            "survey_id",
            "user_id",
            unique=True,
            sqlite_where=sa.text("user_id IS NOT NULL"),
            postgresql_where=sa.text("user_id IS NOT NULL"),
        ),
        sa.Index("ix_responses_survey_day", "survey_id", "submitted_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("surveys.id", ondelete="CASCADE"))
    submitted_on: Mapped[date]
    context: Mapped[str] = mapped_column(sa.String(40), default="", index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    invitation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("invitations.id", ondelete="SET NULL"), unique=True
    )

    answers: Mapped[list[Answer]] = relationship(cascade="all, delete-orphan")


class Answerer(Base):
    """That an account has answered a survey: kept apart from the answers, so an anonymous
    survey can refuse a second answer without linking the answer to the person."""

    __tablename__ = "survey_answerers"

    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Answer(Base):
    """One answer: a number (scale value or choice index) or a text (free text, 'other')."""

    __tablename__ = "answers"
    __table_args__ = (sa.Index("ix_answers_question_number", "question_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        sa.ForeignKey("responses.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"))
    number: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(sa.Text)
