"""Skill-check rules: taking a phase, and authoring the check. Flush, never commit."""

from __future__ import annotations

import json
import logging

from flask_babel import gettext as _

from courses.models import PHASES, Area, AreaScore, Attempt, Course, KnowledgeQuestion, SkillCheck
from courses.queries.skills import has_attempts, latest, skill_check_of
from courses.signals import skill_checked
from courses.skill_scores import score
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import User

log = logging.getLogger(__name__)


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
    skill_checked.send(attempt)
    log.info(
        "%s took the %s skill check of course %s: %d (%s)",
        user.email,
        phase,
        check.course_id,
        result.overall,
        result.level,
    )
    return attempt


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


def add_area(check: SkillCheck, name: str, statements: str, module_id: int | None) -> Area:
    """Add a competence area with its statements; not once the check has been taken."""
    if has_attempts(check):
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
    if has_attempts(check):
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
