"""Comments on a plan's sections: threads of replies, mentions, resolving."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from paja.database import Base, UTCDateTime, utcnow
from paja.models import User

mentions = sa.Table(
    "plan_comment_mentions",
    Base.metadata,
    sa.Column(
        "comment_id", sa.ForeignKey("plan_comments.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class Comment(Base):
    """A comment on a section; a reply points at its thread's first comment."""

    __tablename__ = "plan_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    section_key: Mapped[str] = mapped_column(sa.String(10))
    thread_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("plan_comments.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    author: Mapped[User | None] = relationship(lazy="joined")
    mentioned: Mapped[list[User]] = relationship(secondary=mentions, lazy="selectin")
    replies: Mapped[list[Comment]] = relationship(
        order_by="Comment.id", lazy="selectin", cascade="all, delete-orphan"
    )

    @property
    def is_open(self) -> bool:
        """Whether the thread still waits for someone (not resolved)."""
        return self.resolved_at is None

    def is_authors(self, user: User) -> bool:
        """Whether the user wrote this comment."""
        return user.is_authenticated and self.author_id == user.id
