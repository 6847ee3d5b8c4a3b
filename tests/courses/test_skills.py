"""Skill checks: scoring and levels against hand-computed values, recommendations, growth, rules."""

import pytest
from flask import Flask

from courses.operations.skills import take
from courses.queries.skills import group_profile
from courses.skill_scores import growth, recommendations, score
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import User
from tests import factories
from tests.courses.factories import create_course, create_skill_check


def sheet(check, ratings: tuple[int, int, int, int], right: bool):
    a, b = check.areas
    values = {
        (a.id, 0): ratings[0],
        (a.id, 1): ratings[1],
        (b.id, 0): ratings[2],
        (b.id, 1): ratings[3],
    }
    return values, {check.questions[0].id: {1} if right else {2}}


def test_scores_per_area_overall_and_level(app: Flask) -> None:
    check = create_skill_check(create_course())
    a, b = check.areas
    # area A: statements 5 and 3 -> 100 and 50, question right -> 100: mean 83.33 -> 83
    # area B: statements 2 and 2 -> 25 and 25 -> 25; overall (83 + 25) / 2 = 54 -> intermediate
    result = score(check, *sheet(check, (5, 3, 2, 2), right=True))
    assert result.areas == {a.id: 83, b.id: 25}
    assert (result.overall, result.level) == (54, "intermediate")
    result = score(check, *sheet(check, (5, 3, 2, 2), right=False))  # A: (100 + 50 + 0) / 3 = 50
    assert result.areas[a.id] == 50
    assert result.overall == 38  # (50 + 25) / 2 = 37.5 -> 38, half up
    assert result.level == "beginner"


@pytest.mark.parametrize(
    ("overall", "level"),
    [
        (0, "beginner"),
        (39, "beginner"),
        (40, "intermediate"),
        (74, "intermediate"),
        (75, "advanced"),
        (100, "advanced"),
    ],
)
def test_level_thresholds_are_inclusive(app: Flask, overall: int, level: str) -> None:
    check = create_skill_check(create_course())
    assert check.level(overall) == level


def test_recommendations_pick_the_modules_of_the_weakest_areas(app: Flask) -> None:
    course = create_course()
    check = create_skill_check(course)
    user = factories.create_user()
    attempt = take(check, user, "before", *sheet(check, (5, 5, 1, 2), right=True))  # A 100, B 13
    assert [(area.name, module.id) for area, module in recommendations(check, attempt)] == [
        ("Keskusteluun osallistuminen", course.modules[1].id)
    ]


def test_growth_and_the_after_phase(app: Flask) -> None:
    check = create_skill_check(create_course())
    user = factories.create_user()
    with pytest.raises(RuleViolation, match="ensin"):
        take(check, user, "after", *sheet(check, (4, 4, 4, 4), right=True))
    before = take(check, user, "before", *sheet(check, (2, 2, 1, 1), right=False))
    after = take(check, user, "after", *sheet(check, (5, 4, 4, 3), right=True))
    a, b = check.areas
    assert growth(before, after) == {a.id: 92 - 17, b.id: 63 - 0}


def test_answers_cannot_change_unless_retakes_are_allowed(app: Flask) -> None:
    check = create_skill_check(create_course())
    user = factories.create_user()
    take(check, user, "before", *sheet(check, (1, 1, 1, 1), right=False))
    with pytest.raises(RuleViolation, match="ei voi tehdä uudelleen"):
        take(check, user, "before", *sheet(check, (5, 5, 5, 5), right=True))
    check.allow_retake = True
    second = take(check, user, "before", *sheet(check, (5, 5, 5, 5), right=True))
    assert second.overall == 100


def test_group_profile_needs_three_people_and_uses_the_latest_attempts(app: Flask) -> None:
    check = create_skill_check(create_course(), retake=True)
    people = [factories.create_user() for _ in range(3)]
    ids = db.select(User.id).where(User.id.in_([p.id for p in people]))
    take(check, people[0], "before", *sheet(check, (1, 1, 1, 1), right=False))
    take(check, people[1], "before", *sheet(check, (5, 5, 5, 5), right=True))
    assert group_profile(check, ids, "before").hidden
    take(check, people[2], "before", *sheet(check, (3, 3, 3, 3), right=True))
    take(
        check, people[0], "before", *sheet(check, (3, 3, 3, 3), right=False)
    )  # retake: the latest counts
    profile = group_profile(check, ids, "before")
    assert not profile.hidden
    assert profile.people == 3
    assert profile.levels == {"advanced": 1, "intermediate": 2}
    second_area = check.areas[1]
    assert str(profile.means[second_area.id]) == "66.7"  # (50 + 100 + 50) / 3
