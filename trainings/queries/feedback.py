"""Feedback of sessions: their key figures, and the sessions a trainer reviews."""

from __future__ import annotations

import sqlalchemy as sa

from feedback.summaries import KeyFigures, key_figures
from paja.extensions import db
from paja.models import Role, User
from trainings.models import TrainingSession
from trainings.queries.sessions import trained_by

SESSIONS_SHOWN = 100


def feedback_figures(sessions: list[TrainingSession]) -> dict[int, KeyFigures]:
    """Answers, mean overall rating and NPS per session (two queries for all of them)."""
    by_survey = key_figures([s.feedback_survey_id for s in sessions if s.feedback_survey_id])
    return {
        s.id: by_survey[s.feedback_survey_id] for s in sessions if s.feedback_survey_id in by_survey
    }


def sessions_with_feedback(user: User) -> list[TrainingSession]:
    """The newest sessions with surveys the user trains (admins: all), newest first."""
    statement = sa.select(TrainingSession).where(TrainingSession.feedback_survey_id.is_not(None))
    if not user.has_role(Role.ADMIN):
        statement = statement.where(TrainingSession.id.in_(trained_by(user)))
    newest = statement.order_by(TrainingSession.starts_at.desc()).limit(SESSIONS_SHOWN)
    return list(db.session.scalars(newest))
