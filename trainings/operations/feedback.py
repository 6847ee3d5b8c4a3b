"""Sessions and their feedback surveys, through the feedback package's public functions."""

from __future__ import annotations

import logging

from feedback.models import Survey
from feedback.operations.invitations import invite
from feedback.operations.surveys import create_from_template
from paja.i18n import day
from trainings.models import Registration, RegistrationStatus, TrainingSession

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
