"""Skill-check rules: scoring, levels, recommendations, growth and group profiles."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from flask_babel import gettext as _

from courses.models import Course, Module
from courses.skill_models import PHASES, Area, AreaScore, Attempt, KnowledgeQuestion, SkillCheck
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import User

log = logging.getLogger(__name__)
MIN_GROUP = 3


def _round(value: Decimal) -> int:
    """Half-up to a whole number."""
    return int(value.quantize(Decimal(1), ROUND_HALF_UP))


def skill_check_of(course: Course) -> SkillCheck | None:
    """The course's skill check, if it has one."""
    return db.session.scalar(sa.select(SkillCheck).where(SkillCheck.course_id == course.id))


@dataclass
class Scored:
    """The outcome of an answer sheet: a score per area, overall, and the level."""

    areas: dict[int, int]
    overall: int
    level: str


def score(
    check: SkillCheck, ratings: Mapping[tuple[int, int], int], chosen: Mapping[int, set[int]]
) -> Scored:
    """Score 0-100 per area from its statements (1-5 maps to 0-100) and knowledge questions.

    A right answer is 100, a wrong one 0. Overall is the mean of the areas; the level follows
    the check's thresholds.
    """
    items: dict[int, list[Decimal]] = {area.id: [] for area in check.areas}
    for area in check.areas:
        for index, _statement in enumerate(area.statements):
            value = ratings.get((area.id, index))
            if value is not None:
                items[area.id].append(Decimal(value - 1) * 25)
    for question in check.questions:
        if question.area_id in items:
            right = chosen.get(question.id, set()) == question.correct_set
            items[question.area_id].append(Decimal(100 if right else 0))
    areas = {
        area_id: _round(sum(values) / len(values)) if values else 0
        for area_id, values in items.items()
    }
    overall = _round(Decimal(sum(areas.values())) / len(areas)) if areas else 0
    return Scored(areas, overall, check.level(overall))


def parse_sheet(
    check: SkillCheck, form: Mapping[str, list[str]]
) -> tuple[dict, dict, dict[str, str]]:
    """Ratings and choices from a submitted form, and messages by field name for bad ones."""
    ratings: dict[tuple[int, int], int] = {}
    chosen: dict[int, set[int]] = {}
    errors: dict[str, str] = {}
    for area in check.areas:
        for index, _statement in enumerate(area.statements):
            name = f"s{area.id}-{index}"
            value = (form.get(name) or [""])[0]
            if value not in {"1", "2", "3", "4", "5"}:
                errors[name] = _("Choose a value from 1 to 5.")
            else:
                ratings[(area.id, index)] = int(value)
    for question in check.questions:
        name = f"k{question.id}"
        values = form.get(name) or []
        if not values:
            errors[name] = _("Choose an answer.")
        elif not all(v.isdigit() and int(v) < len(question.choices) for v in values):
            errors[name] = _("Choose among the options.")
        else:
            chosen[question.id] = {int(v) for v in values}
    return ratings, chosen, errors


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


def take(check: SkillCheck, user: User, phase: str, ratings: dict, chosen: dict) -> Attempt:
    """Store a phase's answers and scores; answers never change, a retake adds a new attempt."""
    if phase not in PHASES:
        raise RuleViolation(_("There is no such phase."))
    if latest(check, user, phase) is not None and not check.allow_retake:
        raise RuleViolation(_("You have already taken this phase; it cannot be retaken."))
    if phase == "after" and latest(check, user, "before") is None:
        raise RuleViolation(_("Take the skill check before the course first."))
    result = score(check, ratings, chosen)
    answers = {
        "ratings": {f"{a}-{i}": v for (a, i), v in ratings.items()},
        "chosen": {str(q): sorted(c) for q, c in chosen.items()},
    }
    attempt = Attempt(
        skill_check_id=check.id,
        user_id=user.id,
        phase=phase,
        overall=result.overall,
        level=result.level,
        answers_json=json.dumps(answers),
    )
    attempt.scores = [
        AreaScore(area_id=area_id, score=value) for area_id, value in result.areas.items()
    ]
    db.session.add(attempt)
    db.session.flush()
    log.info(
        "%s took the %s skill check of course %s: %d (%s)",
        user.email,
        phase,
        check.course_id,
        result.overall,
        result.level,
    )
    return attempt


def recommendations(
    check: SkillCheck, attempt: Attempt, count: int = 2
) -> list[tuple[Area, Module]]:
    """The modules teaching the weakest areas (below 'advanced'), weakest first."""
    by_area = {s.area_id: s.score for s in attempt.scores}
    weak = sorted(
        (
            a
            for a in check.areas
            if a.module is not None and by_area.get(a.id, 0) < check.advanced_from
        ),
        key=lambda a: (by_area.get(a.id, 0), a.position),
    )
    return [(area, area.module) for area in weak[:count]]


def growth(before: Attempt, after: Attempt) -> dict[int, int]:
    """The change of each area's score from before to after."""
    start = {s.area_id: s.score for s in before.scores}
    return {s.area_id: s.score - start.get(s.area_id, 0) for s in after.scores}


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
        area_id: Decimal(str(mean)).quantize(Decimal("0.1"), ROUND_HALF_UP)
        for area_id, mean in db.session.execute(
            sa.select(AreaScore.area_id, sa.func.avg(AreaScore.score))
            .where(AreaScore.attempt_id.in_(latest_ids))
            .group_by(AreaScore.area_id)
        )
    }
    return GroupProfile(people, False, levels, means)


def save_skill_check(
    course: Course, intermediate_from: int, advanced_from: int, allow_retake: bool
) -> SkillCheck:
    """Create or update a course's skill check; thresholds must rise."""
    if not 0 < intermediate_from < advanced_from <= 100:
        raise RuleViolation(
            _("The advanced level must start above the intermediate one."), "advanced_from"
        )
    check = skill_check_of(course) or SkillCheck(course_id=course.id)
    check.intermediate_from, check.advanced_from, check.allow_retake = (
        intermediate_from,
        advanced_from,
        allow_retake,
    )
    db.session.add(check)
    db.session.flush()
    return check


def _has_attempts(check: SkillCheck) -> bool:
    """Whether anyone has taken the check (then its content stays as it is)."""
    return (
        db.session.scalar(sa.select(Attempt.id).where(Attempt.skill_check_id == check.id).limit(1))
        is not None
    )


def add_area(check: SkillCheck, name: str, statements: str, module_id: int | None) -> Area:
    """Add a competence area with its statements; not once the check has been taken."""
    if _has_attempts(check):
        raise RuleViolation(_("The skill check has been taken, so it cannot change."))
    area = Area(
        position=len(check.areas),
        name=name.strip(),
        module_id=module_id,
        statements_text="\n".join(line.strip() for line in statements.splitlines() if line.strip()),
    )
    check.areas.append(area)
    db.session.flush()
    return area


def add_question(
    check: SkillCheck, text: str, choices: str, correct: str, explanation: str, area_id: int
) -> KnowledgeQuestion:
    """Add a knowledge question (right options counted from 1), unless the check was taken."""
    if _has_attempts(check):
        raise RuleViolation(_("The skill check has been taken, so it cannot change."))
    options = [line.strip() for line in choices.splitlines() if line.strip()]
    right = {int(part) - 1 for part in correct.split(",") if part.strip().isdigit()}
    if len(options) < 2:
        raise RuleViolation(_("Give at least two options, one per line."), "choices_text")
    if not right or not all(0 <= r < len(options) for r in right):
        raise RuleViolation(_("The right options must be among the options."), "correct")
    if area_id not in {a.id for a in check.areas}:
        raise RuleViolation(_("Choose one of the listed options."), "area")
    question = KnowledgeQuestion(
        position=len(check.questions),
        text=text.strip(),
        choices_text="\n".join(options),
        correct=",".join(str(r) for r in sorted(right)),
        explanation=explanation.strip(),
        area_id=area_id,
    )
    check.questions.append(question)
    db.session.flush()
    return question
