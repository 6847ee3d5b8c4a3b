"""Factories for network days: organisers, events with days, and registrations to them."""

from __future__ import annotations

import itertools
from datetime import timedelta

from paja.database import utcnow
from paja.extensions import db
from paja.models import Membership, Organisation, Role, User
from tests import factories
from trainings.models import Event, Registration, TrainingSession
from trainings.operations import events as operations
from trainings.operations.event_registrations import Participant, register_for_days
from trainings.operations.events import DayDetails, EventDetails, add_day

_sequence = itertools.count(1)


def create_organiser(organisation: Organisation | None = None) -> User:
    """A user with the organiser role, member of the organisation (a new one if not given)."""
    user = factories.create_user(roles={Role.ORGANISER})
    organisation = organisation or factories.create_organisation()
    db.session.add(Membership(organisation_id=organisation.id, user_id=user.id))
    db.session.commit()
    return user


def organisation_of(organiser: User) -> Organisation:
    """The organiser's (first) organisation."""
    membership = db.session.query(Membership).filter_by(user_id=organiser.id).first()
    return db.session.get(Organisation, membership.organisation_id)


def create_event(
    organiser: User | None = None,
    days: int = 3,
    capacity: int = 10,
    published: bool = True,
    closes_before: timedelta = timedelta(hours=1),
) -> Event:
    """A published event with days a week apart, starting in a week."""
    organiser = organiser or create_organiser()
    event = create_event_only(organiser, published=False)
    for number in range(days):
        starts = utcnow() + timedelta(days=7 * (number + 1))
        add_day(
            event,
            DayDetails(
                starts_at=starts,
                ends_at=starts + timedelta(hours=4),
                registration_closes_at=starts - closes_before,
                capacity=capacity,
                place="Hämeen ELY-keskus, Hämeenlinna",
            ),
        )
    event.published = published
    db.session.commit()
    return event


def create_event_only(organiser: User, published: bool = True) -> Event:
    """An event without days."""
    details = EventDetails(
        title=f"Verkostopäivät {next(_sequence)}",
        description="Sosiaalisen median viestintä",
        language="fi",
        organisation=organisation_of(organiser),
        published=published,
    )
    event = operations.create_event(organiser, details)
    db.session.commit()
    return event


def days_of(event: Event) -> list[TrainingSession]:
    """The event's days in order."""
    return operations.days_of(event)


def register(
    event: Event,
    days: list[TrainingSession],
    name: str | None = None,
    organisation_name: str = "Hanke Oy",
    consent: bool = True,
    needs: str = "",
) -> list[Registration]:
    """Register a person for days (committed)."""
    n = next(_sequence)
    person = Participant(
        name=name or f"Osallistuja {n}",
        email=f"osallistuja{n}@example.fi",
        organisation_name=organisation_name,
        project="OmaKehu",
        needs=needs,
        directory_consent=consent,
    )
    registrations = register_for_days(event, days, person)
    db.session.commit()
    return registrations
