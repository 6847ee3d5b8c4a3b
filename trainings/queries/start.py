"""What the start page shows of trainings, per role; each read is a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from paja.extensions import db
from paja.i18n import HELSINKI
from paja.models import Membership, Role, User
from paja.start_page import unless_idle
from trainings.models import (
    Event,
    Order,
    OrderStatus,
    Registration,
    RegistrationStatus,
    SessionStatus,
    TrainingSession,
)
from trainings.queries.events import waiting_counts
from trainings.queries.feedback import feedback_figures
from trainings.queries.sessions import LIVE, trained_by

SHOWN = 10
FORTNIGHT = timedelta(days=14)


def _today_starts(now: datetime) -> datetime:
    """Midnight of today in Helsinki."""
    return now.astimezone(HELSINKI).replace(hour=0, minute=0, second=0, microsecond=0)


def _status_counts(statement: sa.Select[Any]) -> dict[str, int]:
    """How many of the selected orders are in each status (one query)."""
    counted = statement.with_only_columns(Order.status, sa.func.count()).group_by(Order.status)
    return {str(status): count for status, count in db.session.execute(counted)}


def admin_orders(user: User, now: datetime) -> dict[str, Any]:
    """Orders waiting for confirmation (the oldest first) and how many are in each status."""
    waiting = db.session.scalars(
        sa.select(Order)
        .where(Order.status == OrderStatus.REQUESTED)
        .order_by(Order.created_at, Order.id)
        .limit(SHOWN)
    ).all()
    return {"waiting": waiting, "counts": _status_counts(sa.select(Order))}


def admin_sessions(user: User, now: datetime) -> dict[str, Any]:
    """Sessions of this week and next, with seats and waiting lists."""
    sessions = db.session.scalars(
        sa.select(TrainingSession)
        .where(
            TrainingSession.status != SessionStatus.CANCELLED,
            TrainingSession.ends_at >= _today_starts(now),
            TrainingSession.starts_at < _today_starts(now) + FORTNIGHT,
        )
        .order_by(TrainingSession.starts_at, TrainingSession.id)
        .limit(50)
    ).all()
    return {"sessions": sessions, "waiting": waiting_counts(list(sessions)), "now": now}


def trainer_week(user: User, now: datetime) -> dict[str, Any]:
    """The trainer's next sessions, attendance still to mark, and the newest feedback."""
    mine = TrainingSession.id.in_(trained_by(user))
    coming = db.session.scalars(
        sa.select(TrainingSession)
        .where(mine, TrainingSession.status == SessionStatus.SCHEDULED)
        .where(TrainingSession.ends_at > now)
        .order_by(TrainingSession.starts_at)
        .limit(SHOWN)
    ).all()
    to_mark = db.session.scalars(
        sa.select(TrainingSession)
        .where(mine, TrainingSession.status == SessionStatus.SCHEDULED)
        .where(TrainingSession.starts_at <= now)
        .order_by(TrainingSession.starts_at.desc())
        .limit(SHOWN)
    ).all()
    reviewed = db.session.scalars(
        sa.select(TrainingSession)
        .where(mine, TrainingSession.feedback_sent_at.is_not(None))
        .where(TrainingSession.ends_at > now - timedelta(days=30))
        .order_by(TrainingSession.ends_at.desc())
        .limit(SHOWN)
    ).all()
    figures = feedback_figures(list(reviewed))
    return {
        "coming": coming,
        "to_mark": to_mark,
        "reviewed": [(s, figures[s.id]) for s in reviewed if s.id in figures],
        "now": now,
    }


def organiser_events(user: User, now: datetime) -> dict[str, Any]:
    """The organiser's events with days still to come, and seats taken and waiting per day."""
    statement = sa.select(TrainingSession).join(Event, Event.id == TrainingSession.event_id)
    if not user.has_role(Role.ADMIN):
        mine = sa.select(Membership.organisation_id).where(Membership.user_id == user.id)
        statement = statement.where(Event.organisation_id.in_(mine))
    days = db.session.scalars(
        statement.where(TrainingSession.ends_at > now).order_by(TrainingSession.starts_at).limit(30)
    ).all()
    events: dict[int, list[TrainingSession]] = defaultdict(list)
    for one_day in days:
        events[one_day.event_id or 0].append(one_day)
    return {
        "events": [(event_days[0].event, event_days) for event_days in events.values()],
        "waiting": waiting_counts(list(days)),
    }


def customer_orders(user: User, now: datetime) -> dict[str, Any]:
    """The orders of the user's organisations, newest first, with their sessions' times."""
    mine = sa.select(Membership.organisation_id).where(Membership.user_id == user.id)
    rows = db.session.execute(
        sa.select(Order, TrainingSession)
        .outerjoin(TrainingSession, TrainingSession.order_id == Order.id)
        .where(Order.organisation_id.in_(mine))
        .order_by(Order.created_at.desc(), Order.id.desc())
        .limit(SHOWN)
    ).all()
    counts = _status_counts(sa.select(Order).where(Order.organisation_id.in_(mine)))
    return {"orders": [(order, session) for order, session in rows], "counts": counts}


def next_sessions(user: User, now: datetime) -> dict[str, Any]:
    """The sessions the user holds a seat or waits for that have not ended."""
    rows = db.session.scalars(
        sa.select(Registration)
        .join(TrainingSession, TrainingSession.id == Registration.session_id)
        .where(Registration.user_id == user.id, LIVE, TrainingSession.ends_at > now)
        .where(TrainingSession.status == SessionStatus.SCHEDULED)
        .order_by(TrainingSession.starts_at)
        .limit(SHOWN)
    ).all()
    data = {"registrations": rows, "now": now, "waiting": RegistrationStatus.WAITING}
    return unless_idle(user, data, rows)
