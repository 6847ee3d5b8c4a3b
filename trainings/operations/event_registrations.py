"""Registering for network days: several days at once, one transaction, one confirmation."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from paja.audit import Action, record
from paja.errors import RuleViolation
from paja.extensions import db
from paja.i18n import day as day_label
from paja.i18n import mail_language
from paja.mail import Attachment, send_mail
from paja.models import User
from paja.sql import changed
from trainings.calendar import PUBLISH, calendar
from trainings.models import Event, Registration, RegistrationStatus, TrainingSession
from trainings.models.sessions import new_token
from trainings.operations.registrations import LIVE, register

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
    event: Event,
    days: list[TrainingSession],
    person: Participant,
    visitor: User | None = None,
    registered_by: User | None = None,
) -> list[Registration]:
    """Register for every chosen day (seat or waiting list) or none; typed account email links.
    `registered_by` is an API token's holder registering someone."""
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
    if user is None:
        days = _not_yet_held(days, person.email)
        if not days:  # a stranger learns nothing; the address's owner gets their links
            resend_link(event, person.email)
            return []
    personal_token = _personal_token(event, user)
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
                personal_token=personal_token,
                registered_by_id=registered_by.id if registered_by else None,
            )
        except RuleViolation as refusal:
            message = _("%(day)s: %(reason)s", day=day_label(day.starts_at), reason=refusal.message)
            raise RuleViolation(message, "days") from None
        registrations.append(registration)
    _confirm(event, registrations)
    return registrations


def _not_yet_held(days: list[TrainingSession], email: str) -> list[TrainingSession]:
    """The days this address has no live registration for.

    Someone typing an address that already holds a day is not told so (that would reveal the
    registration); the day is left as it is and the owner finds it on their own page.
    """
    held = set(
        db.session.scalars(
            sa.select(Registration.session_id).where(
                Registration.session_id.in_([d.id for d in days]),
                Registration.email == email.strip().lower(),
                Registration.status.in_(LIVE),
            )
        )
    )
    return [day for day in days if day.id not in held]


def _personal_token(event: Event, user: User | None) -> str:
    """The key of the personal page for these days.

    An account keeps one page per event; anyone else gets a new page for just these days,
    so typing someone's email never reveals or reaches what they registered before.
    """
    if user is not None:
        token = db.session.scalar(
            sa.select(Registration.personal_token)
            .join(TrainingSession)
            .where(TrainingSession.event_id == event.id, Registration.user_id == user.id)
            .limit(1)
        )
        if token:
            return token
    return new_token()


def _confirm(event: Event, registrations: list[Registration]) -> None:
    """One email for all the days, with the confirmed days as an .ics attachment."""
    first = registrations[0]
    seats = [(r.session, r.session.can_see_link(r)) for r in registrations if r.confirmed]
    attachments: tuple[Attachment, ...] = ()
    if seats:
        attachments = (
            Attachment("paja-event.ics", "text/calendar", calendar(seats, event.title, PUBLISH)),
        )
    send_mail(
        first.email,
        "event_registration",
        mail_language(first.user, first.language or event.language),
        attachments=attachments,
        event=event,
        has_calendar=bool(seats),
        registrations=registrations,
        personal=first.personal_token,
    )


def resend_link(event: Event, email: str) -> None:
    """Mail a registered person their personal links again (silently nothing for others).

    Only the address's owner receives them: one link for each time they registered.
    """
    email = email.strip().lower()
    registrations = db.session.scalars(
        sa.select(Registration)
        .join(TrainingSession)
        .where(TrainingSession.event_id == event.id, Registration.email == email)
        .order_by(Registration.id)
    ).all()
    if not registrations:
        return
    pages = list({r.personal_token: r for r in registrations}.values())
    first = registrations[0]
    send_mail(
        email,
        "event_link",
        mail_language(first.user, first.language or event.language),
        event=event,
        registration=first,
        pages=pages,
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
            mail_language(person.user, person.language or day.language),
            subject=subject.strip(),
            body=body.strip(),
            registration=person,
            session=day,
        )
    record(actor, Action.PEOPLE_MESSAGED, f"session {day.id}: {len(people)} people")
    log.info("message to %d registrants of day %s sent by %s", len(people), day.id, actor.email)
    return len(people)
