"""'Who is here': a day's consenting participants and their shared links."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa

from paja.extensions import db
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


def directories(days: list[TrainingSession]) -> dict[int, list[Entry]]:
    """For each day, those with a seat who agreed to be listed, with their links (two queries)."""
    found: dict[int, list[Entry]] = {day.id: [] for day in days}
    if not days:
        return found
    people = db.session.scalars(
        sa.select(Registration)
        .where(
            Registration.session_id.in_(found),
            Registration.status == RegistrationStatus.CONFIRMED,
            Registration.directory_consent.is_(True),
        )
        .order_by(Registration.organisation_name, Registration.name)
    ).all()
    links = links_by_owner(days[0].event_id, list({person.personal_token for person in people}))
    for p in people:
        entry = Entry(p.name, p.organisation_name, p.project, links.get(p.personal_token, []))
        found[p.session_id].append(entry)
    return found


def links_by_owner(event_id: int | None, tokens: list[str]) -> dict[str, list[SharedLink]]:
    """Participants' shared links of an event, by the personal page they were shared on."""
    found: dict[str, list[SharedLink]] = defaultdict(list)
    if not tokens:
        return found
    rows = db.session.scalars(
        sa.select(SharedLink)
        .where(SharedLink.event_id == event_id, SharedLink.owner_token.in_(tokens))
        .order_by(SharedLink.id)
    )
    for link in rows:
        found[link.owner_token].append(link)
    return found
