"""What the incentives API reads: pages of programmes, one's standing as the programme tells
it, and the boards per category."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from incentives.labels import StandingView
from incentives.models import Participant, Programme
from incentives.queries.standings import my_standing, recent_gains, team_boards, top_board
from paja.extensions import db
from paja.models import Membership, User


def programmes_after(
    user: User, organisation_id: int | None, after: int, limit: int
) -> list[Programme]:
    """Up to limit + 1 programmes by id after the cursor: an organisation's, or those of the
    organisations the user belongs to."""
    mine = sa.select(Membership.organisation_id).where(Membership.user_id == user.id)
    whose = (
        Programme.organisation_id == organisation_id
        if organisation_id is not None
        else Programme.organisation_id.in_(mine)
    )
    return list(
        db.session.scalars(
            sa.select(Programme)
            .where(whose, Programme.id > after)
            .order_by(Programme.id)
            .limit(limit + 1)
        )
    )


def programme_by_id(programme_id: int) -> Programme | None:
    """A programme by its id."""
    return db.session.get(Programme, programme_id)


def told_standing(participant: Participant) -> list[dict[str, Any]]:
    """One's standing as the programme page tells it: a rank with neighbours, or only a top
    share (none below the top half); no place before the first point."""
    relative = participant.programme.standing_view == StandingView.RELATIVE
    told = []
    for row in my_standing(participant):
        placed = row.points > 0
        told.append({
            "category": row.category, "points": row.points, "level": row.level,
            "rank": row.rank if placed and not relative else None,
            "of": row.of if placed and not relative else None,
            "share": row.share if placed and relative else None,
            "neighbours": row.neighbours if placed and not relative else [],
        })  # fmt: skip
    return told


def boards_of(programme: Programme) -> list[dict[str, Any]]:
    """The boards page's figures per category, in the categories' order."""
    top, teams, rising = top_board(programme), team_boards(programme), recent_gains(programme)
    return [
        {
            "category": category,
            "top": top.get(category.id, []),
            "teams": teams.get(category.id, []),
            "rising": rising.get(category.id, []),
        }
        for category in programme.categories
    ]
