"""The ledger's writes: award once per source event, reverse, bonus, automatic points."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import partial

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from incentives.labels import Source
from incentives.models import ActivityType, Category, LedgerEntry, Participant, Programme, Score
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.i18n import helsinki, wall_clock
from paja.models import User


def lock(participant: Participant) -> None:
    """Hold the participant's row until the transaction ends, so counts and caps hold when
    requests race (PostgreSQL; SQLite's writes are serialised already)."""
    db.session.execute(
        sa.select(Participant.id).where(Participant.id == participant.id).with_for_update()
    )


def standing_entry(participant: Participant, source: str) -> LedgerEntry | None:
    """The source's entry that still counts (awarded and not reversed), if any."""
    reversed_ids = sa.select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    return db.session.scalar(
        sa.select(LedgerEntry).where(
            LedgerEntry.participant_id == participant.id,
            LedgerEntry.source == source,
            LedgerEntry.reverses_id.is_(None),
            LedgerEntry.id.not_in(reversed_ids),
        )
    )


def award(
    participant: Participant, category: Category, points: int, source: str, reason: str,
    activity_type: ActivityType | None = None, actor: User | None = None,
) -> LedgerEntry | None:  # fmt: skip
    """Add points for a source event, unless that event already counts; None then."""
    lock(participant)
    if standing_entry(participant, source) is not None:
        return None
    generation = db.session.scalar(
        sa.select(sa.func.count()).where(
            LedgerEntry.participant_id == participant.id,
            LedgerEntry.source == source,
            LedgerEntry.reverses_id.is_(None),
        )
    )
    entry = LedgerEntry(
        programme_id=participant.programme_id, participant_id=participant.id,
        category_id=category.id, activity_type_id=activity_type.id if activity_type else None,
        points=points, source=source, generation=generation or 0, reason=reason,
        created_by_id=actor.id if actor else None,
    )  # fmt: skip
    try:
        with db.session.begin_nested():
            db.session.add(entry)
    except IntegrityError:  # a racing request counted the same event first
        return None
    _add_to_score(entry)
    return entry


def _add_to_score(entry: LedgerEntry) -> None:
    """Keep the participant's running total in the category equal to the ledger's sum."""
    changed = db.session.execute(
        sa.update(Score)
        .where(Score.participant_id == entry.participant_id, Score.category_id == entry.category_id)
        .values(points=Score.points + entry.points)
        .execution_options(synchronize_session=False)
    )
    if changed.rowcount == 0:  # type: ignore[attr-defined]
        db.session.add(Score(participant_id=entry.participant_id, category_id=entry.category_id,
                             programme_id=entry.programme_id, points=entry.points))  # fmt: skip
    db.session.execute(
        sa.update(Participant)
        .where(Participant.id == entry.participant_id)
        .values(points=Participant.points + entry.points)
        .execution_options(synchronize_session=False)
    )
    db.session.flush()


def reverse(entry: LedgerEntry, reason: str, actor: User | None = None) -> LedgerEntry:
    """Cancel an entry with a reversing one (the ledger is never edited)."""
    lock(entry.participant)
    if entry.reverses_id is not None:
        raise RuleViolation(_("A correction cannot itself be reversed."))
    correction = LedgerEntry(
        programme_id=entry.programme_id, participant_id=entry.participant_id,
        category_id=entry.category_id, activity_type_id=entry.activity_type_id,
        points=-entry.points, source=entry.source, generation=entry.generation,
        reason=reason, reverses_id=entry.id, created_by_id=actor.id if actor else None,
    )  # fmt: skip
    db.session.add(correction)
    db.session.flush()
    _add_to_score(correction)
    return correction


def revoke(participant: Participant, source: str, reason: str) -> LedgerEntry | None:
    """Reverse what a source event gave, when it still counts."""
    standing = standing_entry(participant, source)
    return reverse(standing, reason) if standing is not None else None


def give_bonus(
    participant: Participant, category: Category, points: int, justification: str, manager: User
) -> LedgerEntry:
    """A manager's bonus, with its written justification."""
    if not justification.strip():
        raise RuleViolation(_("Write why the bonus is given."), "justification")
    if category.programme_id != participant.programme_id:
        raise RuleViolation(_("Choose one of the programme's categories."), "category")
    if not -1000 <= points <= 1000 or points == 0:
        raise RuleViolation(_("Give from -1000 to 1000 points, not 0."), "points")
    entry = award(participant, category, points, f"bonus:{secrets.token_hex(8)}",
                  justification.strip(), actor=manager)  # fmt: skip
    assert entry is not None
    return entry


def counted_since(participant: Participant, activity_type: ActivityType, since: date | None) -> int:
    """How many events of the type still count for the participant since a day (None: ever)."""
    reversed_ids = sa.select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    statement = sa.select(sa.func.count()).where(
        LedgerEntry.participant_id == participant.id,
        LedgerEntry.activity_type_id == activity_type.id,
        LedgerEntry.reverses_id.is_(None),
        LedgerEntry.id.not_in(reversed_ids),
    )
    if since is not None:
        statement = statement.where(
            LedgerEntry.created_at >= helsinki(datetime.combine(since, time()))
        )
    return db.session.scalar(statement) or 0


Counter = Callable[[date | None], int]


def within_caps(count: Counter, activity_type: ActivityType, today: date) -> bool:
    """Whether one more event stays within the type's caps per day, week and programme;
    `count` tells how many there are since a day (None: the whole programme)."""
    monday = today - timedelta(days=today.weekday())
    for cap, since in ((activity_type.cap_day, today), (activity_type.cap_week, monday),
                       (activity_type.cap_programme, None)):  # fmt: skip
        if cap is not None and count(since) >= cap:
            return False
    return True


def auto_award(
    user: User, kind: Source, source: str, today: date, reason: str,
    programmes: sa.Select[tuple[int]] | None = None,
) -> int:  # fmt: skip
    """Points for something the user did in Paja, in each running programme they take part in
    that counts it (among `programmes`, when the event must be linked to the programme); once
    per source event, within the caps. How many programmes counted it."""
    given = 0
    for participant, activity_type in _counting(user, kind, today, programmes):
        lock(participant)
        if not within_caps(
            partial(counted_since, participant, activity_type), activity_type, today
        ):
            continue
        entry = award(participant, activity_type.category, activity_type.points, source, reason,
                      activity_type)  # fmt: skip
        given += entry is not None
    return given


def auto_revoke(user: User, source: str, reason: str) -> int:
    """Take back the points a source event gave, in every programme; how many."""
    taken = 0
    for participant in _participations(user):
        taken += revoke(participant, source, reason) is not None
    return taken


def _participations(user: User) -> list[Participant]:
    """The user's active participations."""
    return list(
        db.session.scalars(
            sa.select(Participant).where(
                Participant.user_id == user.id, Participant.left_at.is_(None)
            )
        )
    )


def _counting(
    user: User, kind: Source, today: date, programmes: sa.Select[tuple[int]] | None
) -> list[tuple[Participant, ActivityType]]:
    """The user's running participations with an active activity type of this kind."""
    statement = (
        sa.select(Participant, ActivityType)
        .join(Programme, Programme.id == Participant.programme_id)
        .join(Category, Category.programme_id == Programme.id)
        .join(ActivityType, ActivityType.category_id == Category.id)
        .where(
            Participant.user_id == user.id,
            Participant.left_at.is_(None),
            Programme.starts_on <= today,
            Programme.ends_on >= today,
            ActivityType.source == kind,
            ActivityType.active.is_(True),
        )
        .order_by(Participant.id, ActivityType.id)
    )
    if programmes is not None:
        statement = statement.where(Programme.id.in_(programmes))
    return [(p, a) for p, a in db.session.execute(statement).all()]


def helsinki_today() -> date:
    """Today in Helsinki."""
    return wall_clock(utcnow()).date()
