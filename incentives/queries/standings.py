"""Standing and boards, computed in SQL from the running totals (a row per person and
category), so a board costs the same few indexed queries for ten or ten thousand people.
Only participants who opted in are shown; nobody's total but one's own."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from incentives.labels import Visibility
from incentives.levels import level, share_label
from incentives.models import Category, LedgerEntry, Participant, Programme, Score
from paja.database import utcnow
from paja.extensions import db
from paja.models import User
from paja.page_cache import remember

MIN_TEAM = 3  # a team's figures show only with this many participants on the boards
BOARD_SIZE = 10
RECENT = timedelta(days=30)
SHOWN_NAME = sa.case(
    (Participant.visibility == Visibility.PSEUDONYM, Participant.pseudonym),
    else_=sa.func.coalesce(User.name, Participant.pseudonym),
)


def on_boards(programme: Programme) -> sa.ColumnElement[bool]:
    """Active participants of the programme who chose to appear."""
    return sa.and_(
        Participant.programme_id == programme.id,
        Participant.left_at.is_(None),
        Participant.visibility != Visibility.HIDDEN,
    )


@dataclass(frozen=True)
class Place:
    """Someone's place on a board: rank and shown name (never their total)."""

    rank: int
    name: str


@dataclass
class CategoryStanding:
    """One's points, level and place in a category (or in total, with category None)."""

    category: Category | None
    points: int
    level: int
    rank: int
    of: int
    neighbours: list[Place] = field(default_factory=list)

    @property
    def share(self) -> int | None:
        """Top 10, 25 or 50 per cent, or None."""
        return share_label(self.rank, self.of)


def _others(programme: Programme, category: Category | None) -> Any:
    """(id, points, name) of those on the boards: a category's running totals (people without
    points in it left out), or everyone's total over the categories. One's own place is
    counted against these, so a hidden participant still learns where they stand."""
    if category is None:
        return (
            sa.select(Participant.id, Participant.points.label("points"), SHOWN_NAME.label("name"))
            .outerjoin(User, User.id == Participant.user_id)
            .where(on_boards(programme))
        )
    return (
        sa.select(Participant.id, Score.points.label("points"), SHOWN_NAME.label("name"))
        .select_from(Score)
        .join(Participant, Participant.id == Score.participant_id)
        .outerjoin(User, User.id == Participant.user_id)
        .where(Score.programme_id == programme.id, Score.category_id == category.id)
        .where(on_boards(programme))
    )


def my_standing(participant: Participant) -> list[CategoryStanding]:
    """One's points, level, rank and neighbours per category and in total: a handful of
    index lookups each, the same for ten or ten thousand participants."""
    programme = participant.programme
    of = (
        db.session.scalar(
            sa.select(sa.func.count()).where(
                sa.or_(on_boards(programme), Participant.id == participant.id)
            )
        )
        or 1
    )
    mine_in: dict[int, int] = {}
    for category_id, points in db.session.execute(
        sa.select(Score.category_id, Score.points).where(Score.participant_id == participant.id)
    ):
        mine_in[category_id] = points
    result = []
    for category in [*programme.categories, None]:
        mine = mine_in.get(category.id, 0) if category else sum(mine_in.values())
        ranked = _others(programme, category).subquery()
        count = sa.select(sa.func.count()).select_from(ranked)
        rank = 1 + (db.session.scalar(count.where(ranked.c.points > mine)) or 0)
        above = db.session.execute(
            sa.select(ranked.c.points, ranked.c.name).where(ranked.c.points > mine)
            .order_by(ranked.c.points, ranked.c.id).limit(1)
        ).first()  # fmt: skip
        below = db.session.execute(
            sa.select(ranked.c.points, ranked.c.name)
            .where(ranked.c.points <= mine, ranked.c.id != participant.id)
            .order_by(ranked.c.points.desc(), ranked.c.id).limit(1)
        ).first()  # fmt: skip
        # the rank of the one ahead is always counted, so the queries are the same for all
        ahead = db.session.scalar(count.where(ranked.c.points > (above or (mine,))[0])) or 0
        neighbours = []
        if mine > 0:  # only once one has points: ties at nought say nothing
            if above is not None:
                neighbours.append(Place(1 + ahead, above.name))
            if below is not None:
                neighbours.append(Place(rank if below.points == mine else rank + 1, below.name))
        result.append(CategoryStanding(category, mine, level(mine, programme.level_points), rank,
                                       of, neighbours))  # fmt: skip
    return result


@dataclass(frozen=True)
class TeamRow:
    """A team's average points per participant in a category."""

    name: str
    members: int
    average: float


@remember(lambda programme: str(programme.id))
def team_boards(programme: Programme) -> dict[int, list[TeamRow]]:
    """Per category, the teams with at least three participants on the boards, best first."""
    sizes: dict[int, int] = {
        team: count
        for team, count in db.session.execute(
            sa.select(Participant.team_id, sa.func.count())
            .where(on_boards(programme), Participant.team_id.is_not(None))
            .group_by(Participant.team_id)
            .having(sa.func.count() >= MIN_TEAM)
        )
        if team is not None
    }
    names = {team.id: team.name for team in programme.teams}
    sums = db.session.execute(
        sa.select(Participant.team_id, Score.category_id, sa.func.sum(Score.points))
        .join(Participant, Participant.id == Score.participant_id)
        .where(on_boards(programme), Participant.team_id.in_(list(sizes) or [0]))
        .group_by(Participant.team_id, Score.category_id)
    ).all()
    found: dict[tuple[int, int], int] = {(t, c): s for t, c, s in sums if t is not None}
    return {
        category.id: sorted(
            (TeamRow(names[t], n, found.get((t, category.id), 0) / n) for t, n in sizes.items()),
            key=lambda row: (-row.average, row.name),
        )
        for category in programme.categories
    }


@remember(lambda programme: str(programme.id))
def top_board(programme: Programme) -> dict[int, list[Place]]:
    """Per category, the ten best of those on the boards (ranks and names, no totals)."""
    boards = {}
    for category in programme.categories:
        rows = db.session.execute(
            sa.select(Score.points, SHOWN_NAME)
            .join(Participant, Participant.id == Score.participant_id)
            .outerjoin(User, User.id == Participant.user_id)
            .where(
                Score.programme_id == programme.id,
                Score.category_id == category.id,
                Score.points > 0,
                on_boards(programme),
            )
            .order_by(Score.points.desc(), Score.participant_id)  # walks the index, stops at 10
            .limit(BOARD_SIZE)
        ).all()
        values = [points for points, _name in rows]
        boards[category.id] = [Place(1 + values.index(points), name) for points, name in rows]
    return boards


@remember(lambda programme, wanted: f"{programme.id}:{wanted}")
def reached_level(programme: Programme, wanted: int) -> dict[int, list[str]]:
    """Per category, those on the boards who reached the level, by name (at most 200 each)."""
    threshold = (wanted - 1) * programme.level_points
    found: dict[int, list[str]] = {}
    for category in programme.categories:
        names = db.session.scalars(
            sa.select(SHOWN_NAME)
            .select_from(Score)
            .join(Participant, Participant.id == Score.participant_id)
            .outerjoin(User, User.id == Participant.user_id)
            .where(
                on_boards(programme), Score.category_id == category.id, Score.points >= threshold
            )
            .order_by(SHOWN_NAME)
            .limit(200)
        )
        found[category.id] = list(names) if threshold > 0 else []
    return found


@dataclass(frozen=True)
class Gain:
    """Points someone on the boards gained lately."""

    shown_name: str
    points: int


@remember(lambda programme, limit=5: f"{programme.id}:{limit}")
def recent_gains(programme: Programme, limit: int = 5) -> dict[int, list[Gain]]:
    """Per category, who gained the most points in the last 30 days (on the boards)."""
    since = utcnow() - RECENT
    gained = sa.func.sum(LedgerEntry.points)
    rows = db.session.execute(
        sa.select(LedgerEntry.category_id, SHOWN_NAME, gained)
        .join(Participant, Participant.id == LedgerEntry.participant_id)
        .outerjoin(User, User.id == Participant.user_id)
        .where(
            on_boards(programme),
            LedgerEntry.programme_id == programme.id,
            LedgerEntry.created_at >= since,
        )
        .group_by(LedgerEntry.category_id, Participant.id, SHOWN_NAME)
        .having(gained > 0)
        .order_by(gained.desc(), Participant.id)
    ).all()
    gains: dict[int, list[Gain]] = defaultdict(list)
    for category_id, name, points in rows:
        if len(gains[category_id]) < limit:
            gains[category_id].append(Gain(name, points))
    return dict(gains)
