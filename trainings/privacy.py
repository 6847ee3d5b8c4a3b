"""What trainings holds about a person, for their download, erasure and retention."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from paja.extensions import db
from paja.models import User
from paja.privacy import PersonalData, erased_email
from paja.sql import changed
from trainings.models import (
    CalendarFeed,
    Order,
    Registration,
    RegistrationStatus,
    SharedLink,
    Trainer,
    TrainingSession,
)


def _registrations(user: User) -> list[Registration]:
    """The person's registrations: made with the account, or with its email address."""
    return list(
        db.session.scalars(
            sa.select(Registration)
            .where(sa.or_(Registration.user_id == user.id, Registration.email == user.email))
            .order_by(Registration.id)
        )
    )


def export(user: User, data: PersonalData) -> None:
    """Registrations, shared links, orders placed, a trainer profile."""
    registrations = _registrations(user)
    data.sections["registrations"] = [
        {
            "session": r.session.title,
            "starts_at": r.session.starts_at,
            "name": r.name,
            "email": r.email,
            "status": str(r.status),
            "attended": r.attended,
            "organisation": r.organisation_name,
            "project": r.project,
            "needs": r.needs,
            "listed_in_directory": r.directory_consent,
            "registered_at": r.created_at,
        }
        for r in registrations
    ]
    tokens = {r.personal_token for r in registrations}
    data.sections["shared_links"] = list(
        db.session.scalars(sa.select(SharedLink.url).where(SharedLink.owner_token.in_(tokens)))
    )
    data.sections["orders_placed"] = [
        {"order": o.id, "workshop": o.offering.title, "status": str(o.status), "at": o.created_at}
        for o in db.session.scalars(sa.select(Order).where(Order.contact_id == user.id))
    ]
    trainer = db.session.scalar(sa.select(Trainer).where(Trainer.user_id == user.id))
    if trainer is not None:
        data.sections["trainer_profile"] = {
            "title": trainer.title,
            "bio": trainer.bio,
            "expertise": trainer.expertise,
            "phone": trainer.phone,
        }


def erase(user: User) -> None:
    """Blank the person's registrations (seats and attendance counts stay), delete their
    shared links and calendar feed, and empty a trainer profile's personal texts."""
    registrations = _registrations(user)
    tokens = {r.personal_token for r in registrations}
    changed(sa.delete(SharedLink).where(SharedLink.owner_token.in_(tokens)))
    for registration in registrations:
        registration.user_id = None
        registration.name = ""
        registration.email = erased_email("registration", registration.id)
        registration.organisation_name = registration.project = registration.needs = ""
        registration.directory_consent = False
    changed(sa.delete(CalendarFeed).where(CalendarFeed.user_id == user.id))
    changed(
        sa.update(Trainer)
        .where(Trainer.user_id == user.id)
        .values(bio="", phone="", title="", expertise="")
    )
    db.session.flush()


CANCELLED_KEPT = timedelta(days=30)


def purge_cancelled(now: datetime) -> int:
    """Delete cancelled registrations 30 days after their session ended; returns how many."""
    over = sa.select(TrainingSession.id).where(TrainingSession.ends_at < now - CANCELLED_KEPT)
    return changed(
        sa.delete(Registration).where(
            Registration.status == RegistrationStatus.CANCELLED, Registration.session_id.in_(over)
        )
    )
