"""Theme-wish boards: wishes anyone with the link adds, and one vote per person and wish."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from feedback.models.surveys import new_token
from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.models import Role, User


class WishStatus(StrEnum):
    """What the organiser decided about a theme wish."""

    NEW = "new"
    PLANNED = "planned"
    DONE = "done"
    DECLINED = "declined"


class WishBoard(Base):
    """A public board where anyone with the link suggests and votes for themes."""

    __tablename__ = "wish_boards"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_token)
    is_open: Mapped[bool] = mapped_column(default=True)
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def can_manage(self, user: User) -> bool:
        """Its owner and admins."""
        return user.is_authenticated and (user.has_role(Role.ADMIN) or user.id == self.owner_id)


class Wish(Base):
    """A theme wish; a merged wish points at the one it was merged into."""

    __tablename__ = "wishes"

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(
        sa.ForeignKey("wish_boards.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(sa.String(500))
    author_name: Mapped[str] = mapped_column(sa.String(120), default="")
    status: Mapped[WishStatus] = mapped_column(string_enum(WishStatus), default=WishStatus.NEW)
    merged_into_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("wishes.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Vote(Base):
    """One person's vote for a wish: an account ('user:12') or a browser cookie ('visitor:…')."""

    __tablename__ = "wish_votes"
    __table_args__ = (sa.UniqueConstraint("wish_id", "voter", name="uq_wish_votes_wish_voter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    wish_id: Mapped[int] = mapped_column(sa.ForeignKey("wishes.id", ondelete="CASCADE"))
    voter: Mapped[str] = mapped_column(sa.String(80))
