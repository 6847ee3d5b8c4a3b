"""Publishing calendar entries, and a person's feed of the entries they own."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.models import User
from plans.labels import Channel, Format, Status
from plans.models.plans import Plan, new_token


class Entry(Base):
    """Something to publish: when, where, what, for which goal, by whom, and how far it is."""

    __tablename__ = "plan_entries"
    __table_args__ = (sa.Index("ix_plan_entries_plan_starts", "plan_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("plans.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[Channel] = mapped_column(string_enum(Channel))
    format: Mapped[Format] = mapped_column(string_enum(Format), default=Format.POST)
    topic: Mapped[str] = mapped_column(sa.String(200))
    text: Mapped[str] = mapped_column(sa.Text, default="")
    goal: Mapped[str] = mapped_column(sa.String(300), default="")
    audience: Mapped[str] = mapped_column(sa.String(300), default="")
    alt_text: Mapped[str] = mapped_column(sa.Text, default="")
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    deadline: Mapped[date | None]
    status: Mapped[Status] = mapped_column(string_enum(Status), default=Status.IDEA)
    #: Who last wrote the content: they may not approve it themselves.
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    approved_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    #: Entries made by one recurring rule share it.
    series: Mapped[str | None] = mapped_column(sa.String(32), index=True)
    reminded_on: Mapped[date | None]
    sequence: Mapped[int] = mapped_column(default=0)  # grows with each change, for calendar apps
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # LAST-MODIFIED

    def new_version(self) -> None:
        """Count a change calendar apps must pick up (iCalendar SEQUENCE and LAST-MODIFIED)."""
        self.sequence += 1
        self.changed_at = utcnow()

    #: Calendar pages load the plan first, so an entry's plan comes from the identity map.
    plan: Mapped[Plan] = relationship()
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id], lazy="joined")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])


class PersonalFeed(Base):
    """A person's private calendar feed of the entries they own, in every plan they are on."""

    __tablename__ = "plan_personal_feeds"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_token)

    user: Mapped[User] = relationship(lazy="joined", innerjoin=True)
