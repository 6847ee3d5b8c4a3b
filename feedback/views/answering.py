"""Answering a survey: by its public link (anonymous), by invitation, or logged in."""

from __future__ import annotations

from flask import current_app, g, make_response, render_template, request, url_for
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

ANSWERED_COOKIE_AGE = 365 * 24 * 3600


@bp.route("/a/<token>", methods=["GET", "POST"])
@limiter.limit("10 per 10 minutes", methods=["POST"])
def answer_public(token: str) -> ResponseReturnValue:
    """Answer through the survey's public link; nothing identifying is stored.

    The browser keeps a cookie saying it has answered, so the form is not offered again.
    """
    survey = or_404(public_survey(token))
    if request.cookies.get(_answered_cookie(survey)):
        return render_template("feedback/answered.html", survey=survey)
    response = make_response(_answer(survey))
    if getattr(g, "answer_stored", False):
        response.set_cookie(
            _answered_cookie(survey),
            "1",
            max_age=ANSWERED_COOKIE_AGE,
            path=url_for("feedback.answer_public", token=token),
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            httponly=True,
            samesite="Lax",
        )
    return response


def _answered_cookie(survey: Survey) -> str:
    """The cookie that tells this browser has answered the survey."""
    return f"paja-answered-{survey.id}"


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
    return _answer(or_404(answerable_survey(survey_id, current_user)), user=current_user)


def _answer(
    survey: Survey, invitation: Invitation | None = None, user: User | None = None
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
            stored = perform(lambda: submit(survey, answers, user=user, invitation=invitation))
            if stored.ok:
                g.answer_stored = True
                return render_template("feedback/thanks.html", survey=survey)
    return render_template(
        "feedback/answer.html", survey=survey, raw=raw, errors=errors, preview=False
    )
