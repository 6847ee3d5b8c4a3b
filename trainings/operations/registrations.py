"""Registration with capacity and a waiting list, safe when requests race.

The seat count is changed only by conditional UPDATEs (`seats_taken < capacity`), which
PostgreSQL row-locks and SQLite serialises (BEGIN IMMEDIATE); a partial unique index
stops a second live registration for one email. Network days reuse these functions.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.i18n import mail_language
from paja.mail import Attachment, send_mail
from paja.models import User
from paja.sql import changed
from trainings.calendar import CANCEL, PUBLISH, calendar
from trainings.models import Registration, RegistrationStatus, SessionStatus, TrainingSession
from trainings.signals import registered
from trainings.webhook_events import (
    REGISTRATION_CANCELLED,
    REGISTRATION_CREATED,
    REGISTRATION_PROMOTED,
    registration_event,
)

log = logging.getLogger(__name__)
LIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


def _take_seat(session_id: int) -> bool:
    """Take a seat if one is free; True when taken."""
    taken = changed(
        sa.update(TrainingSession)
        .where(
            TrainingSession.id == session_id, TrainingSession.seats_taken < TrainingSession.capacity
        )
        .values(seats_taken=TrainingSession.seats_taken + 1)
    )
    return taken == 1


def _free_seat(session_id: int) -> None:
    """Give a seat back."""
    changed(
        sa.update(TrainingSession)
        .where(TrainingSession.id == session_id, TrainingSession.seats_taken > 0)
        .values(seats_taken=TrainingSession.seats_taken - 1)
    )


def check_open(session: TrainingSession) -> None:
    """Refuse registration after the deadline or for a session that is not scheduled."""
    if session.takes_registrations(utcnow()):
        return
    if session.status != SessionStatus.SCHEDULED:
        raise RuleViolation(_("This session is not open for registration."))
    raise RuleViolation(_("Registration for this session has closed."))


def register(
    session: TrainingSession,
    name: str,
    email: str,
    user: User | None = None,
    notify: bool = True,
    registered_by_id: int | None = None,
    **details: str | bool | int,
) -> Registration:
    """Register a person: a seat while seats remain, else a place on the waiting list.

    `details` fill a network day's extra fields; `notify=False` leaves the email to the caller;
    `registered_by_id` is the API token's holder who registered them.
    """
    check_open(session)
    email = email.strip().lower()
    registration = Registration(
        session_id=session.id,
        user_id=user.id if user else None,
        name=name.strip(),
        email=email,
        status=RegistrationStatus.WAITING,
        registered_by_id=registered_by_id,
        **details,
    )
    try:
        with db.session.begin_nested():
            db.session.add(registration)
            db.session.flush()
            if _take_seat(session.id):
                registration.status = RegistrationStatus.CONFIRMED
    except IntegrityError:
        raise RuleViolation(
            _("%(email)s is already registered for this session.", email=email), "email"
        ) from None
    db.session.refresh(session)
    log.info("%s registered to session %s: %s", email, session.id, registration.status)
    if notify:
        _send(
            registration,
            "registration_confirmed" if registration.confirmed else "registration_waiting",
        )
    registered.send(registration)
    registration_event(REGISTRATION_CREATED, registration)
    return registration


def register_anonymously(session: TrainingSession, name: str, email: str) -> None:
    """Register someone not logged in; an address already registered is mailed its own
    registration again, so the visitor learns nothing about who has registered."""
    existing = db.session.scalar(
        sa.select(Registration).where(
            Registration.session_id == session.id,
            Registration.email == email.strip().lower(),
            Registration.status.in_(LIVE),
        )
    )
    if existing is None:
        register(session, name, email)
        return
    check_open(session)
    _send(existing, "registration_confirmed" if existing.confirmed else "registration_waiting")


def cancel_registration(registration: Registration) -> Registration | None:
    """Cancel a registration; a freed seat goes to the first on the waiting list (returned)."""
    if registration.status == RegistrationStatus.CANCELLED:
        return None
    if registration.session.has_started(utcnow()):
        raise RuleViolation(_("The session has already started; it can no longer be cancelled."))
    held_seat = registration.status == RegistrationStatus.CONFIRMED
    cancelled = changed(
        sa.update(Registration)
        .where(Registration.id == registration.id, Registration.status.in_(LIVE))
        .values(status=RegistrationStatus.CANCELLED)
    )
    db.session.refresh(registration)
    if not cancelled:
        return None
    log.info("%s cancelled session %s", registration.email, registration.session_id)
    _send(registration, "registration_cancelled")
    registration_event(REGISTRATION_CANCELLED, registration)
    if not held_seat:
        return None
    _free_seat(registration.session_id)
    return promote_waiting(registration.session)


def promote_waiting(session: TrainingSession) -> Registration | None:
    """Give a free seat to the first on the waiting list, if any, and tell them."""
    candidates = db.session.scalars(
        sa.select(Registration.id)
        .where(
            Registration.session_id == session.id, Registration.status == RegistrationStatus.WAITING
        )
        .order_by(Registration.created_at, Registration.id)
        .limit(5)
    ).all()
    for candidate in candidates:
        if not _take_seat(session.id):
            return None
        promoted = changed(
            sa.update(Registration)
            .where(Registration.id == candidate, Registration.status == RegistrationStatus.WAITING)
            .values(status=RegistrationStatus.CONFIRMED)
        )
        if promoted:
            registration = db.session.get_one(Registration, candidate)
            db.session.refresh(registration)
            log.info(
                "%s promoted from the waiting list of session %s", registration.email, session.id
            )
            _send(registration, "registration_promoted")
            registration_event(REGISTRATION_PROMOTED, registration)
            return registration
        _free_seat(session.id)  # someone else took this one meanwhile
    return None


CALENDAR_METHODS = {
    "registration_confirmed": PUBLISH,
    "registration_promoted": PUBLISH,
    "registration_cancelled": CANCEL,
}


def _send(registration: Registration, template: str) -> None:
    """Mail the registrant in their language (their account's, else that of the pages used),
    with the calendar event of a seat, or its cancellation."""
    session = registration.session
    method = CALENDAR_METHODS.get(template)
    attachments: tuple[Attachment, ...] = ()
    if method:
        ics = calendar([(session, session.can_see_link(registration))], session.title, method)
        attachments = (Attachment("paja-session.ics", "text/calendar", ics),)
    send_mail(
        registration.email,
        template,
        mail_language(registration.user, registration.language),
        attachments,
        registration=registration,
        session=session,
    )
