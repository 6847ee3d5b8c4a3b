"""Authoring: questions, reordering, duplicating, the answered-survey lock, opening, invitations."""

import sqlalchemy as sa
from flask.testing import FlaskClient

from feedback.models import Invitation, QuestionType, Survey, SurveyStatus
from feedback.operations.invitations import parse_people
from paja.extensions import db
from paja.mail import Mail
from paja.models import Role
from tests.conftest import Auth
from tests.feedback.factories import answer, create_survey


def test_trainer_creates_a_survey_from_the_template_in_swedish(
    client: FlaskClient, auth: Auth
) -> None:
    auth.login(Role.TRAINER)
    response = client.post(
        "/feedback/surveys/new", data={"title": "Respons", "language": "sv", "from_template": "y"}
    )
    survey = db.session.scalar(sa.select(Survey))
    assert response.headers["Location"] == f"/feedback/surveys/{survey.id}"
    assert [q.text for q in survey.questions][:2] == [
        "Helhetsbedömning av utbildningen",
        "Hur konkret var utbildningen?",
    ]
    assert survey.questions[4].kind == QuestionType.NPS
    assert survey.status == SurveyStatus.DRAFT


def test_questions_are_added_checked_and_reordered(client: FlaskClient, auth: Auth) -> None:
    owner = auth.login(Role.ORGANISER)
    survey = create_survey(owner=owner, status=SurveyStatus.DRAFT)
    page = client.post(
        f"/feedback/surveys/{survey.id}/questions",
        data={"kind": "single", "text": "Kanava?", "choices": "Vain yksi"},
    )
    assert "Anna vähintään kaksi vaihtoehtoa" in page.get_data(as_text=True)
    assert 'value="Kanava?"' in page.get_data(as_text=True)
    client.post(
        f"/feedback/surveys/{survey.id}/questions",
        data={"kind": "single", "text": "Kanava?", "choices": "Facebook\nX"},
    )
    added = survey.questions[-1]
    added_id = added.id
    assert added.choices == ["Facebook", "X"]
    client.post(f"/feedback/questions/{added_id}/up")
    assert survey.questions[-2].id == added_id
    client.post(f"/feedback/questions/{added_id}/remove")
    db.session.expire_all()
    assert added_id not in [q.id for q in survey.questions]
    assert [q.position for q in survey.questions] == list(range(len(survey.questions)))


def test_answered_survey_allows_only_wording_changes(client: FlaskClient, auth: Auth) -> None:
    owner = auth.login(Role.TRAINER)
    survey = create_survey(owner=owner)
    first = survey.questions[0]
    answer(survey, {first: 5})
    page = client.post(f"/feedback/questions/{first.id}", data={"kind": "nps", "text": first.text})
    assert "vain sanamuotoja" in page.get_data(as_text=True)
    assert first.kind == QuestionType.RATING
    client.post(
        f"/feedback/questions/{first.id}",
        data={"kind": "rating", "text": "Kokonaisarvio", "required": "y"},
    )
    assert first.text == "Kokonaisarvio"
    page = client.post(
        f"/feedback/surveys/{survey.id}/questions", data={"kind": "short", "text": "Uusi"}
    )
    assert "kysymyksiä ei voi lisätä" in page.get_data(as_text=True)
    client.post(f"/feedback/questions/{first.id}/remove")
    assert first in survey.questions
    response = client.post(f"/feedback/surveys/{survey.id}/duplicate")
    copy = db.session.scalar(sa.select(Survey).where(Survey.id != survey.id))
    assert response.headers["Location"] == f"/feedback/surveys/{copy.id}"
    assert copy.title == f"{survey.title} (kopio)"
    assert [q.text for q in copy.questions] == [q.text for q in survey.questions]
    assert copy.status == SurveyStatus.DRAFT


def test_opening_needs_questions_and_periods_make_sense(client: FlaskClient, auth: Auth) -> None:
    owner = auth.login(Role.TRAINER)
    client.post("/feedback/surveys/new", data={"title": "Tyhjä", "language": "fi"})
    empty = db.session.scalar(sa.select(Survey))
    page = client.post(f"/feedback/surveys/{empty.id}/open", follow_redirects=True).get_data(
        as_text=True
    )
    assert "Lisää vähintään yksi kysymys" in page
    assert empty.status == SurveyStatus.DRAFT
    data = {
        "title": "Tyhjä",
        "language": "fi",
        "opens_at": "2030-05-02T10:00",
        "closes_at": "2030-05-01T10:00",
    }
    page = client.post(f"/feedback/surveys/{empty.id}", data=data).get_data(as_text=True)
    assert "Kyselyn on suljettava avautumisen jälkeen." in page
    assert owner


def test_invitations_from_pasted_lines(client: FlaskClient, auth: Auth, mails: list[Mail]) -> None:
    assert parse_people(
        "Maija Meikäläinen, maija@example.fi\nmatti@example.fi\n\nei osoitetta"
    ) == [
        ("Maija Meikäläinen", "maija@example.fi"),
        ("", "matti@example.fi"),
    ]
    owner = auth.login(Role.TRAINER)
    survey = create_survey(owner=owner)
    page = client.post(
        f"/feedback/surveys/{survey.id}/invitations", data={"people": "ei osoitetta"}
    )
    assert "Sähköpostiosoitetta ei löytynyt" in page.get_data(as_text=True)
    client.post(
        f"/feedback/surveys/{survey.id}/invitations",
        data={"people": "Maija, maija@example.fi\nmatti@example.fi"},
    )
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Invitation)) == 2
    assert sorted(m.to for m in mails) == ["maija@example.fi", "matti@example.fi"]
    assert mails[0].subject.startswith("Vastaathan:")
