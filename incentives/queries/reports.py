"""The summary for management: participation per category and team by month, activity types
used; never a figure about fewer than three people."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa

from incentives.models import (
    ActivityType,
    Category,
    LedgerEntry,
    Participant,
    Programme,
    Recognition,
)
from paja.extensions import db

MIN_PEOPLE = 3


@dataclass(frozen=True)
class Summary:
    """The figures of the report; None stands for "fewer than three people"."""

    months: list[str]
    by_category: dict[int, dict[str, int | None]]  # category -> month -> people active
    by_team: dict[str, dict[int, int | None]]  # team -> category -> people active
    activity_types: list[tuple[ActivityType, int | None, int | None]]  # type, times, people
    joined: int


def _shown(people: int) -> int | None:
    """A count of people, or None when it would point at fewer than three."""
    return people if people >= MIN_PEOPLE else None


def summary(programme: Programme) -> Summary:
    """The programme's summary (four queries, whatever the number of participants)."""
    month = sa.func.substr(sa.cast(LedgerEntry.created_at, sa.String), 1, 7)
    rows = db.session.execute(
        sa.select(
            LedgerEntry.category_id, month, sa.func.count(sa.distinct(LedgerEntry.participant_id))
        )
        .where(LedgerEntry.programme_id == programme.id, LedgerEntry.reverses_id.is_(None))
        .group_by(LedgerEntry.category_id, month)
    ).all()
    months = sorted({m for _c, m, _n in rows})
    by_category: dict[int, dict[str, int | None]] = defaultdict(dict)
    for category_id, period, people in rows:
        by_category[category_id][period] = _shown(people)
    team_rows = db.session.execute(
        sa.select(
            Participant.team_id,
            LedgerEntry.category_id,
            sa.func.count(sa.distinct(LedgerEntry.participant_id)),
        )
        .join(Participant, Participant.id == LedgerEntry.participant_id)
        .where(LedgerEntry.programme_id == programme.id, Participant.team_id.is_not(None))
        .group_by(Participant.team_id, LedgerEntry.category_id)
    ).all()
    names = {team.id: team.name for team in programme.teams}
    by_team: dict[str, dict[int, int | None]] = defaultdict(dict)
    for team_id, category_id, people in team_rows:
        by_team[names.get(team_id or 0, "")][category_id] = _shown(people)
    used = {
        type_id: (times, people)
        for type_id, times, people in db.session.execute(
            sa.select(
                LedgerEntry.activity_type_id,
                sa.func.count(),
                sa.func.count(sa.distinct(LedgerEntry.participant_id)),
            )
            .where(LedgerEntry.programme_id == programme.id, LedgerEntry.reverses_id.is_(None))
            .group_by(LedgerEntry.activity_type_id)
        )
    }
    types = []
    for category in programme.categories:
        for activity in category.activity_types:
            times, people = used.get(activity.id, (0, 0))
            hidden = 0 < people < MIN_PEOPLE
            types.append((activity, None if hidden else times, None if hidden else people))
    joined = db.session.scalar(
        sa.select(sa.func.count()).where(Participant.programme_id == programme.id)
    )
    return Summary(months, dict(by_category), dict(by_team), types, joined or 0)


def recognitions_of(programme: Programme) -> list[Recognition]:
    """Recognitions given, newest first."""
    return list(
        db.session.scalars(
            sa.select(Recognition)
            .where(Recognition.programme_id == programme.id)
            .order_by(Recognition.id.desc())
        )
    )


def categories_by_id(programme: Programme) -> dict[int, Category]:
    """The programme's categories by id."""
    return {c.id: c for c in programme.categories}
