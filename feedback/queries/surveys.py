"""Surveys, invitations and answers as the pages need them."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from feedback.models import Answerer, Invitation, Response, Survey, SurveyStatus
from feedback.signals import may_answer
from paja.extensions import db
from paja.models import Role, User

SURVEYS_SHOWN = 500


def surveys_of(user: User) -> Sequence[sa.Row[tuple[Survey, int]]]:
    """The user's surveys (every survey for admins) with their answer counts, newest first."""
    answers = sa.select(sa.func.count()).where(Response.survey_id == Survey.id).scalar_subquery()
    statement = sa.select(Survey, answers).order_by(Survey.created_at.desc(), Survey.id.desc())
    if not user.has_role(Role.ADMIN):
        statement = statement.where(Survey.owner_id == user.id)
    return db.session.execute(statement.limit(SURVEYS_SHOWN)).all()


def has_responses(survey: Survey) -> bool:
    """Whether anyone has answered."""
    first = sa.select(Response.id).where(Response.survey_id == survey.id).limit(1)
    return db.session.scalar(first) is not None


def has_answered(
    survey: Survey, user: User | None = None, invitation: Invitation | None = None
) -> bool:
    """Whether this user or invitation has answered the survey."""
    if invitation is not None:
        return invitation.answered_at is not None
    if user is None or not user.is_authenticated:
        return False
    return db.session.get(Answerer, (survey.id, user.id)) is not None


def invitation_counts(survey: Survey) -> tuple[int, int]:
    """How many were invited and how many of them answered."""
    invited, answered = db.session.execute(
        sa.select(sa.func.count(Invitation.id), sa.func.count(Invitation.answered_at)).where(
            Invitation.survey_id == survey.id
        )
    ).one()
    return invited, answered


def response_contexts(survey: Survey) -> list[str]:
    """The contexts (e.g. 'session:12') the survey's answers came from, sorted."""
    values = db.session.scalars(
        sa.select(Response.context)
        .where(Response.survey_id == survey.id, Response.context != "")
        .distinct()
    )
    return sorted(values)


def public_survey(token: str) -> Survey | None:
    """The anonymous survey behind a public link."""
    return db.session.scalar(
        sa.select(Survey).where(Survey.public_token == token, Survey.anonymous.is_(True))
    )


def invitation_by_token(token: str) -> Invitation | None:
    """The invitation behind a personal link."""
    return db.session.scalar(sa.select(Invitation).where(Invitation.token == token))


def answerable_survey(survey_id: int, user: User) -> Survey | None:
    """A survey this account may answer by its id: not a draft, and open to every account or
    to this one (another package lets in, e.g. a course its participants); else None."""
    survey = db.session.get(Survey, survey_id)
    if survey is None or survey.status == SurveyStatus.DRAFT:
        return None
    if survey.open_to_accounts:
        return survey
    admitted = any(allowed for _, allowed in may_answer.send(survey, user=user))
    return survey if admitted else None


def survey_by_id(survey_id: int) -> Survey | None:
    """A survey by its id."""
    return db.session.get(Survey, survey_id)
