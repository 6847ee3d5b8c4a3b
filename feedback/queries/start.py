"""What the start page shows of feedback: surveys to answer, and new theme wishes."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager

from feedback.models import Invitation, Survey, SurveyStatus, Wish, WishBoard
from paja.extensions import db
from paja.models import Role, User

SHOWN = 10


def to_answer(user: User, now: datetime) -> dict[str, Any]:
    """The open surveys the user was invited to by mail and has not answered."""
    invitations = db.session.scalars(
        sa.select(Invitation)
        .join(Survey, Survey.id == Invitation.survey_id)
        .where(
            Invitation.email == user.email,  # both stored lower-cased
            Invitation.sent_at.is_not(None),
            Invitation.answered_at.is_(None),
            Survey.status == SurveyStatus.OPEN,
            sa.or_(Survey.opens_at.is_(None), Survey.opens_at <= now),
            sa.or_(Survey.closes_at.is_(None), Survey.closes_at > now),
        )
        .options(contains_eager(Invitation.survey))
        .order_by(Invitation.sent_at.desc())
        .limit(SHOWN)
    ).all()
    return {"invitations": invitations} if invitations else {}  # none: no panel


def new_wishes(user: User, now: datetime) -> dict[str, Any]:
    """The user's open wish boards with how many wishes came in the last two weeks."""
    recent = sa.func.count(Wish.id).filter(Wish.created_at >= now - timedelta(days=14))
    statement = (
        sa.select(WishBoard, recent, sa.func.count(Wish.id))
        .outerjoin(Wish, Wish.board_id == WishBoard.id)
        .where(WishBoard.is_open.is_(True))
        .group_by(WishBoard.id)
        .order_by(WishBoard.created_at.desc(), WishBoard.id.desc())
        .limit(SHOWN)
    )
    if not user.has_role(Role.ADMIN):
        statement = statement.where(WishBoard.owner_id == user.id)
    return {"boards": db.session.execute(statement).all()}
