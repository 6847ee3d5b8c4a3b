"""Sessions and registrations as the session pages, calendars and lists need them."""

from __future__ import annotations

import sqlalchemy as sa

from paja.database import utcnow
from paja.extensions import db
from paja.i18n import day
from paja.models import Membership, Role, User
from trainings.models import (
    CalendarFeed,
    Event,
    Order,
    Registration,
    RegistrationStatus,
    SessionStatus,
    Trainer,
    TrainingSession,
)
from trainings.models.sessions import session_trainers

LIVE = Registration.status != RegistrationStatus.CANCELLED


def trained_by(user: User) -> sa.Select[int]:
    """The ids of the sessions a user trains (a subquery for other reads)."""
    return sa.select(session_trainers.c.session_id).join(Trainer).where(Trainer.user_id == user.id)


def upcoming_open_sessions() -> list[TrainingSession]:
    """Workshop sessions anyone can register for that have not started, soonest first."""
    return list(
        db.session.scalars(
            sa.select(TrainingSession)
            .where(
                TrainingSession.organisation_id.is_(None),
                TrainingSession.event_id.is_(None),
                TrainingSession.status == SessionStatus.SCHEDULED,
                TrainingSession.starts_at > utcnow(),
            )
            .order_by(TrainingSession.starts_at)
        )
    )


def registration_of(session: TrainingSession, user: User) -> Registration | None:
    """The user's live registration to the session (seat or waiting list)."""
    if not user.is_authenticated:
        return None
    return db.session.scalar(
        sa.select(Registration).where(
            Registration.session_id == session.id, Registration.user_id == user.id, LIVE
        )
    )


def live_registrations_of(user: User) -> dict[int, Registration]:
    """The user's live registrations by session id."""
    rows = db.session.scalars(sa.select(Registration).where(Registration.user_id == user.id, LIVE))
    return {registration.session_id: registration for registration in rows}


def registration_by_token(token: str) -> Registration | None:
    """The registration behind a personal (cancellation) link."""
    return db.session.scalar(sa.select(Registration).where(Registration.cancel_token == token))


def participants(session: TrainingSession) -> list[Registration]:
    """Live registrations: seats first, then the waiting list in order."""
    return list(
        db.session.scalars(
            sa.select(Registration)
            .where(Registration.session_id == session.id, LIVE)
            .order_by(Registration.status, Registration.created_at, Registration.id)
        )
    )


def user_sessions(user: User) -> list[TrainingSession]:
    """Sessions the user trains, is registered to (seat or queue), whose organisation ordered,
    and, for an organiser, the days of the events their organisations run."""
    registered = sa.select(Registration.session_id).where(Registration.user_id == user.id, LIVE)
    mine = sa.select(Membership.organisation_id).where(Membership.user_id == user.id)
    ordered = sa.select(TrainingSession.id).where(TrainingSession.organisation_id.in_(mine))
    kinds = [
        TrainingSession.id.in_(trained_by(user)),
        TrainingSession.id.in_(registered),
        TrainingSession.id.in_(ordered),
    ]
    if user.has_role(Role.ORGANISER):
        kinds.append(
            TrainingSession.event_id.in_(sa.select(Event.id).where(Event.organisation_id.in_(mine)))
        )
    return list(
        db.session.scalars(
            sa.select(TrainingSession).where(sa.or_(*kinds)).order_by(TrainingSession.starts_at)
        )
    )


def feed_of(user: User) -> CalendarFeed | None:
    """The user's calendar feed, if they have made one."""
    return db.session.get(CalendarFeed, user.id)


def feed_by_token(token: str) -> CalendarFeed | None:
    """The calendar feed behind a private address, if its owner's account is active."""
    feed = db.session.scalar(sa.select(CalendarFeed).where(CalendarFeed.token == token))
    return feed if feed is not None and feed.user.active else None


def session_of(order: Order) -> TrainingSession | None:
    """The session a confirmed order created."""
    return db.session.scalar(sa.select(TrainingSession).where(TrainingSession.order_id == order.id))


def session_label(context: str) -> str:
    """A feedback context such as 'session:12' as people know it: the workshop and its day."""
    kind, _, ident = context.partition(":")
    session = (
        db.session.get(TrainingSession, int(ident))
        if kind == "session" and ident.isdigit()
        else None
    )
    return f"{session.title}, {day(session.starts_at)}" if session else context
