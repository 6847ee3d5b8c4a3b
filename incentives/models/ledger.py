"""The points ledger: append-only; a correction is a reversing entry, never an edit."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from incentives.models.participation import Participant
from incentives.models.programmes import Category
from paja.database import Base, UTCDateTime, utcnow
from paja.models import User


class LedgerEntry(Base):
    """Points for a participant in a category, from a source event, with a reason.

    `source` names the event ("claim:12", "attendance:345", "bonus:…"); the same source is
    counted once: a second award of it gets the next `generation` only after the earlier one
    was reversed, and the unique key stops two racing awards of one generation.
    """

    __tablename__ = "programme_ledger"
    __table_args__ = (
        # one award per source and generation; reversals (reverses_id set) stand beside them
        sa.Index("uq_programme_ledger_award", "participant_id", "source", "generation",
                 unique=True, sqlite_where=sa.text("reverses_id IS NULL"),
                 postgresql_where=sa.text("reverses_id IS NULL")),
        sa.Index("ix_programme_ledger_totals", "programme_id", "participant_id", "category_id",
                 "points"),
        sa.Index("ix_programme_ledger_time", "programme_id", "created_at"),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programme_participants.id", ondelete="CASCADE")
    )
    category_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programme_categories.id", ondelete="CASCADE")
    )
    activity_type_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("programme_activity_types.id", ondelete="SET NULL")
    )
    points: Mapped[int]
    source: Mapped[str] = mapped_column(sa.String(80))
    generation: Mapped[int] = mapped_column(default=0)
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    reverses_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("programme_ledger.id", ondelete="CASCADE"), unique=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    participant: Mapped[Participant] = relationship()
    category: Mapped[Category] = relationship(lazy="joined", innerjoin=True)
    created_by: Mapped[User | None] = relationship()


class Recognition(Base):
    """A recognition a manager gave, with the certificate the participant can download."""

    __tablename__ = "programme_recognitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programme_participants.id", ondelete="CASCADE")
    )
    category_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("programme_categories.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    certificate_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("certificates.id", ondelete="SET NULL")
    )
    given_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    participant: Mapped[Participant] = relationship(lazy="joined", innerjoin=True)
    category: Mapped[Category | None] = relationship(lazy="joined")


class Score(Base):
    """A participant's running total in a category: the sum of their ledger entries, kept in
    the same transaction as each entry so boards read a row per person, not the whole ledger."""

    __tablename__ = "programme_scores"
    __table_args__ = (
        sa.Index(
            "ix_programme_scores_board", "programme_id", "category_id", "points", "participant_id"
        ),
    )

    participant_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programme_participants.id", ondelete="CASCADE"), primary_key=True
    )
    category_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programme_categories.id", ondelete="CASCADE"), primary_key=True
    )
    programme_id: Mapped[int] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"))
    points: Mapped[int] = mapped_column(default=0)
