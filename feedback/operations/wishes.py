"""Theme-wish rules: adding, voting once per person, merging without double counting."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from feedback.models import Vote, Wish, WishBoard, WishStatus
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import User

log = logging.getLogger(__name__)
MAX_WISH = 500


def create_board(owner: User, title: str, description: str = "") -> WishBoard:
    """A new open board."""
    if not title.strip():
        raise RuleViolation(_("Enter the title."), "title")
    board = WishBoard(title=title.strip(), description=description.strip(), owner_id=owner.id)
    db.session.add(board)
    db.session.flush()
    return board


def add_wish(board: WishBoard, text: str, author_name: str = "") -> Wish:
    """Add a wish (up to 500 characters) to an open board."""
    if not board.is_open:
        raise RuleViolation(_("The board is closed for new wishes."))
    text = text.strip()
    if not text:
        raise RuleViolation(_("Write your wish."), "text")
    if len(text) > MAX_WISH:
        raise RuleViolation(_("Keep it under %(n)d characters.", n=MAX_WISH), "text")
    wish = Wish(board_id=board.id, text=text, author_name=author_name.strip()[:120])
    db.session.add(wish)
    db.session.flush()
    return wish


def vote(board: WishBoard, wish: Wish, voter: str) -> bool:
    """Vote for a wish once (False when already voted); a merged wish passes votes on."""
    if not board.is_open:
        raise RuleViolation(_("The board is closed for votes."))
    while wish.merged_into_id is not None:
        wish = db.session.get_one(Wish, wish.merged_into_id)
    try:
        with db.session.begin_nested():
            db.session.add(Vote(wish_id=wish.id, voter=voter))
    except IntegrityError:
        return False
    return True


def merge(board: WishBoard, source: Wish, target: Wish) -> None:
    """Merge a duplicate into another wish: votes combine, a person who voted both counts once."""
    if source.id == target.id or source.board_id != board.id or target.board_id != board.id:
        raise RuleViolation(_("Choose two different wishes of this board."))
    if target.merged_into_id is not None or source.merged_into_id is not None:
        raise RuleViolation(_("That wish is already merged into another."))
    already = sa.select(Vote.voter).where(Vote.wish_id == target.id)
    db.session.execute(sa.delete(Vote).where(Vote.wish_id == source.id, Vote.voter.in_(already)))
    db.session.execute(sa.update(Vote).where(Vote.wish_id == source.id).values(wish_id=target.id))
    source.merged_into_id = target.id
    db.session.flush()
    log.info("wish %s merged into %s", source.id, target.id)


def set_wish_status(wish: Wish, status: WishStatus) -> None:
    """Mark a wish new, planned, done or declined."""
    wish.status = status
    db.session.flush()


def set_board_open(board: WishBoard, is_open: bool) -> None:
    """Open a board for new wishes and votes, or close it."""
    board.is_open = is_open
    db.session.flush()
    log.info("wish board %s %s", board.id, "opened" if is_open else "closed")
