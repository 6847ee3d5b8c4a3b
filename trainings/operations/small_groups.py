"""A day's small groups: generated, adjusted by the organiser, then published to participants."""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import User
from trainings.models import (
    Registration,
    RegistrationStatus,
    SmallGroup,
    TrainingSession,
    group_members,
)
from trainings.operations.groups import make_groups

log = logging.getLogger(__name__)
CONFIRMED = RegistrationStatus.CONFIRMED


@dataclass
class Group:
    """A group with its members, for pages."""

    group: SmallGroup
    members: list[Registration]


def _with_members(groups: list[SmallGroup]) -> dict[int, Group]:
    """Groups by id with their members who still hold a seat, by name (one query)."""
    found = {group.id: Group(group, []) for group in groups}
    rows = db.session.execute(
        sa.select(group_members.c.group_id, Registration)
        .join(Registration, Registration.id == group_members.c.registration_id)
        .where(group_members.c.group_id.in_(found), Registration.status == CONFIRMED)
        .order_by(Registration.name)
    )
    for group_id, registration in rows:
        found[group_id].members.append(registration)
    return found


def groups_of(day: TrainingSession) -> list[Group]:
    """The day's groups with their members (two queries)."""
    groups = db.session.scalars(
        sa.select(SmallGroup).where(SmallGroup.session_id == day.id).order_by(SmallGroup.number)
    ).all()
    return list(_with_members(list(groups)).values())


def seated(day: TrainingSession, present_only: bool = False) -> list[Registration]:
    """Those with a seat on the day (only those marked present, if asked), by name."""
    statement = sa.select(Registration).where(
        Registration.session_id == day.id, Registration.status == CONFIRMED
    )
    if present_only:
        statement = statement.where(Registration.attended.is_(True))
    return list(db.session.scalars(statement.order_by(Registration.name)))


def ungrouped(day: TrainingSession) -> list[Registration]:
    """Confirmed people of the day in no group (registered after the groups were made)."""
    grouped = sa.select(group_members.c.registration_id)
    return list(
        db.session.scalars(
            sa.select(Registration)
            .where(
                Registration.session_id == day.id,
                Registration.status == RegistrationStatus.CONFIRMED,
                Registration.id.not_in(grouped),
            )
            .order_by(Registration.name)
        )
    )


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


def move_to_group(day: TrainingSession, registration: Registration, number: int) -> None:
    """Put a confirmed person of the day into group `number` (a new last group if one more)."""
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


def _drop_empty(day: TrainingSession) -> None:
    """Remove groups left without members, renumbering the rest."""
    for group in groups_of(day):
        if not group.members:
            db.session.delete(group.group)
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
    changed = db.session.execute(
        sa.update(SmallGroup)
        .where(SmallGroup.session_id == day.id)
        .values(published=published)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not changed:
        raise RuleViolation(_("Make the groups first."))


def published_groups(registrations: list[Registration]) -> dict[int, Group]:
    """Each registration's published group with its members (two queries for all)."""
    if not registrations:
        return {}
    rows = db.session.execute(
        sa.select(group_members.c.registration_id, SmallGroup)
        .join(SmallGroup, SmallGroup.id == group_members.c.group_id)
        .where(
            group_members.c.registration_id.in_([r.id for r in registrations]),
            SmallGroup.published.is_(True),
        )
    ).all()
    groups = _with_members([group for _, group in rows])
    return {registration_id: groups[group.id] for registration_id, group in rows}
