"""Skill checks as the pages need them: the check of a course, attempts, group profiles."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from courses.models import AreaScore, Attempt, Course, SkillCheck
from paja.extensions import db
from paja.models import Membership, Organisation, User
from paja.numbers import half_up
from trainings.models import Registration, RegistrationStatus, TrainingSession

MIN_GROUP = 3


def skill_check_of(course: Course) -> SkillCheck | None:
    """The course's skill check, if it has one."""
    return db.session.scalar(sa.select(SkillCheck).where(SkillCheck.course_id == course.id))


def latest(check: SkillCheck, user: User, phase: str) -> Attempt | None:
    """The attempt that counts for a phase: the latest."""
    return db.session.scalar(
        sa.select(Attempt)
        .where(
            Attempt.skill_check_id == check.id, Attempt.user_id == user.id, Attempt.phase == phase
        )
        .order_by(Attempt.id.desc())
        .limit(1)
    )


@dataclass
class GroupProfile:
    """Aggregated figures of a group: never one person's answers, never fewer than three people."""

    people: int
    hidden: bool
    levels: dict[str, int]
    means: dict[int, Decimal]


def group_profile(check: SkillCheck, user_ids: sa.Select, phase: str) -> GroupProfile:
    """Levels and area means of the group's latest attempts in a phase, aggregated in SQL."""
    latest_ids = (
        sa.select(sa.func.max(Attempt.id))
        .where(
            Attempt.skill_check_id == check.id,
            Attempt.phase == phase,
            Attempt.user_id.in_(user_ids),
        )
        .group_by(Attempt.user_id)
    )
    levels = dict(
        db.session.execute(
            sa.select(Attempt.level, sa.func.count())
            .where(Attempt.id.in_(latest_ids))
            .group_by(Attempt.level)
        ).all()
    )
    people = sum(levels.values())
    if people < MIN_GROUP:
        return GroupProfile(people, True, {}, {})
    means = {
        area_id: half_up(Decimal(str(mean)), "0.1")
        for area_id, mean in db.session.execute(
            sa.select(AreaScore.area_id, sa.func.avg(AreaScore.score))
            .where(AreaScore.attempt_id.in_(latest_ids))
            .group_by(AreaScore.area_id)
        )
    }
    return GroupProfile(people, False, levels, means)


def has_attempts(check: SkillCheck) -> bool:
    """Whether anyone has taken the check (then its content stays as it is)."""
    return (
        db.session.scalar(sa.select(Attempt.id).where(Attempt.skill_check_id == check.id).limit(1))
        is not None
    )


def session_people(session: TrainingSession) -> sa.Select[int | None]:
    """The accounts holding a seat in a session, for its group profile."""
    return sa.select(Registration.user_id).where(
        Registration.session_id == session.id,
        Registration.status == RegistrationStatus.CONFIRMED,
    )


def organisation_people(organisation: Organisation) -> sa.Select[int]:
    """An organisation's members, for its group profile."""
    return sa.select(Membership.user_id).where(Membership.organisation_id == organisation.id)
