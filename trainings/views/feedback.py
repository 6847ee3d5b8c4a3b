"""Feedback of sessions: the trainer's overview with the trend, and each session's summary."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.summaries import MIN_GROUP, summarise
from paja.access import get_or_404, or_404, role_required
from paja.i18n import day
from paja.models import Role
from trainings import bp
from trainings.models import TrainingSession
from trainings.queries.feedback import feedback_figures, sessions_with_feedback


@bp.get("/feedback")
@role_required(Role.TRAINER, Role.ADMIN)
def feedback_overview() -> ResponseReturnValue:
    """The trainer's sessions with answers, mean overall rating and NPS, and their trend."""
    sessions = sessions_with_feedback(current_user)
    figures = feedback_figures(sessions)
    trend = [
        (s, figures[s.id])
        for s in reversed(sessions)
        if s.id in figures and figures[s.id].mean is not None
    ]
    return render_template(
        "trainings/feedback_overview.html", sessions=sessions, figures=figures, trend=trend
    )


@bp.get("/sessions/<int:session_id>/feedback")
@role_required()
def session_feedback(session_id: int) -> ResponseReturnValue:
    """A session's feedback summary: its trainers, admins and the ordering organisation."""
    session = get_or_404(TrainingSession, session_id, TrainingSession.can_see_participants)
    survey = or_404(session.feedback_survey)
    return render_template(
        "feedback/summary.html",
        summary=summarise(survey, context=None),
        start=None,
        end=None,
        context="",
        contexts=[],
        min_group=MIN_GROUP,
        heading=f"{session.title}, {day(session.starts_at)}",
        can_export=survey.can_view(current_user),
        back=("trainings.session", {"session_id": session.id}),
    )
