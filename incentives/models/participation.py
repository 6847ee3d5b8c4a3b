"""Who takes part (opt-in, by name, pseudonym or not on boards) and the activities they log."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from incentives.labels import ClaimStatus, Visibility
from incentives.models.programmes import ActivityType, Programme, Team
from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.models import User


class Participant(Base):
    """A member who joined a programme; `left_at` set when they left (off every board)."""

    __tablename__ = "programme_participants"
    __table_args__ = (
        sa.UniqueConstraint("programme_id", "user_id"),
        sa.Index("ix_programme_participants_board", "programme_id", "points"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    team_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("programme_teams.id", ondelete="SET NULL")
    )
    visibility: Mapped[Visibility] = mapped_column(string_enum(Visibility))
    pseudonym: Mapped[str] = mapped_column(sa.String(60), default="")
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The running total over every category, kept with each ledger entry (like Score).
    points: Mapped[int] = mapped_column(default=0, server_default="0")

    programme: Mapped[Programme] = relationship()
    user: Mapped[User | None] = relationship(lazy="joined")
    team: Mapped[Team | None] = relationship(lazy="joined")

    @property
    def active(self) -> bool:
        """Whether the person takes part now."""
        return self.left_at is None

    @property
    def on_boards(self) -> bool:
        """Whether others may see this participant on a board."""
        return self.active and self.visibility != Visibility.HIDDEN

    @property
    def shown_name(self) -> str:
        """The name others see: the person's name or their pseudonym."""
        if self.visibility == Visibility.PSEUDONYM or self.user is None:
            return self.pseudonym
        return self.user.name


class Claim(Base):
    """An activity a participant logged, with evidence, waiting for or given a decision."""

    __tablename__ = "programme_claims"
    __table_args__ = (
        sa.Index("ix_programme_claims_participant_at", "participant_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programme_participants.id", ondelete="CASCADE")
    )
    activity_type_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programme_activity_types.id", ondelete="CASCADE")
    )
    done_on: Mapped[date]
    evidence_link: Mapped[str] = mapped_column(sa.String(500), default="")
    evidence_text: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[ClaimStatus] = mapped_column(
        string_enum(ClaimStatus), default=ClaimStatus.PENDING, index=True
    )
    reason: Mapped[str] = mapped_column(sa.Text, default="")  # the manager's, on a decision
    decided_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    participant: Mapped[Participant] = relationship(lazy="joined", innerjoin=True)
    activity_type: Mapped[ActivityType] = relationship(lazy="joined", innerjoin=True)
    decided_by: Mapped[User | None] = relationship()
