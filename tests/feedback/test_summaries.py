"""Summaries against hand-computed values: distribution, mean, median, NPS, texts, hidden groups."""

from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from feedback.models import QuestionType
from feedback.summaries import key_figures, nps, summarise
from paja.extensions import db
from paja.models import Role
from tests.conftest import Auth
from tests.feedback.factories import add_question, answer, create_survey


def test_rating_distribution_mean_and_median(app: Flask) -> None:
    survey = create_survey()
    overall = survey.questions[0]
    for value in (5, 5, 4, 3, 5, 2):  # sorted 2 3 4 5 5 5 -> median (4+5)/2 = 4.5; mean 24/6 = 4
        answer(survey, {overall: value})
    item = summarise(survey).questions[0]
    assert item.answered == 6
    assert [(b.label, b.count, b.percent) for b in item.buckets] == [
        ("1", 0, Decimal("0.0")), ("2", 1, Decimal("16.7")), ("3", 1, Decimal("16.7")),
        ("4", 1, Decimal("16.7")), ("5", 3, Decimal("50.0")),
    ]  # fmt: skip
    assert item.mean == Decimal("4.00")
    assert item.median == Decimal("4.5")


def test_odd_count_median_and_nps(app: Flask) -> None:
    survey = create_survey()
    nps = next(q for q in survey.questions if q.kind == QuestionType.NPS)
    for value in (10, 9, 9, 8, 7, 6, 0):  # promoters 3, detractors 2 of 7 -> 14.3 -> 14
        answer(survey, {nps: value})
    item = next(s for s in summarise(survey).questions if s.question.id == nps.id)
    assert item.nps == 14
    assert item.median == Decimal("8")
    assert item.mean == Decimal("7.00")


def test_choices_yes_no_and_texts(app: Flask) -> None:
    survey = create_survey()
    channels = add_question(
        survey, QuestionType.MULTIPLE, "Kanavat", "Facebook\nX\nInstagram", allow_other=True
    )
    yesno = add_question(survey, QuestionType.YESNO, "Suosittelisitko?")
    best = survey.questions[5]
    answer(survey, {channels: [0, 1], yesno: 1, best: "erinomainen, konkreettinen ja rohkaiseva"})
    answer(survey, {channels: [0, "TikTok"], yesno: 1})
    answer(survey, {channels: [2], yesno: 0, best: "Hyvä tahti"})
    summary = {s.question.id: s for s in summarise(survey).questions}
    assert [(b.label, b.count) for b in summary[channels.id].buckets] == [
        ("Facebook", 2),
        ("X", 1),
        ("Instagram", 1),
    ]
    assert summary[channels.id].texts == ["TikTok"]
    assert [(b.count, b.percent) for b in summary[yesno.id].buckets] == [
        (1, Decimal("33.3")),
        (2, Decimal("66.7")),
    ]
    assert summary[best.id].texts == ["Hyvä tahti", "erinomainen, konkreettinen ja rohkaiseva"]


def test_fewer_than_three_anonymous_answers_are_hidden(app: Flask) -> None:
    survey = create_survey()
    overall = survey.questions[0]
    answer(survey, {overall: 5}, context="session:1")
    answer(survey, {overall: 4}, context="session:1")
    answer(survey, {overall: 1}, context="session:2")
    assert not summarise(survey).hidden
    assert summarise(survey, context="session:1").hidden
    assert summarise(survey, context="session:1").questions[0].buckets == []
    named = create_survey(anonymous=False)
    answer(named, {named.questions[0]: 3})
    assert not summarise(named).hidden


def test_date_filter(app: Flask) -> None:
    survey = create_survey()
    overall = survey.questions[0]
    for day in (date(2026, 5, 28), date(2026, 6, 4), date(2026, 6, 11), date(2026, 6, 12)):
        answer(survey, {overall: 4}, day=day)
    assert summarise(survey, start=date(2026, 6, 1)).responses == 3
    assert summarise(survey, start=date(2026, 6, 1), end=date(2026, 6, 11)).responses == 2


def test_key_figures_for_many_surveys(app: Flask) -> None:
    first, second, empty = create_survey(), create_survey(), create_survey()
    for survey, ratings, scores in ((first, (5, 4), (10, 10, 3)), (second, (3,), (8,))):
        for n, rating in enumerate(ratings):
            answer(survey, {survey.questions[0]: rating, survey.questions[4]: scores[n]})
        for score in scores[len(ratings) :]:
            answer(survey, {survey.questions[4]: score})
    figures = key_figures([first.id, second.id, empty.id])
    assert (figures[first.id].responses, figures[first.id].mean, figures[first.id].nps) == (
        3,
        Decimal("4.50"),
        33,
    )
    assert (figures[second.id].mean, figures[second.id].nps) == (Decimal("3.00"), 0)
    assert (figures[empty.id].responses, figures[empty.id].mean, figures[empty.id].nps) == (
        0,
        None,
        None,
    )


def test_summary_page_queries_do_not_grow_with_answers(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    owner = auth.login(Role.TRAINER)
    survey = create_survey(owner=owner)
    for n in range(10):
        answer(
            survey,
            {
                q: (n % 5) + 1
                if q.kind == QuestionType.RATING
                else (n % 11 if q.kind == QuestionType.NPS else "ok")
                for q in survey.questions
            },
        )
    with count_queries() as few:
        assert client.get(f"/feedback/surveys/{survey.id}/summary").status_code == 200
    bulk_answers(survey, 10_000)
    with count_queries() as many:
        page = client.get(f"/feedback/surveys/{survey.id}/summary").get_data(as_text=True)
    assert len(many) == len(few), many
    assert "10\xa0010" in page  # answers, formatted for Finnish
    assert "<svg" in page and "<table" in page


def bulk_answers(survey, count: int) -> None:
    """Many responses at once (bulk INSERTs), every question answered."""
    from feedback.models import Answer, Response

    first = (db.session.scalar(sa.select(sa.func.max(Response.id))) or 0) + 1
    db.session.execute(
        sa.insert(Response),
        [
            {"id": first + n, "survey_id": survey.id, "submitted_on": date(2026, 6, 1)}
            for n in range(count)
        ],
    )
    rows = []
    for n in range(count):
        for q in survey.questions:
            if q.kind == QuestionType.RATING:
                rows.append({"response_id": first + n, "question_id": q.id, "number": n % 5 + 1})
            elif q.kind == QuestionType.NPS:
                rows.append({"response_id": first + n, "question_id": q.id, "number": n % 11})
            else:
                rows.append({"response_id": first + n, "question_id": q.id, "text": f"teksti {n}"})
    db.session.execute(sa.insert(Answer), rows)
    db.session.commit()


@pytest.mark.parametrize(
    ("promoters", "detractors", "answers", "score"),
    [(3, 2, 7, 14), (1, 0, 8, 13), (0, 1, 8, -13), (2, 2, 4, 0), (4, 0, 4, 100)],
)
def test_nps_rounds_halves_away_from_zero(
    promoters: int, detractors: int, answers: int, score: int
) -> None:
    assert nps(promoters, detractors, answers) == score  # 1 of 8 is 12.5: 13, not 12


def test_the_summary_and_the_key_figures_agree_on_nps_and_mean(app: Flask) -> None:
    survey = create_survey()
    overall, recommend = survey.questions[0], survey.questions[4]
    for rating, score in ((5, 10), (4, 9), (4, 8), (3, 6), (5, 10), (4, 7), (2, 0), (5, 9)):
        answer(survey, {overall: rating, recommend: score})
    summary = summarise(survey)
    figures = key_figures([survey.id])[survey.id]
    assert figures.nps == summary.questions[4].nps == 25  # 4 promoters, 2 detractors of 8
    assert figures.mean == summary.questions[0].mean == Decimal("4.00")
