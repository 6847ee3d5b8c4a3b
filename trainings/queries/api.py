"""Reads of the trainings API: keyset pages, one query each (with the eager loads)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

import sqlalchemy as sa

from paja.api import later_than, on_days
from paja.database import utcnow
from paja.extensions import db
from paja.models import Membership, Role, User
from trainings.models import (
    Channel,
    Event,
    Offering,
    Order,
    OrderStatus,
    Registration,
    SessionStatus,
    Trainer,
    TrainingSession,
)


def workshops_after(
    after: str | None, limit: int, channel: str | None, mode: str | None
) -> list[Offering]:
    """Active workshops by slug, after the cursor's slug, up to limit + 1."""
    statement = sa.select(Offering).where(Offering.active.is_(True)).order_by(Offering.slug)
    if after:
        statement = statement.where(Offering.slug > after)
    if channel:
        statement = statement.where(Offering.channels.any(Channel.slug == channel))
    if mode in {"onsite", "remote", "hybrid"}:
        statement = statement.where(getattr(Offering, mode).is_(True))
    return list(db.session.scalars(statement.limit(limit + 1)))


def active_workshop(slug: str) -> Offering | None:
    """An active workshop by its slug."""
    return db.session.scalar(
        sa.select(Offering).where(Offering.slug == slug, Offering.active.is_(True))
    )


def all_channels() -> list[Channel]:
    """Every channel, in their order."""
    return list(db.session.scalars(sa.select(Channel).order_by(Channel.position, Channel.id)))


def public_trainers() -> list[Trainer]:
    """Trainers with a public profile, by name."""
    from trainings.queries.catalogue import public_trainers as listed

    return listed()


@dataclass(frozen=True)
class SessionFilter:
    """What the open sessions are narrowed by (None: not at all)."""

    workshop: str | None = None
    mode: str | None = None
    start: date | None = None
    end: date | None = None


def open_sessions_after(
    after: str | None, limit: int, wanted: SessionFilter
) -> list[TrainingSession]:
    """Open workshop sessions not yet started, by start time, after the cursor, up to limit + 1;
    of one workshop, in one mode, on Helsinki days start…end when asked."""
    statement = (
        sa.select(TrainingSession)
        .where(
            TrainingSession.organisation_id.is_(None),
            TrainingSession.event_id.is_(None),
            TrainingSession.status == SessionStatus.SCHEDULED,
            TrainingSession.starts_at > utcnow(),
        )
        .order_by(TrainingSession.starts_at, TrainingSession.id)
    )
    if wanted.workshop:
        statement = statement.where(TrainingSession.offering.has(Offering.slug == wanted.workshop))
    if wanted.mode:
        statement = statement.where(TrainingSession.mode == wanted.mode)
    statement = statement.where(
        on_days(TrainingSession.starts_at, wanted.start, wanted.end),
        later_than(after, TrainingSession.starts_at, TrainingSession.id),
    )
    return list(db.session.scalars(statement.limit(limit + 1)))


def open_session(session_id: int) -> TrainingSession | None:
    """A workshop session anyone may register for, by id (a private one or a network day,
    which is registered for through its event, is not found)."""
    session = session_by_id(session_id)
    return session if session is not None and session.is_open and not session.event_id else None


def session_by_id(session_id: int) -> TrainingSession | None:
    """A session by its id."""
    return db.session.get(TrainingSession, session_id)


def published_event(event_id: int) -> Event | None:
    """A published network-day event by its id (a draft is not found)."""
    event = db.session.get(Event, event_id)
    return event if event is not None and event.published else None


def sessions_by_ids(ids: list[int]) -> list[TrainingSession]:
    """The sessions with these ids (those that exist)."""
    return list(db.session.scalars(sa.select(TrainingSession).where(TrainingSession.id.in_(ids))))


def registration_by_id(registration_id: int) -> Registration | None:
    """A registration by its id."""
    return db.session.get(Registration, registration_id)


def registrations_made_by(
    user: User, after: int, limit: int, session_id: int | None, status: str | None
) -> list[Registration]:
    """Up to limit + 1 registrations the user made through the API, by id after the cursor."""
    statement = sa.select(Registration).where(
        Registration.registered_by_id == user.id, Registration.id > after
    )
    if session_id is not None:
        statement = statement.where(Registration.session_id == session_id)
    if status:
        statement = statement.where(Registration.status == status)
    return list(db.session.scalars(statement.order_by(Registration.id).limit(limit + 1)))


def orders_for_token(
    user: User, organisation_id: int | None, after: int, limit: int, status: str | None
) -> list[Order]:
    """Orders a token may read, newest first after the cursor's id, up to limit + 1: an
    organisation token its organisation's; a personal one those of the organisations its
    holder is a contact of (admins: all)."""
    statement = sa.select(Order).order_by(Order.id.desc())
    if organisation_id is not None:
        statement = statement.where(Order.organisation_id == organisation_id)
    if not user.has_role(Role.ADMIN):
        if not user.has_role(Role.CUSTOMER):
            return []
        mine = sa.select(Membership.organisation_id).where(Membership.user_id == user.id)
        statement = statement.where(Order.organisation_id.in_(mine))
    if after:
        statement = statement.where(Order.id < after)
    if status in {s.value for s in OrderStatus}:
        statement = statement.where(Order.status == OrderStatus(status))
    return list(db.session.scalars(statement.limit(limit + 1)))


class OrderRow(NamedTuple):
    """An order with its session (None until confirmed)."""

    order: Order
    session: TrainingSession | None


def with_sessions(orders: list[Order]) -> list[OrderRow]:
    """The orders with their sessions (one query for all)."""
    ids = [order.id for order in orders]
    found = db.session.scalars(sa.select(TrainingSession).where(TrainingSession.order_id.in_(ids)))
    sessions = {session.order_id: session for session in found}
    return [OrderRow(order, sessions.get(order.id)) for order in orders]


class EventRow(NamedTuple):
    """A published event with its days still to come."""

    event: Event
    days: list[TrainingSession]


def published_events_after(after: int, limit: int) -> list[EventRow]:
    """Published events with a day still to come, by id after the cursor, up to limit + 1,
    each with those days in order (two queries)."""
    events = list(
        db.session.scalars(
            sa.select(Event)
            .where(Event.published.is_(True), Event.id.in_(_with_days_to_come()), Event.id > after)
            .order_by(Event.id)
            .limit(limit + 1)
        )
    )
    return with_coming_days(events)


def _with_days_to_come() -> sa.Select[Any]:
    """The ids of events with a scheduled day that has not ended."""
    return sa.select(TrainingSession.event_id).where(
        TrainingSession.event_id.is_not(None),
        TrainingSession.status == SessionStatus.SCHEDULED,
        TrainingSession.ends_at > utcnow(),
    )


def with_coming_days(events: list[Event]) -> list[EventRow]:
    """The events, each with its scheduled days not yet ended, in order (one query)."""
    days = db.session.scalars(
        sa.select(TrainingSession)
        .where(
            TrainingSession.event_id.in_([e.id for e in events]),
            TrainingSession.status == SessionStatus.SCHEDULED,
            TrainingSession.ends_at > utcnow(),
        )
        .order_by(TrainingSession.starts_at)
    )
    by_event: dict[int, list[TrainingSession]] = {e.id: [] for e in events}
    for day in days:
        by_event[day.event_id or 0].append(day)
    return [EventRow(event, by_event[event.id]) for event in events]
