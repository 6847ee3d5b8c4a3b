"""Scoring a skill check: 0-100 per competence area, the level, advice and growth."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from flask_babel import gettext as _

from courses.models import Area, Attempt, Module, SkillCheck
from paja.numbers import whole

Ratings = dict[tuple[int, int], int]  # (area id, statement index) -> 1..5
Chosen = dict[int, set[int]]  # knowledge question id -> chosen option indexes


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
        area_id: whole(sum(values, Decimal(0)) / len(values)) if values else 0
        for area_id, values in items.items()
    }
    overall = whole(Decimal(sum(areas.values())) / len(areas)) if areas else 0
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


def recommendations(
    check: SkillCheck, attempt: Attempt, count: int = 2
) -> list[tuple[Area, Module]]:
    """The modules teaching the weakest areas (below 'advanced'), weakest first."""
    by_area = {s.area_id: s.score for s in attempt.scores}
    weak = sorted(
        (
            (area, area.module)
            for area in check.areas
            if area.module is not None and by_area.get(area.id, 0) < check.advanced_from
        ),
        key=lambda pair: (by_area.get(pair[0].id, 0), pair[0].position),
    )
    return weak[:count]


def growth(before: Attempt, after: Attempt) -> dict[int, int]:
    """The change of each area's score from before to after."""
    start = {s.area_id: s.score for s in before.scores}
    return {s.area_id: s.score - start.get(s.area_id, 0) for s in after.scores}
