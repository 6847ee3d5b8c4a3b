"""Network days as their pages show them: events, days, agendas and one's own registrations."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import sqlalchemy as sa

from paja.database import utcnow
from paja.extensions import db
from paja.models import Membership, Organisation, Role, User
from trainings.models import AgendaItem, Event, Registration, RegistrationStatus, TrainingSession
from trainings.queries.sessions import LIVE


def upcoming_events() -> list[tuple[Event, datetime]]:
    """Published events with a day still to come, newest first, with their first day."""
    span = (
        sa.select(
            TrainingSession.event_id,
            sa.func.min(TrainingSession.starts_at).label("first"),
            sa.func.max(TrainingSession.ends_at).label("last"),
        )
        .group_by(TrainingSession.event_id)
        .subquery()
    )
    rows = db.session.execute(
        sa.select(Event, span.c.first)
        .join(span, span.c.event_id == Event.id)
        .where(Event.published.is_(True), span.c.last > utcnow())
        .order_by(Event.created_at.desc())
    )
    return [(event, first) for event, first in rows]


def events_run_by(user: User) -> list[Event]:
    """Events of the user's organisations (admins: all), newest first."""
    statement = sa.select(Event).order_by(Event.created_at.desc())
    if not user.has_role(Role.ADMIN):
        mine = sa.select(Membership.organisation_id).where(Membership.user_id == user.id)
        statement = statement.where(Event.organisation_id.in_(mine))
    return list(db.session.scalars(statement))


def agendas(days: list[TrainingSession]) -> dict[int, list[AgendaItem]]:
    """Each day's agenda in time order (one query)."""
    found: dict[int, list[AgendaItem]] = defaultdict(list)
    items = db.session.scalars(
        sa.select(AgendaItem)
        .where(AgendaItem.session_id.in_([d.id for d in days]))
        .order_by(AgendaItem.starts_at, AgendaItem.id)
    )
    for item in items:
        found[item.session_id].append(item)
    return found


def days_without_agenda(event: Event) -> list[TrainingSession]:
    """The event's days that have no agenda item yet."""
    has_items = sa.select(AgendaItem.id).where(AgendaItem.session_id == TrainingSession.id)
    return list(
        db.session.scalars(
            sa.select(TrainingSession)
            .where(TrainingSession.event_id == event.id, ~has_items.exists())
            .order_by(TrainingSession.starts_at)
        )
    )


def registrations_of(event: Event, user: User) -> list[Registration]:
    """A logged-in user's live registrations for the event."""
    if not user.is_authenticated:
        return []
    return list(
        db.session.scalars(
            sa.select(Registration)
            .join(TrainingSession)
            .where(
                TrainingSession.event_id == event.id,
                Registration.user_id == user.id,
                LIVE,
            )
        )
    )


def event_organisations(user: User) -> list[Organisation]:
    """Organisations an organiser may run events for (admins: all)."""
    statement = sa.select(Organisation).order_by(Organisation.name)
    if not user.has_role(Role.ADMIN):
        statement = statement.join(Membership).where(Membership.user_id == user.id)
    return list(db.session.scalars(statement))


def days_of(event: Event) -> list[TrainingSession]:
    """The event's days in order."""
    return list(
        db.session.scalars(
            sa.select(TrainingSession)
            .where(TrainingSession.event_id == event.id)
            .order_by(TrainingSession.starts_at)
        )
    )


def registrations_by_token(token: str) -> tuple[Event, list[Registration]] | None:
    """The event and the days a personal link was issued for (never more, whatever the email)."""
    mine = db.session.scalars(
        sa.select(Registration)
        .join(TrainingSession)
        .where(Registration.personal_token == token, TrainingSession.event_id.is_not(None))
        .order_by(TrainingSession.starts_at, Registration.id)
    ).all()
    if not mine or mine[0].session.event is None:
        return None
    return mine[0].session.event, list(mine)


def live(registrations: list[Registration]) -> list[Registration]:
    """Those not cancelled."""
    return [r for r in registrations if r.status != RegistrationStatus.CANCELLED]


def waiting_counts(days: list[TrainingSession]) -> dict[int, int]:
    """How many wait for a seat on each day (one query)."""
    rows = db.session.execute(
        sa.select(Registration.session_id, sa.func.count())
        .where(
            Registration.session_id.in_([d.id for d in days]),
            Registration.status == RegistrationStatus.WAITING,
        )
        .group_by(Registration.session_id)
    )
    return dict(rows.all())
