"""Answering: the public link stores nothing identifying; invitations and users answer once."""

import csv
import io
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook

from feedback.models import Answer, Invitation, QuestionType, Response, SurveyStatus
from feedback.operations.invitations import invite, remind
from paja.database import utcnow
from paja.extensions import db
from paja.mail import Mail
from paja.models import Role
from tests.conftest import Auth
from tests.feedback.factories import add_question, create_survey


def full_answer(survey, **extra):
    data = {f"q{q.id}": "4" for q in survey.questions if q.kind == QuestionType.RATING}
    nps = next(q for q in survey.questions if q.kind == QuestionType.NPS)
    data[f"q{nps.id}"] = "9"
    return {**data, **extra}


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_public_link_answer_is_anonymous(client: FlaskClient, auth: Auth) -> None:
    survey = create_survey()
    best = survey.questions[5]
    auth.login(Role.PARTICIPANT)  # even a logged-in person stays anonymous on the public link
    page = client.get(f"/feedback/a/{survey.public_token}").get_data(as_text=True)
    assert "Kokonaisarvio koulutuksesta" in page
    response = client.post(
        f"/feedback/a/{survey.public_token}", data=full_answer(survey, **{f"q{best.id}": "Hyvä!"})
    )
    assert "Kiitos palautteestasi" in response.get_data(as_text=True)
    stored = db.session.scalar(sa.select(Response))
    assert stored.user_id is None and stored.invitation_id is None
    assert stored.submitted_on == utcnow().date()  # the day only, no time
    assert not hasattr(stored, "ip")
    assert {c.name for c in Response.__table__.columns} == {
        "id",
        "survey_id",
        "submitted_on",
        "context",
        "user_id",
        "invitation_id",
    }
    assert count(Answer) == 6


@pytest.mark.parametrize(
    ("kind", "choices", "value", "message"),
    [
        (QuestionType.RATING, "", "6", "Valitse jokin vaihtoehdoista."),
        (QuestionType.RATING, "", "kolme", "Valitse jokin vaihtoehdoista."),
        (QuestionType.NPS, "", "11", "Valitse jokin vaihtoehdoista."),
        (QuestionType.SINGLE, "A\nB", "2", "Valitse jokin vaihtoehdoista."),
        (QuestionType.MULTIPLE, "A\nB", "7", "Valitse vaihtoehdoista."),
        (QuestionType.YESNO, "", "2", "Valitse jokin vaihtoehdoista."),
        (QuestionType.SHORT, "", "x" * 301, "alle 300 merkkiä"),
        (QuestionType.LONG, "", "x" * 4001, "alle 4000 merkkiä"),
        (QuestionType.SHORT, "", "", "Tähän kysymykseen tarvitaan vastaus."),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_stored(
    client: FlaskClient, kind: QuestionType, choices: str, value: str, message: str
) -> None:
    survey = create_survey()
    question = add_question(survey, kind, "Lisäkysymys", choices, required=True)
    data = full_answer(survey, **{f"q{question.id}": value})
    page = client.post(f"/feedback/a/{survey.public_token}", data=data).get_data(as_text=True)
    assert message in page
    assert 'class="alert alert-danger error-summary" tabindex="-1"' in page  # focused on load
    assert 'value="4" checked' in page or "checked" in page  # the other answers are kept
    assert count(Response) == 0


def test_missing_required_answers_are_marked(client: FlaskClient) -> None:
    survey = create_survey()
    page = client.post(f"/feedback/a/{survey.public_token}", data={}).get_data(as_text=True)
    assert (
        page.count("Tähän kysymykseen tarvitaan vastaus.") == 10
    )  # 5 required, each in summary and field
    assert count(Response) == 0


def test_other_option_needs_its_text(client: FlaskClient) -> None:
    survey = create_survey()
    question = add_question(
        survey, QuestionType.MULTIPLE, "Kanavat", "Facebook\nX", allow_other=True
    )
    page = client.post(
        f"/feedback/a/{survey.public_token}",
        data=full_answer(survey, **{f"q{question.id}": ["0", "other"]}),
    )
    assert "Kerro, mikä muu vaihtoehto on." in page.get_data(as_text=True)
    client.post(
        f"/feedback/a/{survey.public_token}",
        data=full_answer(
            survey, **{f"q{question.id}": ["0", "other"], f"q{question.id}-other": "TikTok"}
        ),
    )
    stored = db.session.scalars(sa.select(Answer).where(Answer.question_id == question.id))
    assert sorted(((a.number, a.text) for a in stored), key=str) == [(0, None), (None, "TikTok")]


def test_closed_draft_and_not_yet_open_surveys(client: FlaskClient) -> None:
    survey = create_survey(status=SurveyStatus.CLOSED)
    assert "eikä ota enää vastauksia" in client.get(f"/feedback/a/{survey.public_token}").get_data(
        as_text=True
    )
    later = create_survey()
    later.opens_at = utcnow() + timedelta(days=2)
    assert "avautuu" in client.get(f"/feedback/a/{later.public_token}").get_data(as_text=True)
    assert (
        client.post(f"/feedback/a/{later.public_token}", data=full_answer(later)).status_code == 200
    )
    assert count(Response) == 0
    named = create_survey(anonymous=False)
    assert client.get(f"/feedback/a/{named.public_token}").status_code == 404


def test_invitation_answers_once_and_reminders_skip_answered(
    app: Flask, client: FlaskClient, mails: list[Mail]
) -> None:
    survey = create_survey()
    with app.test_request_context():
        invite(
            survey,
            [
                ("Maija", "maija@example.fi"),
                ("", "matti@example.fi"),
                ("Tupla", "MAIJA@example.fi"),
            ],
        )
        db.session.commit()
    assert [m.to for m in mails] == ["maija@example.fi", "matti@example.fi"]
    link = next(line for line in mails[0].body.splitlines() if "/feedback/i/" in line).split(
        "localhost", 1
    )[1]
    client.post(link, data=full_answer(survey))
    invitation = db.session.scalar(
        sa.select(Invitation).where(Invitation.email == "maija@example.fi")
    )
    assert invitation.answered_at is not None
    assert "Olet jo vastannut" in client.get(link).get_data(as_text=True)
    client.post(link, data=full_answer(survey))
    assert count(Response) == 1
    mails.clear()
    with app.test_request_context():
        assert remind(survey) == 1
        db.session.commit()
    assert [m.to for m in mails] == ["matti@example.fi"]


def test_logged_in_user_answers_once(client: FlaskClient, auth: Auth) -> None:
    survey = create_survey(anonymous=False)
    user = auth.login(Role.PARTICIPANT)
    client.post(f"/feedback/s/{survey.id}", data=full_answer(survey))
    client.post(f"/feedback/s/{survey.id}", data=full_answer(survey))
    assert db.session.scalar(sa.select(Response.user_id)) == user.id
    assert count(Response) == 1
    assert "Olet jo vastannut" in client.get(f"/feedback/s/{survey.id}").get_data(as_text=True)


def test_exports_parse_back(client: FlaskClient, auth: Auth) -> None:
    owner = auth.login(Role.TRAINER)
    survey = create_survey(owner=owner)
    question = add_question(
        survey, QuestionType.MULTIPLE, "Kanavat", "Facebook\nX", allow_other=True
    )
    yesno = add_question(survey, QuestionType.YESNO, "Jatkatko?")
    data = full_answer(survey, **{f"q{question.id}": ["1", "other"], f"q{question.id}-other": "TikTok", f"q{yesno.id}": "1",
                                  f"q{survey.questions[5].id}": "Konkreettinen"})  # fmt: skip
    client.post(f"/feedback/a/{survey.public_token}", data=data)
    text = (
        client.get(f"/feedback/surveys/{survey.id}/answers.csv")
        .get_data(as_text=True)
        .lstrip("\ufeff")
    )
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, row = rows[0], rows[1]
    assert header[3] == "Kokonaisarvio koulutuksesta"
    assert row[header.index("Kanavat")] == "X; Muu: TikTok"
    assert row[header.index("Jatkatko?")] == "Kyllä"
    assert row[header.index("Mikä oli parasta?")] == "Konkreettinen"
    workbook = load_workbook(
        io.BytesIO(client.get(f"/feedback/surveys/{survey.id}/answers.xlsx").data)
    )
    sheet = workbook.active
    values = [[cell.value for cell in line] for line in sheet.iter_rows()]
    assert values[0][3] == "Kokonaisarvio koulutuksesta"
    assert values[1][header.index("Kanavat")] == "X; Muu: TikTok"


def test_only_the_owner_and_admins_see_results(client: FlaskClient, auth: Auth) -> None:
    survey = create_survey()
    auth.login(Role.TRAINER)  # another trainer
    for path in (
        f"/feedback/surveys/{survey.id}/summary",
        f"/feedback/surveys/{survey.id}/answers.csv",
        f"/feedback/surveys/{survey.id}",
    ):
        assert client.get(path).status_code == 403
    auth.login(survey.owner)
    assert client.get(f"/feedback/surveys/{survey.id}/summary").status_code == 200


def test_summary_pdf_has_title_and_figures(client: FlaskClient, auth: Auth) -> None:
    from pypdf import PdfReader

    from tests.feedback.factories import answer

    owner = auth.login(factories_user(locale="sv"))
    survey = create_survey(owner=owner)
    for rating, score in ((5, 10), (4, 9), (3, 6)):
        answer(
            survey,
            {
                survey.questions[0]: rating,
                survey.questions[4]: score,
                survey.questions[5]: "Konkreettinen",
            },
        )
    response = client.get(f"/feedback/surveys/{survey.id}/summary.pdf")
    assert response.data.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert survey.title in text
    assert "3 svar" in text  # in the viewer's language
    assert "medelvärde 4" in text
    assert "NPS 33" in text
    assert "Konkreettinen" in text


def factories_user(**kwargs):
    from tests import factories

    return factories.create_user(roles={Role.TRAINER}, **kwargs)
