"""A plan: an organisation's or one person's, the channels it covers, and who may do what."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.extensions import db
from paja.models import Membership, Organisation, User
from plans.labels import Channel, PlanRole
from trainings.models import TrainingSession
from trainings.models.sessions import new_token

#: What each role may do, from most to least.
CODES = {channel.value for channel in Channel}
RANKS = {PlanRole.OWNER: 3, PlanRole.EDITOR: 2, PlanRole.COMMENTER: 1, PlanRole.VIEWER: 0}


class Plan(Base):
    """A social-media plan: the worksheet's sections, comments and a publishing calendar."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    language: Mapped[str] = mapped_column(sa.String(5), default="fi")
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    #: A personal plan shared with the trainers of a session its owner attended.
    shared_session_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("sessions.id", ondelete="SET NULL"), index=True
    )
    channels: Mapped[str] = mapped_column(sa.String(200), default="")
    requires_approval: Mapped[bool] = mapped_column(default=True)
    feed_token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_token)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    owner: Mapped[User] = relationship(lazy="joined", innerjoin=True)
    organisation: Mapped[Organisation | None] = relationship(lazy="joined")
    shared_session: Mapped[TrainingSession | None] = relationship()
    members: Mapped[list[PlanMember]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def channel_list(self) -> list[Channel]:
        """The channels the plan covers, in the order they were chosen."""
        return [Channel(code) for code in self.channels.split(",") if code in CODES]

    @property
    def is_personal(self) -> bool:
        """Whether the plan is one person's own (not an organisation's)."""
        return self.organisation_id is None

    def role_of(self, user: User) -> PlanRole | None:
        """What the user may do with the plan, or None when they may not see it: the owner; a
        colleague by the role given, else as viewer; a shared session's trainer as commenter.
        (Membership is looked up by primary key, so repeated checks hit the identity map.)"""
        if not user.is_authenticated:
            return None
        if user.id == self.owner_id:
            return PlanRole.OWNER
        if self.organisation_id is not None:
            if db.session.get(Membership, (self.organisation_id, user.id)) is None:
                return None
            given = next((m.role for m in self.members if m.user_id == user.id), None)
            return given or PlanRole.VIEWER
        session = self.shared_session
        if session is not None and session.is_trainer(user):
            return PlanRole.COMMENTER
        return None

    def _may(self, user: User, role: PlanRole) -> bool:
        """Whether the user holds at least this role."""
        held = self.role_of(user)
        return held is not None and RANKS[held] >= RANKS[role]

    def can_view(self, user: User) -> bool:
        """Everyone on the plan reads it."""
        return self._may(user, PlanRole.VIEWER)

    def can_comment(self, user: User) -> bool:
        """Commenters, editors and the owner comment."""
        return self._may(user, PlanRole.COMMENTER)

    def can_edit(self, user: User) -> bool:
        """Editors and the owner write sections and calendar entries."""
        return self._may(user, PlanRole.EDITOR)

    def can_manage(self, user: User) -> bool:
        """Only the owner changes the plan's settings, sharing and people."""
        return self._may(user, PlanRole.OWNER)


class PlanMember(Base):
    """A colleague's role on an organisation's plan (members without one are viewers)."""

    __tablename__ = "plan_members"

    plan_id: Mapped[int] = mapped_column(
        sa.ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[PlanRole] = mapped_column(string_enum(PlanRole))

    plan: Mapped[Plan] = relationship(back_populates="members")
    user: Mapped[User] = relationship(lazy="joined", innerjoin=True)
