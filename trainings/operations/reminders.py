"""A few days before an ordered workshop, its customer contact gets the details and who comes."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from paja.database import utcnow
from paja.extensions import db
from paja.i18n import mail_language
from paja.jobs import every
from paja.mail import send_mail
from paja.sql import changed
from trainings.models import Order, SessionStatus, TrainingSession
from trainings.queries.sessions import participants


def _due(now: datetime) -> sa.ColumnElement[bool]:
    """Scheduled ordered sessions starting within the reminder period, not yet reminded of."""
    ahead = timedelta(days=current_app.config["CUSTOMER_REMINDER_DAYS"])
    return sa.and_(
        TrainingSession.order_id.is_not(None),
        TrainingSession.status == SessionStatus.SCHEDULED,
        TrainingSession.customer_reminded_at.is_(None),
        TrainingSession.starts_at > now,
        TrainingSession.starts_at <= now + ahead,
    )


def remind_customer(session: TrainingSession, now: datetime) -> bool:
    """Send the reminder with the participant list once: the session is claimed with a
    conditional UPDATE, so racing rounds send one mail."""
    claimed = changed(
        sa.update(TrainingSession)
        .where(TrainingSession.id == session.id, _due(now))
        .values(customer_reminded_at=now)
    )
    if not claimed:
        return False
    order = db.session.get(Order, session.order_id)
    assert order is not None  # the session is ordered (_due)
    send_mail(
        order.contact.email, "order_reminder",
        mail_language(order.contact, order.language),
        order=order, session=session, people=participants(session),
    )  # fmt: skip
    logging.getLogger(__name__).info("customer of session %s reminded", session.id)
    return True


def remind_customers(now: datetime, limit: int = 100) -> int:
    """Remind the contacts of every workshop that starts soon; returns how many were sent."""
    due = db.session.scalars(
        sa.select(TrainingSession).where(_due(now)).order_by(TrainingSession.starts_at).limit(limit)
    ).all()
    return sum(remind_customer(session, now) for session in due)


@every(minutes=60)
def reminder_round() -> None:
    """The job worker's hourly round: remind customers of their coming workshops."""
    remind_customers(utcnow())
