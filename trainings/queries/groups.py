"""A day's small groups with their members, as organisers and participants see them."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from paja.extensions import db
from trainings.models import (
    Registration,
    RegistrationStatus,
    SmallGroup,
    TrainingSession,
    group_members,
)

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
