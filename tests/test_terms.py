"""Words with two meanings get one translation each, and terms read as people expect."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask import Flask
from flask_babel import force_locale, gettext

from feedback.forms.surveys import SurveyForm
from trainings.forms.trainers import TrainerForm
from trainings.labels import AGENDA_LABELS
from trainings.models import AgendaKind


@pytest.mark.parametrize(
    ("language", "agenda", "survey", "trainer"),
    [
        ("fi", "Avaus", "Saateteksti", "Esittely"),
        ("sv", "Inledning", "Inledande text", "Presentation"),
        ("en", "Introduction", "Introduction", "Introduction"),
    ],
)
def test_introduction_is_told_apart_by_where_it_stands(
    app: Flask, language: str, agenda: str, survey: str, trainer: str
) -> None:
    with app.test_request_context(), force_locale(language):
        assert str(AGENDA_LABELS[AgendaKind.INTRODUCTION]) == agenda
        assert str(AGENDA_LABELS[AgendaKind.PRESENTATION]) != agenda
        assert SurveyForm(meta={"csrf": False}).intro.label.text == survey
        assert TrainerForm(meta={"csrf": False}).bio.label.text == trainer


@pytest.mark.parametrize(
    ("language", "offering", "session"),
    [("fi", "Lisää koulutus", "Lisää koulutustilaisuus"),
     ("sv", "Lägg till en utbildning", "Schemalägg utbildningstillfället")],
)  # fmt: skip
def test_a_workshop_and_its_session_have_their_own_words(
    app: Flask, language: str, offering: str, session: str
) -> None:
    with app.test_request_context(), force_locale(language):
        assert gettext("Add a workshop") == offering
        assert gettext("Schedule the session") == session


# The plural (formal) "you": Finnish possessive -nne and verbs in -tte, Swedish ni/er.
PLURAL_YOU = {
    "fi": re.compile(r"\b\w+(?<!tä)(?<!si)nne\b|\b\w*(itte|ette|otte|atte)\b", re.IGNORECASE),
    "sv": re.compile(r"\b(ni|er|era|ert)\b", re.IGNORECASE),
}


@pytest.mark.nodb
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_people_are_addressed_one_way(language: str) -> None:
    """Finnish says "sinä" and Swedish "du" everywhere, never the plural "te"/"ni"."""
    path = Path(__file__).parent.parent / "translations" / language / "LC_MESSAGES/messages.po"
    with path.open("rb") as file:
        catalogue = read_po(file)
    plural = [
        message.string
        for message in catalogue
        if message.id
        for text in ([message.string] if isinstance(message.string, str) else message.string)
        if PLURAL_YOU[language].search(text)
    ]
    assert plural == []
