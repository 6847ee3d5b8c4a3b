"""Sessions (scheduled deliveries) and registrations with capacity and a waiting list."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.models import Survey
from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.extensions import db
from paja.i18n import visitor_language
from paja.models import Membership, Organisation, Role, User
from trainings.models.catalogue import Offering, Trainer

if TYPE_CHECKING:
    from trainings.models.events import Event


JOIN_EARLY = timedelta(minutes=15)


def new_token() -> str:
    """An unguessable token for links (invitation, cancellation, calendar feed)."""
    return secrets.token_urlsafe(24)


class SessionStatus(StrEnum):
    """Where a session is."""

    SCHEDULED = "scheduled"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class RegistrationStatus(StrEnum):
    """A registration holds a seat, waits for one, or was cancelled."""

    CONFIRMED = "confirmed"
    WAITING = "waiting"
    CANCELLED = "cancelled"


session_trainers = sa.Table(
    "session_trainers",
    Base.metadata,
    sa.Column("session_id", sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("trainer_id", sa.ForeignKey("trainers.id", ondelete="CASCADE"), primary_key=True),
)


class TrainingSession(Base):
    """One scheduled delivery of a workshop: open to anyone, or private to an organisation."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    offering_id: Mapped[int | None] = mapped_column(sa.ForeignKey("offerings.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    order_id: Mapped[int | None] = mapped_column(sa.ForeignKey("orders.id"), unique=True)
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisations.id"), index=True
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    registration_closes_at: Mapped[datetime] = mapped_column(UTCDateTime)
    mode: Mapped[str] = mapped_column(sa.String(10))
    place: Mapped[str] = mapped_column(sa.String(300), default="")
    meeting_url: Mapped[str] = mapped_column(sa.String(500), default="")
    capacity: Mapped[int]
    seats_taken: Mapped[int] = mapped_column(default=0)
    status: Mapped[SessionStatus] = mapped_column(
        string_enum(SessionStatus), default=SessionStatus.SCHEDULED
    )
    invite_token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_token)
    feedback_survey_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("surveys.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Raised on every change people's calendars must follow (iCalendar SEQUENCE, LAST-MODIFIED).
    calendar_sequence: Mapped[int] = mapped_column(default=0, server_default="0")
    # When the attendees were sent the feedback link: once, after the end (see feedback_due).
    feedback_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When an ordered session's customer contact got the reminder with the participant list.
    customer_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        sa.CheckConstraint(
            "seats_taken >= 0 AND seats_taken <= capacity", name="seats_within_capacity"
        ),
        sa.CheckConstraint(
            "offering_id IS NOT NULL OR event_id IS NOT NULL", name="session_of_something"
        ),
    )

    offering: Mapped[Offering | None] = relationship(lazy="joined")
    event: Mapped[Event | None] = relationship(lazy="joined")
    organisation: Mapped[Organisation | None] = relationship(lazy="joined")
    trainers: Mapped[list[Trainer]] = relationship(secondary=session_trainers, lazy="selectin")
    feedback_survey: Mapped[Survey | None] = relationship()

    @property
    def delivers(self) -> Event | Offering:
        """The event or the workshop this session delivers (the table's CHECK keeps one set)."""
        if self.event is not None:
            return self.event
        if self.offering is None:
            raise ValueError(f"session {self.id} delivers neither an event nor a workshop")
        return self.offering

    @property
    def title(self) -> str:
        """The workshop's or the event's title."""
        return self.delivers.title

    @property
    def summary(self) -> str:
        """A short description for calendars."""
        return self.offering.summary if self.offering else ""

    @property
    def duration_minutes(self) -> int:
        """The workshop's length, or an event day's from its start to its end."""
        if self.offering is not None:
            return self.offering.duration_minutes
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def language(self) -> str:
        """The language it is delivered in."""
        return self.delivers.language

    @property
    def feedback_context(self) -> str:
        """How this session's answers are marked in a shared survey."""
        return f"session:{self.id}"

    @property
    def is_open(self) -> bool:
        """Open sessions are for anyone; private ones belong to an ordering organisation."""
        return self.organisation_id is None

    def has_started(self, now: datetime) -> bool:
        """Whether the session has begun (attendance may be marked, seats no longer cancelled)."""
        return self.starts_at <= now

    def can_mark_attendance(self, user: User, now: datetime) -> bool:
        """Those who run the session mark who came, once it has started."""
        return self.can_manage(user) and self.has_started(now)

    def is_joinable(self, now: datetime) -> bool:
        """Whether the join button shows: from 15 minutes before the start until the end."""
        return self.starts_at - JOIN_EARLY <= now <= self.ends_at

    def takes_registrations(self, now: datetime) -> bool:
        """Whether people may register now: the session is scheduled and the deadline is ahead."""
        return self.status == SessionStatus.SCHEDULED and now < self.registration_closes_at

    @property
    def seats_left(self) -> int:
        """Free seats."""
        return max(self.capacity - self.seats_taken, 0)

    def is_trainer(self, user: User) -> bool:
        """Whether the user trains this session."""
        return user.is_authenticated and any(t.user_id == user.id for t in self.trainers)

    def is_contact(self, user: User) -> bool:
        """Whether the user is a customer contact of the ordering organisation (a member with
        the customer role; plain members are staff who take part, not contacts)."""
        if not user.is_authenticated or self.organisation_id is None:
            return False
        if not user.has_role(Role.CUSTOMER):
            return False
        return db.session.get(Membership, (self.organisation_id, user.id)) is not None

    def can_manage(self, user: User) -> bool:
        """Admins, the session's trainers and an event day's organisers."""
        if not user.is_authenticated:
            return False
        if user.has_role(Role.ADMIN) or self.is_trainer(user):
            return True
        return self.event is not None and self.event.can_manage(user)

    def can_change(self, user: User) -> bool:
        """Admins change a workshop session; its trainers change its meeting link."""
        if not user.is_authenticated or self.event_id is not None:
            return False  # a network day is changed on its own page, by its organisers
        return user.has_role(Role.ADMIN) or self.is_trainer(user)

    def can_cancel(self, user: User) -> bool:
        """Admins cancel any session; organisers the days of their events."""
        if user.is_authenticated and user.has_role(Role.ADMIN):
            return True
        return self.event is not None and self.event.can_manage(user)

    def can_see_participants(self, user: User) -> bool:
        """Admins, trainers, and the ordering organisation's customer contacts."""
        return self.can_manage(user) or self.is_contact(user)

    def can_see_link(self, viewer: User | Registration) -> bool:
        """Who sees the meeting link: those who run the session (admins, its trainers, an event
        day's organisers), the ordering organisation's customer contacts, and whoever holds a
        seat.

        `viewer` is a user (pages, calendar files and feeds), or a registration when the person
        is known by it (their mails, a network day's personal page).
        """
        if isinstance(viewer, Registration):
            return viewer.session_id == self.id and viewer.confirmed
        if not viewer.is_authenticated:
            return False
        if self.can_see_participants(viewer):
            return True
        seat = sa.select(Registration.id).where(
            Registration.session_id == self.id,
            Registration.user_id == viewer.id,
            Registration.status == RegistrationStatus.CONFIRMED,
        )
        return db.session.scalar(seat) is not None


class Registration(Base):
    """A person's place (or place in the queue) in a session."""

    __tablename__ = "registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(120))
    email: Mapped[str] = mapped_column(sa.String(254))
    status: Mapped[RegistrationStatus] = mapped_column(string_enum(RegistrationStatus))
    cancel_token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_token)
    # The personal page's key: shared by the days registered together, never looked up by email.
    personal_token: Mapped[str] = mapped_column(sa.String(64), index=True, default=new_token)
    attended: Mapped[bool | None]
    # Network days ask for these; `needs` is deleted once the day is over (`paja purge`).
    organisation_name: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    project: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    needs: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    directory_consent: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    # The language of the pages the person used: their mails follow it (see mail_language).
    language: Mapped[str | None] = mapped_column(sa.String(5), default=visitor_language)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Who registered the person through the API (their token's holder), if someone did.
    registered_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    __table_args__ = (
        # One live registration per email per session; cancelled ones may repeat.
        sa.Index(
            "uq_registrations_live_email",
            "session_id",
            "email",
            unique=True,
            sqlite_where=sa.text("status != 'cancelled'"),
            postgresql_where=sa.text("status != 'cancelled'"),
        ),
    )

    session: Mapped[TrainingSession] = relationship(lazy="joined", innerjoin=True)
    user: Mapped[User | None] = relationship(foreign_keys=[user_id])

    @property
    def confirmed(self) -> bool:
        """Whether the registration holds a seat."""
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def waiting(self) -> bool:
        """Whether the registration waits for a seat."""
        return self.status == RegistrationStatus.WAITING

    def is_holder(self, user: User) -> bool:
        """Whether the registration is the user's own (made with their account)."""
        return user.is_authenticated and self.user_id == user.id


class CalendarFeed(Base):
    """A user's private calendar-feed address; a new token revokes the old one."""

    __tablename__ = "calendar_feeds"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_token)

    user: Mapped[User] = relationship()


CALENDAR_FIELDS = ("starts_at", "ends_at", "place", "meeting_url", "mode", "status")


@sa.event.listens_for(TrainingSession, "before_update")
def _calendar_changed(mapper: object, connection: object, session: TrainingSession) -> None:
    """A changed time, place, link or status is a new version of the calendar event."""
    state = sa.inspect(session)
    if any(state.attrs[name].history.has_changes() for name in CALENDAR_FIELDS):
        session.calendar_sequence = (session.calendar_sequence or 0) + 1
        session.changed_at = utcnow()
