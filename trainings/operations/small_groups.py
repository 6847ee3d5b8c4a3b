"""Small groups of a day: generated, adjusted by the organiser, then published. Flush only."""

from __future__ import annotations

import logging
import random

import sqlalchemy as sa
from flask_babel import gettext as _

from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import User
from paja.sql import changed
from trainings.balanced_groups import make_groups
from trainings.models import (
    Registration,
    RegistrationStatus,
    SmallGroup,
    TrainingSession,
    group_members,
)
from trainings.queries.groups import Group, groups_of, seated

log = logging.getLogger(__name__)
CONFIRMED = RegistrationStatus.CONFIRMED


def _lock(day: TrainingSession) -> None:
    """Serialise regrouping of a day (a row lock; SQLite writes one at a time anyway)."""
    db.session.execute(
        sa.select(TrainingSession.id).where(TrainingSession.id == day.id).with_for_update()
    )


def generate_groups(
    day: TrainingSession,
    actor: User,
    size: int,
    present_only: bool = False,
    rng: random.Random | None = None,
) -> list[Group]:
    """Replace the day's groups with new ones of about `size` (unpublished until published)."""
    if not 2 <= size <= 50:
        raise RuleViolation(_("A group has 2–50 people."), "size")
    _lock(day)
    people = seated(day, present_only)
    if not people:
        raise RuleViolation(_("Nobody to put in groups yet."))
    organisation_of = {
        person: person.organisation_name.strip().casefold() or None for person in people
    }
    split = make_groups(people, size, organisation_of, rng)
    db.session.execute(sa.delete(SmallGroup).where(SmallGroup.session_id == day.id))
    for number, members in enumerate(split, start=1):
        group = SmallGroup(session_id=day.id, number=number)
        db.session.add(group)
        db.session.flush()
        db.session.execute(
            group_members.insert(),
            [{"registration_id": person.id, "group_id": group.id} for person in members],
        )
    log.info("day %s split into %d groups by %s", day.id, len(split), actor.email)
    return groups_of(day)


def move_to_group(day: TrainingSession, registration: Registration, number: int) -> list[int]:
    """Put a confirmed person of the day into group `number` (a new last group if one more);
    returns the numbers of the groups now left with one person, for the organiser to see."""
    if registration.session_id != day.id or not registration.confirmed:
        raise RuleViolation(_("Choose one of the listed options."), "registration")
    _lock(day)
    groups = {g.number: g for g in db.session.scalars(
        sa.select(SmallGroup).where(SmallGroup.session_id == day.id))}  # fmt: skip
    if number not in groups and number != len(groups) + 1:
        raise RuleViolation(_("Choose one of the listed options."), "group")
    if number not in groups:
        published = any(g.published for g in groups.values())
        groups[number] = SmallGroup(session_id=day.id, number=number, published=published)
        db.session.add(groups[number])
        db.session.flush()
    db.session.execute(
        sa.delete(group_members).where(group_members.c.registration_id == registration.id)
    )
    db.session.execute(
        group_members.insert().values(registration_id=registration.id, group_id=groups[number].id)
    )
    _drop_empty(day)
    return [listed.group.number for listed in groups_of(day) if len(listed.members) == 1]


def _drop_empty(day: TrainingSession) -> None:
    """Remove groups left without members, renumbering the rest."""
    for listed in groups_of(day):
        if not listed.members:
            db.session.delete(listed.group)
    db.session.flush()
    remaining = db.session.scalars(
        sa.select(SmallGroup).where(SmallGroup.session_id == day.id).order_by(SmallGroup.number)
    ).all()
    for number, group in enumerate(remaining, start=1):
        group.number = -number  # two steps keep (day, number) unique throughout
    db.session.flush()
    for group in remaining:
        group.number = -group.number
    db.session.flush()


def publish_groups(day: TrainingSession, published: bool) -> None:
    """Show (or hide) the groups to the day's participants."""
    shown = changed(
        sa.update(SmallGroup).where(SmallGroup.session_id == day.id).values(published=published)
    )
    if not shown:
        raise RuleViolation(_("Make the groups first."))
