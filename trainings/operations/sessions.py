"""Scheduling open sessions, marking delivery and attendance, calendar feeds."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import gettext as _

from paja.audit import Action, record
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.i18n import mail_language
from paja.mail import Attachment, send_mail
from paja.models import User
from trainings.calendar import CANCEL, calendar
from trainings.models import (
    CalendarFeed,
    Offering,
    Registration,
    RegistrationStatus,
    SessionStatus,
    Trainer,
    TrainingSession,
)
from trainings.models.sessions import new_token
from trainings.operations.feedback import attach_survey, send_feedback_if_due
from trainings.operations.scheduling import check_delivery, check_times
from trainings.signals import attendance_marked

log = logging.getLogger(__name__)


@dataclass
class Schedule:
    """When and where an open session runs."""

    offering: Offering
    starts_at: datetime
    ends_at: datetime
    registration_closes_at: datetime
    mode: str
    capacity: int
    trainers: list[Trainer]
    place: str = ""
    meeting_url: str = ""


def check_schedule(schedule: Schedule) -> None:
    """Refuse impossible times, places and links."""
    check_times(schedule.starts_at, schedule.ends_at, schedule.registration_closes_at)
    if schedule.mode not in {mode.value for mode in schedule.offering.modes}:
        raise RuleViolation(_("This workshop is not delivered that way."), "mode")
    check_delivery(schedule.mode, schedule.place, schedule.meeting_url)


def schedule_open_session(actor: User, schedule: Schedule) -> TrainingSession:
    """Create an open session anyone may register for."""
    check_schedule(schedule)
    session = TrainingSession(
        offering=schedule.offering,
        starts_at=schedule.starts_at,
        ends_at=schedule.ends_at,
        registration_closes_at=schedule.registration_closes_at,
        mode=schedule.mode,
        place=schedule.place.strip(),
        meeting_url=schedule.meeting_url.strip(),
        capacity=schedule.capacity,
        trainers=list(schedule.trainers),
    )
    db.session.add(session)
    db.session.flush()
    attach_survey(session)
    log.info(
        "open session %s of %s scheduled by %s", session.id, schedule.offering.slug, actor.email
    )
    return session


def mark_attendance(session: TrainingSession, actor: User, present: set[int]) -> None:
    """Record who of the confirmed registrants attended; only once the session has started."""
    if not session.has_started(utcnow()):
        raise RuleViolation(_("Attendance can be marked once the session has started."))
    registrations = list(
        db.session.scalars(
            sa.select(Registration).where(
                Registration.session_id == session.id,
                Registration.status == RegistrationStatus.CONFIRMED,
            )
        )
    )
    for registration in registrations:
        registration.attended = registration.id in present
    session.status = SessionStatus.DELIVERED
    db.session.flush()
    # Marked at the start, the feedback link waits for the end (send_due_feedback); marked
    # after the end, it goes now. Either way once.
    send_feedback_if_due(session, utcnow())
    attendance_marked.send(session)
    record(actor, Action.ATTENDANCE_MARKED, f"session {session.id}: {len(present)} present")
    log.info(
        "attendance of session %s marked by %s: %d present", session.id, actor.email, len(present)
    )


def cancel_session(session: TrainingSession, actor: User, reason: str) -> int:
    """Cancel a scheduled session and tell everyone registered; returns how many were told."""
    if session.status != SessionStatus.SCHEDULED:
        raise RuleViolation(_("Only a scheduled session can be cancelled."))
    if not reason.strip():
        raise RuleViolation(_("Give a reason for the cancellation."), "note")
    session.status = SessionStatus.CANCELLED
    registrations = db.session.scalars(
        sa.select(Registration).where(
            Registration.session_id == session.id,
            Registration.status != RegistrationStatus.CANCELLED,
        )
    ).all()
    template = "day_cancelled" if session.event_id is not None else "session_cancelled"
    removal = Attachment(
        "paja-cancelled.ics", "text/calendar", calendar([(session, False)], session.title, CANCEL)
    )
    for registration in registrations:
        locale = mail_language(registration.user, registration.language)
        send_mail(registration.email, template, locale, (removal,), registration=registration,
                  session=session, reason=reason.strip())  # fmt: skip
    db.session.flush()
    log.info(
        "session %s cancelled by %s; %d people told", session.id, actor.email, len(registrations)
    )
    return len(registrations)


def renew_feed(user: User) -> CalendarFeed:
    """Give the user a calendar-feed address; a new one replaces (and revokes) the old one."""
    feed = db.session.get(CalendarFeed, user.id)
    if feed is None:
        feed = CalendarFeed(user_id=user.id)
        db.session.add(feed)
    else:
        feed.token = new_token()
    db.session.flush()
    return feed
