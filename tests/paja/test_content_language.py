"""Content carries its own language: a Finnish workshop, course or event on a Swedish or
English page is marked lang="fi", so that a screen reader reads it in Finnish (WCAG 3.1.2)."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.conftest import Auth
from tests.courses.factories import create_course
from tests.trainings.event_factories import create_event
from tests.trainings.factories import create_offering, create_session, create_trainer


def marked(page: str, text: str) -> str | None:
    """The lang attribute of the first element in the body whose text starts with the text."""
    match = re.search(rf"<(\w+)([^<>]*)>{re.escape(text)}", page[page.index("<body") :])
    assert match, text
    lang = re.search(r'lang="(\w+)"', match.group(2))
    return lang.group(1) if lang else None


def pages(client: FlaskClient, language: str) -> dict[str, str]:
    """The public pages of one Finnish workshop, course and event, in the language."""
    offering = create_offering(title="Somen perusteet")
    offering.summary = "Näin pääset alkuun"
    session = create_session(offering)
    course = create_course()
    event = create_event()
    headers = {"Accept-Language": language}
    urls = {
        "catalogue": "/trainings/",
        "offering": f"/trainings/{offering.slug}",
        "session": f"/trainings/sessions/{session.id}",
        "sessions": "/trainings/sessions/",
        "courses": "/courses/",
        "course": f"/courses/{course.slug}",
        "events": "/trainings/events/",
        "event": f"/trainings/events/{event.id}",
    }
    return {name: client.get(url, headers=headers).get_data(as_text=True) for name, url in urls.items()} | {
        "_course": course.title, "_event": event.title
    }  # fmt: skip


@pytest.mark.parametrize("language", ["sv", "en"])
def test_finnish_content_is_marked_on_other_languages_pages(
    client: FlaskClient, language: str
) -> None:
    found = pages(client, language)
    assert f'<html lang="{language}">' in found["catalogue"]
    for name in ("catalogue", "offering", "session", "sessions"):
        assert marked(found[name], "Somen perusteet") == "fi", name
    assert marked(found["offering"], "Näin pääset alkuun") == "fi"
    for name in ("courses", "course"):
        assert marked(found[name], found["_course"]) == "fi", name
    for name in ("events", "event"):
        assert marked(found[name], found["_event"]) == "fi", name


def test_content_in_the_page_s_own_language_needs_no_mark(client: FlaskClient) -> None:
    found = pages(client, "fi")
    assert marked(found["offering"], "Somen perusteet") is None
    assert marked(found["course"], found["_course"]) is None


def test_a_trainers_profile_is_marked_with_the_language_it_is_written_in(
    client: FlaskClient, auth: Auth
) -> None:
    trainer = create_trainer()
    swedish = {"Accept-Language": "sv"}
    page = client.get(f"/trainings/trainers/{trainer.slug}", headers=swedish).get_data(True)
    assert marked(page, "Some-kouluttaja") == "fi"
    assert marked(page, "<p><strong>Kokenut") == "fi"
    auth.login(trainer.user)
    data = {"title": "Utbildare i sociala medier", "bio": "Erfaren", "language": "sv"}
    assert client.post(f"/trainings/trainers/{trainer.slug}/edit", data=data).status_code == 302
    auth.logout()
    page = client.get(f"/trainings/trainers/{trainer.slug}", headers=swedish).get_data(True)
    assert marked(page, "Utbildare i sociala medier") is None  # the page's own language
    finnish = client.get(f"/trainings/trainers/{trainer.slug}").get_data(as_text=True)
    assert marked(finnish, "Utbildare i sociala medier") == "sv"
