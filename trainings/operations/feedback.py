"""Sessions and their feedback surveys, through the feedback package's public functions."""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa

from feedback.models import Survey
from feedback.operations.invitations import invite
from feedback.operations.surveys import create_from_template
from paja.database import utcnow
from paja.extensions import db
from paja.i18n import day
from paja.jobs import every
from paja.sql import changed
from trainings.models import Registration, RegistrationStatus, SessionStatus, TrainingSession
from trainings.signals import session_ended

log = logging.getLogger(__name__)


def attach_survey(session: TrainingSession) -> Survey:
    """Give a session its own training-feedback survey, open, in the workshop's language."""
    if session.feedback_survey is not None:
        return session.feedback_survey
    if session.event is not None:
        owner = session.event.created_by
    else:
        owner = session.trainers[0].user if session.trainers else None
    title = f"{session.title} {day(session.starts_at)}"
    session.feedback_survey = create_from_template(owner, title, session.language, open_now=True)
    return session.feedback_survey


def invite_attendees(session: TrainingSession, registrations: list[Registration]) -> int:
    """Email the feedback link to those who attended; returns how many were invited."""
    survey = attach_survey(session)
    people = [
        (r.name, r.email)
        for r in registrations
        if r.attended and r.status == RegistrationStatus.CONFIRMED
    ]
    board = session.event.wish_board if session.event else None
    invited = invite(survey, people, context=session.feedback_context, wish_board=board)
    log.info("feedback of session %s sent to %d attendees", session.id, len(invited))
    return len(invited)


def send_feedback_if_due(session: TrainingSession, now: datetime) -> int:
    """Invite the attendees of a delivered session that has ended, once: the session is
    claimed with a conditional UPDATE, so racing workers or requests send one round."""
    claimed = changed(
        sa.update(TrainingSession)
        .where(
            TrainingSession.id == session.id,
            TrainingSession.feedback_sent_at.is_(None),
            TrainingSession.status == SessionStatus.DELIVERED,
            TrainingSession.ends_at <= now,
        )
        .values(feedback_sent_at=now)
    )
    if not claimed:
        return 0
    registrations = list(
        db.session.scalars(sa.select(Registration).where(Registration.session_id == session.id))
    )
    session_ended.send(session, now=now)
    return invite_attendees(session, registrations)


def send_due_feedback(now: datetime, limit: int = 100) -> int:
    """Invite the attendees of every session that ended with its attendance marked and has
    not sent its feedback link yet (run by the job worker every few minutes, or by cron with
    `paja trainings feedback`); returns how many people were invited."""
    due = db.session.scalars(
        sa.select(TrainingSession)
        .where(
            TrainingSession.feedback_sent_at.is_(None),
            TrainingSession.status == SessionStatus.DELIVERED,
            TrainingSession.ends_at <= now,
        )
        .order_by(TrainingSession.ends_at)
        .limit(limit)
    ).all()
    return sum(send_feedback_if_due(session, now) for session in due)


@every(minutes=5)
def feedback_round() -> None:
    """The job worker's round: send the feedback links of sessions that have ended."""
    send_due_feedback(utcnow())
