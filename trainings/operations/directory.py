"""'Who is here': a day's consenting participants and their shared links."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa

from paja.extensions import db
from paja.models import User
from trainings.models import (
    Registration,
    RegistrationStatus,
    SharedLink,
    TrainingSession,
)


@dataclass
class Entry:
    """A person in the directory."""

    name: str
    organisation_name: str
    project: str
    links: list[SharedLink]


def directory(day: TrainingSession) -> list[Entry]:
    """Those with a seat on the day who agreed to be listed, with their links (two queries)."""
    people = db.session.scalars(
        sa.select(Registration)
        .where(
            Registration.session_id == day.id,
            Registration.status == RegistrationStatus.CONFIRMED,
            Registration.directory_consent.is_(True),
        )
        .order_by(Registration.organisation_name, Registration.name)
    ).all()
    links = links_by_email(day.event_id, [person.email for person in people])
    return [Entry(p.name, p.organisation_name, p.project, links.get(p.email, [])) for p in people]


def links_by_email(event_id: int | None, emails: list[str]) -> dict[str, list[SharedLink]]:
    """Participants' shared links of an event, by their email."""
    found: dict[str, list[SharedLink]] = defaultdict(list)
    if not emails:
        return found
    rows = db.session.scalars(
        sa.select(SharedLink)
        .where(SharedLink.event_id == event_id, SharedLink.email.in_(emails))
        .order_by(SharedLink.id)
    )
    for link in rows:
        found[link.email].append(link)
    return found


def may_see_directory(day: TrainingSession, user: User, mine: list[Registration]) -> bool:
    """The day's organisers, and whoever holds a seat on it (by account or personal link)."""
    if day.can_manage(user):
        return True
    if any(r.session_id == day.id and r.confirmed for r in mine):
        return True
    if not user.is_authenticated:
        return False
    return (
        db.session.scalar(
            sa.select(Registration.id).where(
                Registration.session_id == day.id,
                Registration.user_id == user.id,
                Registration.status == RegistrationStatus.CONFIRMED,
            )
        )
        is not None
    )
