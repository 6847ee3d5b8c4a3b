"""Sessions and their feedback surveys, through the feedback package's public functions."""

from __future__ import annotations

import logging

import sqlalchemy as sa

from feedback.operations import create_from_template, invite
from feedback.summaries import KeyFigures, key_figures
from paja.i18n import day
from paja.models import Role, User
from trainings.models import Registration, RegistrationStatus, Trainer, TrainingSession
from trainings.models.sessions import session_trainers

log = logging.getLogger(__name__)


def attach_survey(session: TrainingSession) -> None:
    """Give a session its own training-feedback survey, open, in the workshop's language."""
    if session.feedback_survey_id is not None:
        return
    if session.event is not None:
        owner = session.event.created_by
    else:
        owner = session.trainers[0].user if session.trainers else None
    title = f"{session.title} {day(session.starts_at)}"
    session.feedback_survey = create_from_template(owner, title, session.language, open_now=True)


def invite_attendees(session: TrainingSession, registrations: list[Registration]) -> int:
    """Email the feedback link to those who attended; returns how many were invited."""
    attach_survey(session)
    people = [
        (r.name, r.email)
        for r in registrations
        if r.attended and r.status == RegistrationStatus.CONFIRMED
    ]
    board = session.event.wish_board if session.event else None
    invited = invite(
        session.feedback_survey, people, context=session.feedback_context, wish_board=board
    )
    log.info("feedback of session %s sent to %d attendees", session.id, len(invited))
    return len(invited)


def feedback_figures(sessions: list[TrainingSession]) -> dict[int, KeyFigures]:
    """Answers, mean overall rating and NPS per session (two queries for all of them)."""
    by_survey = key_figures([s.feedback_survey_id for s in sessions if s.feedback_survey_id])
    return {
        s.id: by_survey[s.feedback_survey_id] for s in sessions if s.feedback_survey_id in by_survey
    }


def sessions_with_feedback(user: User) -> sa.Select:
    """Sessions with surveys the user trains (admins: all), newest first."""
    statement = sa.select(TrainingSession).where(TrainingSession.feedback_survey_id.is_not(None))
    if not user.has_role(Role.ADMIN):
        trained = (
            sa.select(session_trainers.c.session_id).join(Trainer).where(Trainer.user_id == user.id)
        )
        statement = statement.where(TrainingSession.id.in_(trained))
    return statement.order_by(TrainingSession.starts_at.desc())
