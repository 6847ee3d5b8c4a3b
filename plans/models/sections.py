"""A plan's answers to one worksheet section, and every saved version of them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from paja.database import Base, UTCDateTime, utcnow
from paja.models import User

Answers = dict[str, Any]


class PlanSection(Base):
    """The current answers of a section; `version` grows by one with each save."""

    __tablename__ = "plan_sections"

    plan_id: Mapped[int] = mapped_column(
        sa.ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(sa.String(10), primary_key=True)
    answers: Mapped[Answers] = mapped_column(sa.JSON, default=dict)
    version: Mapped[int] = mapped_column(default=0)
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    updated_by: Mapped[User | None] = relationship(lazy="joined")


class SectionVersion(Base):
    """The answers of a section as one save left them, with who saved them and when."""

    __tablename__ = "plan_section_versions"
    __table_args__ = (sa.UniqueConstraint("plan_id", "key", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("plans.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(sa.String(10))
    version: Mapped[int]
    answers: Mapped[Answers] = mapped_column(sa.JSON)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User | None] = relationship(lazy="joined")
