"""Answering: checking submitted values per question type, and storing one response."""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from feedback.models import (
    NUMERIC,
    TEXT,
    Answer,
    Answerer,
    Invitation,
    Question,
    QuestionType,
    Response,
    Survey,
)
from feedback.signals import answered
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import User
from paja.sql import changed

TEXT_LIMIT = {QuestionType.SHORT: 300, QuestionType.LONG: 4000}
OTHER = "other"


def parse_answers(
    survey: Survey, raw: Mapping[str, list[str]]
) -> tuple[list[Answer], dict[int, str]]:
    """Check submitted values per question type: the answers, or messages by question id."""
    answers: list[Answer] = []
    errors: dict[int, str] = {}
    for question in survey.questions:
        values = [v.strip() for v in raw.get(f"q{question.id}", []) if v.strip()]
        other = (raw.get(f"q{question.id}-other") or [""])[0].strip()
        try:
            answers += _answers_for(question, values, other)
        except ValueError as error:
            errors[question.id] = str(error)
    return answers, errors


def _answers_for(question: Question, values: list[str], other: str) -> list[Answer]:
    """The answers to one question, or ValueError with a translated message."""
    if not values and not other:
        if question.required:
            raise ValueError(_("This question needs an answer."))
        return []
    if question.kind in NUMERIC or question.kind == QuestionType.SINGLE:
        allowed = question.scale if question.kind in NUMERIC else range(len(question.choices))
        if len(values) != 1 or not values[0].isdigit() or int(values[0]) not in allowed:
            raise ValueError(_("Choose one of the options."))
        return [Answer(question_id=question.id, number=int(values[0]))]
    if question.kind == QuestionType.MULTIPLE:
        chosen = [v for v in values if v != OTHER]
        if not all(v.isdigit() and int(v) < len(question.choices) for v in chosen):
            raise ValueError(_("Choose among the options."))
        answers = [
            Answer(question_id=question.id, number=int(v)) for v in sorted(set(chosen), key=int)
        ]
        if OTHER in values or other:
            if not question.allow_other:
                raise ValueError(_("Choose among the options."))
            if not other:
                raise ValueError(_("Tell what the other option is."))
            if len(other) > TEXT_LIMIT[QuestionType.SHORT]:
                raise ValueError(
                    _("Keep it under %(n)d characters.", n=TEXT_LIMIT[QuestionType.SHORT])
                )
            answers.append(Answer(question_id=question.id, text=other))
        return answers
    text = values[0] if values else ""
    if question.kind in TEXT and len(text) > TEXT_LIMIT[question.kind]:
        raise ValueError(_("Keep it under %(n)d characters.", n=TEXT_LIMIT[question.kind]))
    return [Answer(question_id=question.id, text=text)]


def submit(
    survey: Survey,
    answers: list[Answer],
    user: User | None = None,
    invitation: Invitation | None = None,
) -> Response:
    """Store one response; a second one from the account or invitation is refused, also racing.

    An anonymous survey's response keeps only the answers, the day and the invitation's
    context label (chosen by the survey's owner, the same for everyone invited with it); that
    the account or invitation has answered is noted apart, so the answer links to nobody.
    """
    if not survey.is_accepting(utcnow()):
        raise RuleViolation(_("This survey is not taking answers now."))
    if not answers:
        raise RuleViolation(_("Answer at least one question."))
    named = not survey.anonymous
    response = Response(
        survey_id=survey.id,
        submitted_on=utcnow().date(),
        user_id=user.id if user is not None and named else None,
        invitation_id=invitation.id if invitation is not None and named else None,
        context=invitation.context if invitation is not None else "",
        answers=answers,
    )
    try:
        with db.session.begin_nested():
            db.session.add(response)
            if user is not None:
                db.session.add(Answerer(survey_id=survey.id, user_id=user.id))
            if invitation is not None:
                _claim(invitation, exact=named)
            db.session.flush()
    except IntegrityError:
        raise RuleViolation(_("You have already answered this survey. Thank you!")) from None
    answered.send(response, user=user)
    return response


def _claim(invitation: Invitation, exact: bool) -> None:
    """Mark the invitation answered (only the day for anonymous surveys); refuse a second time."""
    now = utcnow()
    when = now if exact else now.replace(hour=0, minute=0, second=0, microsecond=0)
    claimed = changed(
        sa.update(Invitation)
        .where(Invitation.id == invitation.id, Invitation.answered_at.is_(None))
        .values(answered_at=when)
    )
    if not claimed:
        raise IntegrityError("invitation already answered", None, Exception())
