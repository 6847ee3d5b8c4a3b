"""Saving a section: its rules, and never overwriting a colleague's newer save unseen."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import User
from plans.answers import section_completeness
from plans.models import Answers, Plan, PlanSection, SectionVersion
from plans.signals import section_saved
from plans.worksheet import BY_KEY, Kind

MAX_SUBGOALS = 3
MIN_MONTHS, MAX_MONTHS = 3, 6


class SectionConflict(RuleViolation):
    """Someone saved the section after the person opened it (the page then shows their save)."""

    def __init__(self) -> None:
        super().__init__(_("A colleague saved this section after you opened it."))


def check_answers(key: str, answers: Answers) -> None:
    """Refuse answers that break the worksheet's structure (goals, age range, horizon)."""
    for question in BY_KEY[key].questions:
        value = answers.get(question.key)
        field = f"q_{question.key}"
        if question.kind == Kind.GOALS and value:
            if len(value) > MAX_SUBGOALS:
                raise RuleViolation(_("Write at most three sub-goals."), field)
            if not answers.get("7b"):
                raise RuleViolation(_("Write the main goal before its sub-goals."), "q_7b")
        if question.kind == Kind.AGE and value and None not in value and value[0] > value[1]:
            raise RuleViolation(_("The lower age must not be above the upper one."), f"{field}_min")
        months = value.get("months") if question.kind == Kind.HORIZON and value else None
        if months is not None and not MIN_MONTHS <= int(months) <= MAX_MONTHS:
            raise RuleViolation(_("Plan the calendar for three to six months."), f"{field}_months")


def save_section(plan: Plan, key: str, answers: Answers, seen_version: int, user: User) -> bool:
    """Save a section's answers over the version the person saw; False when nothing changed.

    The update holds only while the stored version is the one the person opened (one
    conditional UPDATE, so two racing saves cannot both win); otherwise SectionConflict.
    """
    check_answers(key, answers)
    current = db.session.get(PlanSection, (plan.id, key))
    if current is None:
        raise RuleViolation(_("This section does not exist."))
    if current.version == seen_version and _same(current.answers, answers):
        return False
    now = utcnow()
    done = db.session.execute(
        sa.update(PlanSection)
        .where(
            PlanSection.plan_id == plan.id,
            PlanSection.key == key,
            PlanSection.version == seen_version,
        )
        .values(answers=answers, version=seen_version + 1, updated_by_id=user.id, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        raise SectionConflict()
    db.session.add(
        SectionVersion(
            plan_id=plan.id, key=key, version=seen_version + 1, answers=answers, author=user,
            saved_at=now,
        )
    )  # fmt: skip
    db.session.flush()
    db.session.expire(current)
    complete = section_completeness(BY_KEY[key], answers)
    section_saved.send(plan, key=key, user=user, complete=complete.done == complete.total)
    return True


def _same(stored: dict[str, Any], given: Answers) -> bool:
    """Whether two sets of answers say the same (empty answers count as missing)."""
    return {k: v for k, v in stored.items() if v} == {k: v for k, v in given.items() if v}
