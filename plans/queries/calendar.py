"""A plan's calendar: entries of a month, week or list, and the calendar's warnings."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import pairwise

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import selectinload

from paja.database import utcnow
from paja.extensions import db
from paja.i18n import helsinki, wall_clock
from paja.models import User
from plans.answers import frequency, horizon
from plans.labels import Channel, Status
from plans.models import Entry, PersonalFeed, Plan
from plans.queries.plans import answers_of, plans_of

CLASH = timedelta(hours=1)
FEED_HISTORY = timedelta(days=90)


def entries_between(plan: Plan, first: date, last: date) -> list[Entry]:
    """The plan's entries on Helsinki days first…last, in time order (one query)."""
    start = helsinki(datetime.combine(first, time()))
    end = helsinki(datetime.combine(last + timedelta(days=1), time()))
    return list(
        db.session.scalars(
            sa.select(Entry)
            .where(Entry.plan_id == plan.id, Entry.starts_at >= start, Entry.starts_at < end)
            .order_by(Entry.starts_at, Entry.id)
        )
    )


def by_day(entries: list[Entry]) -> dict[date, list[Entry]]:
    """Entries grouped by their Helsinki day."""
    days: dict[date, list[Entry]] = defaultdict(list)
    for entry in entries:
        days[wall_clock(entry.starts_at).date()].append(entry)
    return days


def all_entries(plan: Plan) -> sa.Select[Entry]:
    """Every entry of the plan in time order (for the list and its pages)."""
    return sa.select(Entry).where(Entry.plan_id == plan.id).order_by(Entry.starts_at, Entry.id)


def plan_entries(plan: Plan) -> list[Entry]:
    """Every entry of the plan in time order (for the CSV export)."""
    return list(db.session.scalars(all_entries(plan)))


def feed_entries(plan: Plan) -> list[Entry]:
    """The plan's entries for its calendar feed: from 90 days back on, at most 2000."""
    since = utcnow() - FEED_HISTORY
    return list(db.session.scalars(all_entries(plan).where(Entry.starts_at >= since).limit(2000)))


@dataclass(frozen=True)
class Clash:
    """Two entries on one channel within an hour of each other."""

    first_id: int
    second_id: int
    channel: Channel
    starts_at: datetime


@dataclass(frozen=True)
class ThinPeriod:
    """A week (or month) with fewer entries than the plan's update frequency asks for."""

    first: date
    per: str
    count: int
    wanted: int


@dataclass(frozen=True)
class Warnings:
    """What the calendar warns about over its period."""

    first: date
    last: date
    clashes: list[Clash]
    thin: list[ThinPeriod]


def period_of(plan: Plan, today: date) -> tuple[date, date]:
    """The calendar's period: section 14a's, else three months from today."""
    found = horizon(answers_of(plan))
    first, months = found if found else (today, 3)
    return first, first + relativedelta(months=months) - timedelta(days=1)


def warnings_for(plan: Plan, today: date) -> Warnings:
    """Clashes on a channel, and weeks or months thinner than section 9a, over the period."""
    first, last = period_of(plan, today)
    start = helsinki(datetime.combine(first, time()))
    end = helsinki(datetime.combine(last + timedelta(days=1), time()))
    rows = db.session.execute(
        sa.select(Entry.id, Entry.channel, Entry.starts_at)
        .where(Entry.plan_id == plan.id, Entry.starts_at >= start, Entry.starts_at < end)
        .order_by(Entry.channel, Entry.starts_at)
    ).all()
    clashes = [
        Clash(a.id, b.id, b.channel, b.starts_at)
        for a, b in pairwise(rows)
        if a.channel == b.channel and b.starts_at - a.starts_at < CLASH
    ]
    wanted = frequency(answers_of(plan))
    thin = _thin(first, last, [r.starts_at for r in rows], wanted) if wanted else []
    return Warnings(first, last, clashes, thin)


def _thin(
    first: date, last: date, starts: list[datetime], wanted: tuple[int, str]
) -> list[ThinPeriod]:
    """Whole weeks (Monday to Sunday) or months of the period with too few entries."""
    times, per = wanted
    counts: dict[date, int] = defaultdict(int)
    for start in starts:
        day = wall_clock(start).date()
        counts[_period_start(day, per)] += 1
    found = []
    period = _period_start(first, per)
    if period < first:
        period = _next(period, per)  # only whole periods count
    while _next(period, per) - timedelta(days=1) <= last:
        if counts[period] < times:
            found.append(ThinPeriod(period, per, counts[period], times))
        period = _next(period, per)
    return found


def _period_start(day: date, per: str) -> date:
    """The Monday of the day's week, or the first of its month."""
    return day - timedelta(days=day.weekday()) if per == "week" else day.replace(day=1)


def _next(period: date, per: str) -> date:
    """The start of the following week or month."""
    return period + (timedelta(weeks=1) if per == "week" else relativedelta(months=1))


def personal_feed(user: User) -> PersonalFeed | None:
    """The user's feed of entries they own, if they have made one."""
    return db.session.get(PersonalFeed, user.id)


def feed_by_token(token: str) -> PersonalFeed | None:
    """A personal feed by its secret token."""
    return db.session.scalar(sa.select(PersonalFeed).where(PersonalFeed.token == token))


def plan_by_feed_token(token: str) -> Plan | None:
    """A plan by its calendar feed's secret token."""
    return db.session.scalar(sa.select(Plan).where(Plan.feed_token == token))


def owned_entries(user: User) -> list[Entry]:
    """Entries the user owns in plans they still see, from 90 days back on (at most 2000)."""
    mine = plans_of(user)
    visible = [p.id for p in mine.organisations + mine.personal + mine.shared_with_me]
    since = utcnow() - FEED_HISTORY
    return list(
        db.session.scalars(
            sa.select(Entry)
            .options(selectinload(Entry.plan))
            .where(Entry.owner_id == user.id, Entry.plan_id.in_(visible), Entry.starts_at >= since)
            .order_by(Entry.starts_at)
            .limit(2000)
        )
    )


def due_for_reminder(today: date, days: int) -> list[Entry]:
    """Unpublished entries with an owner whose deadline (else publishing day) is within the
    coming days, not reminded of yet."""
    last = today + timedelta(days=days)
    start = helsinki(datetime.combine(today, time()))
    until = helsinki(datetime.combine(last + timedelta(days=1), time()))
    due = sa.or_(
        Entry.deadline.between(today, last),
        sa.and_(Entry.deadline.is_(None), Entry.starts_at >= start, Entry.starts_at < until),
    )
    return list(
        db.session.scalars(
            sa.select(Entry)
            .options(selectinload(Entry.plan))
            .where(
                Entry.owner_id.is_not(None),
                Entry.status != Status.PUBLISHED,
                Entry.reminded_on.is_(None),
                due,
            )
            .order_by(Entry.owner_id, Entry.starts_at)
        )
    )
