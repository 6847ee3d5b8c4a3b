"""Demo data for feedback: the ELY centre's theme-wish board for network days (seed 000)."""

from __future__ import annotations

import sqlalchemy as sa

from feedback.models import Vote, Wish, WishBoard, WishStatus
from paja.extensions import db
from paja.models import User

WISHES = [
    ("Somemainonta ja sen tulosten mittaaminen", "Iisisti töihin", WishStatus.PLANNED, 9),
    ("Kohderyhmien tavoittaminen eri kanavissa", "", WishStatus.NEW, 7),
    ("Videot ja lyhyet klipit hankeviestinnässä", "OmaKehu", WishStatus.NEW, 5),
    ("Opiskelijat mukaan viestintään", "", WishStatus.NEW, 3),
    ("Epäonnistumisista oppiminen somessa", "Living Portfolio", WishStatus.DONE, 2),
]


def load_demo() -> None:
    """A network-day wish board with wishes and votes (idempotent)."""
    if db.session.scalar(
        sa.select(WishBoard.id).where(WishBoard.title == "Verkostopäivien teematoiveet")
    ):
        return
    organiser = db.session.scalar(
        sa.select(User).where(User.email == "helena.koivisto@paja.example")
    )
    board = WishBoard(
        title="Verkostopäivien teematoiveet",
        description="Onko sinulla toiveita verkostopäivien tai koulutusten teemoiksi? Kerro ja äänestä!",
        owner_id=organiser.id if organiser else None,
    )
    db.session.add(board)
    db.session.flush()
    for text, author, status, votes in WISHES:
        wish = Wish(board_id=board.id, text=text, author_name=author, status=status)
        db.session.add(wish)
        db.session.flush()
        db.session.add_all(
            Vote(wish_id=wish.id, voter=f"visitor:demo{n:02d}") for n in range(votes)
        )
    db.session.flush()
