"""What the feedback API reads: a page of one's surveys with their key figures."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from feedback.models import Survey
from feedback.summaries import MIN_GROUP, key_figures
from paja.extensions import db
from paja.models import Role, User


@dataclass(frozen=True)
class SurveyRow:
    """A survey and its key figures (none when too few anonymous answers)."""

    survey: Survey
    responses: int
    hidden: bool
    mean: Decimal | None
    nps: int | None


def surveys_after(user: User, after: int, limit: int) -> list[SurveyRow]:
    """Up to limit + 1 of the user's surveys (every one for admins) by id after the cursor,
    with their key figures: three queries for any page."""
    statement = sa.select(Survey).where(Survey.id > after).order_by(Survey.id).limit(limit + 1)
    if not user.has_role(Role.ADMIN):
        statement = statement.where(Survey.owner_id == user.id)
    surveys = db.session.scalars(statement).all()
    figures = key_figures([s.id for s in surveys])
    rows = []
    for survey in surveys:
        found = figures[survey.id]
        hidden = survey.anonymous and found.responses < MIN_GROUP
        mean, nps = (None, None) if hidden else (found.mean, found.nps)
        rows.append(SurveyRow(survey, found.responses, hidden, mean, nps))
    return rows
