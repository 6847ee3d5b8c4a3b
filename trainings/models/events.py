"""Network days: events whose days are sessions, agendas, presenting projects, groups, links."""

from __future__ import annotations

from datetime import datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.models import WishBoard
from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.extensions import db
from paja.models import Membership, Organisation, Role, User

if TYPE_CHECKING:
    from trainings.models.sessions import TrainingSession


class AgendaKind(StrEnum):
    """What happens in an agenda slot."""

    INTRODUCTION = "introduction"
    PRESENTATION = "presentation"
    QUESTIONS = "questions"
    GROUPS = "groups"
    BREAK = "break"
    OTHER = "other"


class Event(Base):
    """A multi-day event (network days) run by an organisation; each day is a session."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    language: Mapped[str] = mapped_column(sa.String(5), default="fi")
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    wish_board_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("wish_boards.id", ondelete="SET NULL")
    )
    published: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation: Mapped[Organisation] = relationship(lazy="joined", innerjoin=True)
    created_by: Mapped[User | None] = relationship()
    wish_board: Mapped[WishBoard | None] = relationship()
    projects: Mapped[list[PresentingProject]] = relationship(
        back_populates="event", order_by="PresentingProject.name", cascade="all, delete-orphan"
    )

    def can_manage(self, user: User) -> bool:
        """Admins, and organisers who belong to the organising organisation."""
        if not user.is_authenticated:
            return False
        if user.has_role(Role.ADMIN):
            return True
        return (
            user.has_role(Role.ORGANISER)
            and db.session.get(Membership, (self.organisation_id, user.id)) is not None
        )

    def can_view(self, user: User) -> bool:
        """Published events are public; drafts only for their organisers."""
        return self.published or self.can_manage(user)


class PresentingProject(Base):
    """A project presenting its work at the event, with links to its social-media accounts."""

    __tablename__ = "event_projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(200))
    organisation_name: Mapped[str] = mapped_column(sa.String(200), default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")

    event: Mapped[Event] = relationship(back_populates="projects")
    links: Mapped[list[SharedLink]] = relationship(
        order_by="SharedLink.id", cascade="all, delete-orphan", lazy="selectin"
    )

    def can_manage(self, user: User) -> bool:
        """The event's organisers."""
        return self.event.can_manage(user)


class AgendaItem(Base):
    """A timed slot of a day's programme (Helsinki wall-clock time)."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[time]
    ends_at: Mapped[time | None]
    kind: Mapped[AgendaKind] = mapped_column(string_enum(AgendaKind))
    title: Mapped[str] = mapped_column(sa.String(200))
    presenter: Mapped[str] = mapped_column(sa.String(200), default="")
    project_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("event_projects.id", ondelete="SET NULL")
    )

    project: Mapped[PresentingProject | None] = relationship()
    session: Mapped[TrainingSession] = relationship()

    def can_manage(self, user: User) -> bool:
        """The day's organisers."""
        return self.session.can_manage(user)


class SmallGroup(Base):
    """A discussion group of a day; members see it once the organiser publishes the groups."""

    __tablename__ = "small_groups"
    __table_args__ = (sa.UniqueConstraint("session_id", "number", name="uq_small_groups_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    published: Mapped[bool] = mapped_column(default=False)


group_members = sa.Table(
    "group_members",
    Base.metadata,
    sa.Column(
        "registration_id",
        sa.ForeignKey("registrations.id", ondelete="CASCADE"),
        primary_key=True,  # a person is in one group of a day (a registration is one day)
    ),
    sa.Column(
        "group_id", sa.ForeignKey("small_groups.id", ondelete="CASCADE"), nullable=False, index=True
    ),
)


class SharedLink(Base):
    """A link to an organisation's social-media account, shared by a participant or a project."""

    __tablename__ = "shared_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(sa.String(254), default="")  # a participant's, else ""
    # A participant's link belongs to the personal page it was shared on (its personal token).
    owner_token: Mapped[str] = mapped_column(
        sa.String(64), default="", server_default="", index=True
    )
    project_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("event_projects.id", ondelete="CASCADE")
    )
    url: Mapped[str] = mapped_column(sa.String(500))
    channel: Mapped[str] = mapped_column(sa.String(30))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped[Event] = relationship()

    def can_manage(self, user: User) -> bool:
        """The event's organisers."""
        return self.event.can_manage(user)

    def is_shared_by(self, event: Event, personal_token: str) -> bool:
        """Whether this link was shared in this event on the personal page with this token."""
        return (
            self.event_id == event.id
            and self.project_id is None
            and self.owner_token == personal_token
        )
