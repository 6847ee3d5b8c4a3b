"""Answering a survey: by its public link (anonymous), by invitation, or logged in."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback import bp
from feedback.answers import has_answered, parse_answers, submit
from feedback.models import Invitation, Survey, SurveyStatus
from paja.access import role_required
from paja.database import utcnow
from paja.extensions import db
from paja.models import User
from paja.views.util import perform


@bp.route("/a/<token>", methods=["GET", "POST"])
def answer_public(token: str) -> ResponseReturnValue:
    """Answer through the survey's public link; nothing identifying is stored."""
    survey = db.session.scalar(
        sa.select(Survey).where(Survey.public_token == token, Survey.anonymous.is_(True))
    )
    if survey is None:
        abort(404)
    return _answer(survey, context=request.args.get("c", "")[:40])


@bp.route("/i/<token>", methods=["GET", "POST"])
def answer_invitation(token: str) -> ResponseReturnValue:
    """Answer with a personal invitation: once."""
    invitation = db.session.scalar(sa.select(Invitation).where(Invitation.token == token))
    if invitation is None:
        abort(404)
    return _answer(invitation.survey, invitation=invitation)


@bp.route("/s/<int:survey_id>", methods=["GET", "POST"])
@role_required()
def answer_logged_in(survey_id: int) -> ResponseReturnValue:
    """Answer as a logged-in user: once."""
    survey = db.session.get(Survey, survey_id)
    if survey is None or survey.status == SurveyStatus.DRAFT:
        abort(404)
    return _answer(survey, user=current_user)


def _answer(
    survey: Survey,
    invitation: Invitation | None = None,
    user: User | None = None,
    context: str = "",
) -> ResponseReturnValue:
    """Show the form (CSRF-protected like every form), check the answers, store them once, thank."""
    if not survey.is_accepting(utcnow()):
        return render_template("feedback/closed.html", survey=survey, now=utcnow())
    if has_answered(survey, user=user, invitation=invitation):
        return render_template("feedback/answered.html", survey=survey)
    raw = request.form.to_dict(flat=False) if request.method == "POST" else {}
    errors: dict[int, str] = {}
    if request.method == "POST":
        answers, errors = parse_answers(survey, raw)
        if not errors:
            stored = perform(
                lambda: submit(survey, answers, user=user, invitation=invitation, context=context)
            )
            if stored.ok:
                return render_template("feedback/thanks.html", survey=survey)
    return render_template(
        "feedback/answer.html", survey=survey, raw=raw, errors=errors, preview=False
    )
