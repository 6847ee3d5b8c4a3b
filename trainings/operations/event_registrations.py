"""Registering for network days: several days at once, one transaction, one confirmation."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from paja.errors import RuleViolation
from paja.extensions import db
from paja.i18n import day as day_label
from paja.mail import Attachment, send_mail
from paja.models import User
from paja.sql import changed
from trainings.calendar import calendar
from trainings.models import Event, Registration, RegistrationStatus, TrainingSession
from trainings.operations.registrations import register

log = logging.getLogger(__name__)
NEEDS_LIMIT = 500


@dataclass
class Participant:
    """What a person tells when registering for network days."""

    name: str
    email: str
    organisation_name: str
    project: str = ""
    needs: str = ""
    directory_consent: bool = False


def register_for_days(
    event: Event, days: list[TrainingSession], person: Participant, visitor: User | None = None
) -> list[Registration]:
    """Register for every chosen day (seat or waiting list) or none; typed account email links."""
    typed = person.email.strip().lower()
    user = visitor if visitor is not None and visitor.is_authenticated else None
    if user is not None and user.email != typed:
        user = None  # someone else's email: the registration is theirs, not the account's
    if not days:
        raise RuleViolation(_("Choose at least one day."), "days")
    if any(day.event_id != event.id for day in days):
        raise RuleViolation(_("Choose one of the listed options."), "days")
    if len(person.needs) > NEEDS_LIMIT:
        raise RuleViolation(_("Write at most %(num)d characters.", num=NEEDS_LIMIT), "needs")
    registrations = []
    for day in sorted(days, key=lambda d: d.starts_at):
        try:
            registration = register(
                day,
                person.name,
                person.email,
                user,
                notify=False,
                organisation_name=person.organisation_name.strip(),
                project=person.project.strip(),
                needs=person.needs.strip(),
                directory_consent=person.directory_consent,
            )
        except RuleViolation as refusal:
            message = _("%(day)s: %(reason)s", day=day_label(day.starts_at), reason=refusal.message)
            raise RuleViolation(message, "days") from None
        registrations.append(registration)
    _confirm(event, registrations)
    return registrations


def _confirm(event: Event, registrations: list[Registration]) -> None:
    """One email for all the days, with the confirmed days as an .ics attachment."""
    first = registrations[0]
    seats = [(r.session, r.session.can_see_link(r)) for r in registrations if r.confirmed]
    attachments: tuple[Attachment, ...] = ()
    if seats:
        attachments = (Attachment("paja-event.ics", "text/calendar", calendar(seats, event.title)),)
    send_mail(
        first.email,
        "event_registration",
        first.user.locale if first.user else event.language,
        attachments=attachments,
        event=event,
        has_calendar=bool(seats),
        registrations=registrations,
        personal=first.cancel_token,
    )


def resend_link(event: Event, email: str) -> None:
    """Mail a registered person their personal link again (silently nothing for others)."""
    email = email.strip().lower()
    registration = db.session.scalar(
        sa.select(Registration)
        .join(TrainingSession)
        .where(TrainingSession.event_id == event.id, Registration.email == email)
        .order_by(Registration.id)
        .limit(1)
    )
    if registration is None:
        return
    send_mail(
        email,
        "event_link",
        registration.user.locale if registration.user else event.language,
        event=event,
        registration=registration,
    )


def purge_needs(now: datetime) -> int:
    """Delete dietary and accessibility needs of days that are over; returns how many."""
    over = sa.select(TrainingSession.id).where(
        TrainingSession.event_id.is_not(None), TrainingSession.ends_at < now
    )
    count = changed(
        sa.update(Registration)
        .where(Registration.needs != "", Registration.session_id.in_(over))
        .values(needs="")
    )
    log.info("needs of %d registrations deleted after their day", count)
    return count


def message_day(day: TrainingSession, actor: User, subject: str, body: str, waiting: bool) -> int:
    """Email everyone with a seat (and, if asked, the waiting list) of a day; returns how many."""
    if not subject.strip():
        raise RuleViolation(_("Give the message a subject."), "subject")
    if not body.strip():
        raise RuleViolation(_("Write the message."), "body")
    statuses = [RegistrationStatus.CONFIRMED] + ([RegistrationStatus.WAITING] if waiting else [])
    people = db.session.scalars(
        sa.select(Registration)
        .where(Registration.session_id == day.id, Registration.status.in_(statuses))
        .options(selectinload(Registration.user))
    ).all()
    if not people:
        raise RuleViolation(_("Nobody is registered for this day yet."))
    for person in people:
        send_mail(
            person.email,
            "day_message",
            person.user.locale if person.user else day.language,
            subject=subject.strip(),
            body=body.strip(),
            registration=person,
            session=day,
        )
    log.info("message to %d registrants of day %s sent by %s", len(people), day.id, actor.email)
    return len(people)
