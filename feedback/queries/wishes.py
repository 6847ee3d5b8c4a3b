"""Theme-wish boards and their ranked wishes."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from feedback.models import Vote, Wish, WishBoard
from paja.extensions import db
from paja.models import Role, User


@dataclass
class RankedWish:
    """A wish with its number of votes."""

    wish: Wish
    votes: int


def ranked(board: WishBoard, limit: int | None = None) -> list[RankedWish]:
    """The board's wishes (not merged ones), most votes first, in one query."""
    votes = sa.func.count(Vote.id).label("votes")
    rows = db.session.execute(
        sa.select(Wish, votes)
        .outerjoin(Vote, Vote.wish_id == Wish.id)
        .where(Wish.board_id == board.id, Wish.merged_into_id.is_(None))
        .group_by(Wish.id)
        .order_by(votes.desc(), Wish.created_at, Wish.id)
        .limit(limit)
    ).all()
    return [RankedWish(wish, count) for wish, count in rows]


def voted_by(board: WishBoard, voter: str) -> set[int]:
    """The wishes of the board this voter has voted for."""
    return set(
        db.session.scalars(
            sa.select(Vote.wish_id).join(Wish).where(Wish.board_id == board.id, Vote.voter == voter)
        )
    )


def boards_of(user: User) -> list[WishBoard]:
    """The boards a user owns (every board for admins), newest first."""
    statement = sa.select(WishBoard).order_by(WishBoard.created_at.desc(), WishBoard.id.desc())
    if not user.has_role(Role.ADMIN):
        statement = statement.where(WishBoard.owner_id == user.id)
    return list(db.session.scalars(statement))


def board_by_token(token: str) -> WishBoard | None:
    """The board behind a public link."""
    return db.session.scalar(sa.select(WishBoard).where(WishBoard.token == token))


def wish_of(board: WishBoard, wish_id: object) -> Wish | None:
    """A wish of this board by its id (as typed in a form or URL), else None."""
    if not str(wish_id or "").isdigit():
        return None
    wish = db.session.get(Wish, int(str(wish_id)))
    return wish if wish is not None and wish.board_id == board.id else None
