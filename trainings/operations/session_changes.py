"""Changing a scheduled session: everyone registered and every trainer hears what changed."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import gettext as _

from paja.errors import RuleViolation, check_all
from paja.extensions import db
from paja.i18n import mail_language
from paja.mail import Attachment, send_mail
from paja.models import Role, User
from trainings.calendar import CANCEL, PUBLISH, calendar
from trainings.labels import CHANGE_LABELS
from trainings.models import (
    Registration,
    RegistrationStatus,
    SessionStatus,
    Trainer,
    TrainingSession,
)
from trainings.operations.scheduling import check_delivery, check_times

log = logging.getLogger(__name__)
TIMES = ("starts_at", "ends_at", "registration_closes_at")
LINK_ONLY = {"meeting_url"}  # what a session's own trainer may change


@dataclass
class SessionChange:
    """A scheduled session as it should be from now on (Helsinki times made aware)."""

    starts_at: datetime
    ends_at: datetime
    registration_closes_at: datetime
    place: str
    meeting_url: str
    capacity: int
    trainers: list[Trainer]


def _same(value: object) -> object:
    """A value as forms give it: times to the minute."""
    return value.replace(second=0, microsecond=0) if isinstance(value, datetime) else value


def _differences(session: TrainingSession, change: SessionChange) -> list[str]:
    """The names of what the change would change."""
    now = {
        "starts_at": change.starts_at, "ends_at": change.ends_at,
        "registration_closes_at": change.registration_closes_at,
        "place": change.place.strip(), "meeting_url": change.meeting_url.strip(),
        "capacity": change.capacity,
    }  # fmt: skip
    changed = [name for name, value in now.items() if _same(getattr(session, name)) != _same(value)]
    if {t.id for t in session.trainers} != {t.id for t in change.trainers}:
        changed.append("trainers")
    return changed


def _check(
    session: TrainingSession, actor: User, change: SessionChange, changed: list[str]
) -> None:
    """Refuse what cannot be: a past or upside-down time, seats below those taken."""
    if session.status != SessionStatus.SCHEDULED:
        raise RuleViolation(_("Only a scheduled session can be changed."))
    if not actor.has_role(Role.ADMIN) and not set(changed) <= LINK_ONLY:
        raise RuleViolation(_("A trainer can change the meeting link only."))

    def seats() -> None:
        if change.capacity < session.seats_taken:
            raise RuleViolation(
                _("%(num)d people already hold a seat; the capacity cannot be lower.",
                  num=session.seats_taken), "capacity",
            )  # fmt: skip

    def times() -> None:
        if set(changed) & set(TIMES):
            check_times(change.starts_at, change.ends_at, change.registration_closes_at)

    def trainers() -> None:
        if not change.trainers:
            raise RuleViolation(_("Choose at least one trainer."), "trainers")

    check_all(
        times, seats, trainers,
        lambda: check_delivery(session.mode, change.place, change.meeting_url),
    )  # fmt: skip


def change_session(session: TrainingSession, actor: User, change: SessionChange) -> list[str]:
    """Change a scheduled session and tell everyone it concerns; returns what changed.

    Admins change anything; the session's trainer changes its meeting link. Participants
    (seated and waiting) get the updated calendar event, trainers added or removed a
    calendar event or its cancellation, the others the update.
    """
    changed = _differences(session, change)
    _check(session, actor, change, changed)
    if not changed:
        return []
    before = list(session.trainers)
    values = {
        "starts_at": change.starts_at, "ends_at": change.ends_at,
        "registration_closes_at": change.registration_closes_at, "place": change.place.strip(),
        "meeting_url": change.meeting_url.strip(), "capacity": change.capacity,
        "trainers": list(change.trainers),
    }  # fmt: skip
    for name in changed:  # only what changed: an unchanged time keeps its seconds
        setattr(session, name, values[name])
    db.session.flush()  # the calendar version rises here (TrainingSession's before_update)
    labels = [str(CHANGE_LABELS[name]) for name in changed]
    tell_participants(session, labels)
    tell_trainers(session, before, labels)
    log.info("session %s changed by %s: %s", session.id, actor.email, ", ".join(changed))
    return changed


def tell_participants(session: TrainingSession, labels: list[str]) -> None:
    """Each live registration once, in its language, with the updated event."""
    people = db.session.scalars(
        sa.select(Registration).where(
            Registration.session_id == session.id,
            Registration.status.in_([RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]),
        )
    )
    for registration in people:
        ics = calendar([(session, session.can_see_link(registration))], session.title, PUBLISH)
        send_mail(
            registration.email, "session_changed",
            mail_language(registration.user, registration.language),
            (Attachment("paja-session.ics", "text/calendar", ics),),
            registration=registration, session=session, changes=labels,
        )  # fmt: skip


def tell_trainers(session: TrainingSession, before: list[Trainer], labels: list[str]) -> None:
    """Trainers added get the session, trainers removed its cancellation, the rest the update."""
    kept = {trainer.id for trainer in before}
    now = {trainer.id for trainer in session.trainers}
    told = [(t, "trainer_assigned" if t.id not in kept else "trainer_changed", PUBLISH)
            for t in session.trainers]  # fmt: skip
    told += [(t, "trainer_removed", CANCEL) for t in before if t.id not in now]
    for trainer, template, method in told:
        ics = calendar([(session, method == PUBLISH)], session.title, method)
        send_mail(
            trainer.user.email, template, trainer.user.locale,
            (Attachment("paja-session.ics", "text/calendar", ics),),
            trainer=trainer, session=session, changes=labels,
        )  # fmt: skip
