"""A failed submit is announced: the title starts with "Error:" in the page's language, the
summary is focusable (not a live region present at load) and its links reach the fields."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from paja.models import Role
from tests.conftest import Auth
from tests.courses.factories import create_course, create_skill_check
from tests.courses.factories import enrol as enrol_directly
from tests.feedback.factories import create_survey

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
LINK = re.compile(r'<a href="#([^"]+)" class="alert-link">')


def title(page: str) -> str:
    """The page's title."""
    return TITLE.search(page).group(1)  # type: ignore[union-attr]


def summary(page: str) -> str:
    """The error summary's opening tag and contents."""
    start = page.index('id="form-errors"')
    return page[page.rindex("<div", 0, start) : page.index("</div>", start)]


@pytest.mark.parametrize(
    ("language", "prefix"), [("fi", "Virhe: "), ("sv", "Fel: "), ("en", "Error: ")]
)
def test_a_failed_form_says_error_first_in_the_title(
    client: FlaskClient, auth: Auth, language: str, prefix: str
) -> None:
    auth.login(Role.ADMIN)
    headers = {"Accept-Language": language}
    page = client.post("/organisations/new", data={"name": ""}, headers=headers)
    text = page.get_data(as_text=True)
    assert title(text).startswith(prefix)
    opening = summary(text)
    assert 'tabindex="-1"' in opening and "error-summary" in opening
    assert 'role="alert"' not in opening  # read when focused, not as a live region at load
    for target in LINK.findall(opening):
        assert f'id="{target}"' in text
    fresh = client.get("/organisations/new", headers=headers).get_data(as_text=True)
    assert not title(fresh).startswith(prefix) and 'id="form-errors"' not in fresh


def test_survey_summary_links_reach_each_question_s_first_field(client: FlaskClient) -> None:
    survey = create_survey()  # five required questions of different kinds
    page = client.post(f"/feedback/a/{survey.public_token}", data={}).get_data(as_text=True)
    assert title(page).startswith("Virhe: ")
    targets = LINK.findall(summary(page))
    assert len(targets) == 5
    for target in targets:
        assert re.search(rf'<(input|textarea)[^>]* id="{target}"', page), target


def test_skill_check_lists_what_is_missing_with_links(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.PARTICIPANT)
    course = create_course()
    check = create_skill_check(course)
    enrol_directly(user, course)
    first = f"s{check.areas[0].id}-0"
    page = client.post(f"/courses/{course.slug}/skills/before", data={first: "3"})
    text = page.get_data(as_text=True)
    assert title(text).startswith("Virhe: ")
    targets = LINK.findall(summary(text))
    statements = sum(len(area.statements) for area in check.areas)
    assert len(targets) == statements - 1 + len(check.questions)  # all but the one answered
    assert f"#{first}-1" not in summary(text)
    for target in targets:
        assert re.search(rf'<input[^>]* id="{target}"', text), target
    assert '>1<span class="visually-hidden">: ei lainkaan</span>' in text
    assert '>5<span class="visually-hidden">: täysin</span>' in text
