"""Answering a survey: by its public link (anonymous), by invitation, or logged in."""

from __future__ import annotations

from flask import render_template, request
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback import bp
from feedback.models import Invitation, Survey
from feedback.operations.answers import parse_answers, submit
from feedback.queries.surveys import (
    answerable_survey,
    has_answered,
    invitation_by_token,
    public_survey,
)
from paja.access import or_404, role_required
from paja.database import utcnow
from paja.extensions import limiter
from paja.models import User
from paja.perform import perform


@bp.route("/a/<token>", methods=["GET", "POST"])
@limiter.limit("10 per 10 minutes", methods=["POST"])
def answer_public(token: str) -> ResponseReturnValue:
    """Answer through the survey's public link; nothing identifying is stored."""
    return _answer(or_404(public_survey(token)), context=request.args.get("c", "")[:40])


@bp.route("/i/<token>", methods=["GET", "POST"])
@limiter.limit("10 per 10 minutes", methods=["POST"])
def answer_invitation(token: str) -> ResponseReturnValue:
    """Answer with a personal invitation: once."""
    invitation = or_404(invitation_by_token(token))
    return _answer(invitation.survey, invitation=invitation)


@bp.route("/s/<int:survey_id>", methods=["GET", "POST"])
@role_required()
def answer_logged_in(survey_id: int) -> ResponseReturnValue:
    """Answer as a logged-in user: once."""
    return _answer(or_404(answerable_survey(survey_id)), user=current_user)


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
