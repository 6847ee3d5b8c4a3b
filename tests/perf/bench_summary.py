"""Benchmark: the summary of a 10-question survey with 100 000 responses (run by `make bench`).

Prints summary_100k_ms (building the summary page's figures) and summary_vs_raw_sql (that time
divided by the time of the bare GROUP BY queries over the same answers), on SQLite.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa
from flask_migrate import upgrade

from feedback.models import Answer, Question, QuestionType, Response, Survey, SurveyStatus
from feedback.summaries import summarise
from paja.extensions import db
from tests.conftest import make_app

RESPONSES = 100_000
KINDS = [QuestionType.RATING] * 4 + [
    QuestionType.NPS,
    QuestionType.SINGLE,
    QuestionType.MULTIPLE,
    QuestionType.YESNO,
    QuestionType.SHORT,
    QuestionType.LONG,
]


def build(survey_id: int, questions: list[Question]) -> None:
    """Insert the responses and answers in bulk (random but seeded)."""
    rng = random.Random(2026)
    start = date(2026, 1, 1)
    db.session.execute(
        sa.insert(Response),
        [
            {
                "id": n + 1,
                "survey_id": survey_id,
                "submitted_on": start + timedelta(days=n % 300),
                "context": f"session:{n % 40}",
            }
            for n in range(RESPONSES)
        ],
    )
    rows = []
    for n in range(1, RESPONSES + 1):
        for question in questions:
            kind = question.kind
            if kind == QuestionType.RATING:
                rows.append(
                    {
                        "response_id": n,
                        "question_id": question.id,
                        "number": rng.choice((3, 4, 4, 5, 5)),
                    }
                )
            elif kind == QuestionType.NPS:
                rows.append(
                    {"response_id": n, "question_id": question.id, "number": rng.randint(5, 10)}
                )
            elif kind in (QuestionType.SINGLE, QuestionType.YESNO):
                rows.append(
                    {"response_id": n, "question_id": question.id, "number": rng.randint(0, 1)}
                )
            elif kind == QuestionType.MULTIPLE:
                rows += [
                    {"response_id": n, "question_id": question.id, "number": c}
                    for c in (0, 2)
                    if rng.random() < 0.6
                ]
            elif n % 10 == 0:
                rows.append({"response_id": n, "question_id": question.id, "text": f"Vastaus {n}"})
        if len(rows) > 50_000:
            db.session.execute(sa.insert(Answer), rows)
            rows = []
    if rows:
        db.session.execute(sa.insert(Answer), rows)
    db.session.commit()


def raw_queries(survey_id: int) -> None:
    """The bare aggregation the summary needs: counts per question and value, and respondents."""
    scope = sa.select(Response.id).where(Response.survey_id == survey_id)
    db.session.execute(
        sa.select(Answer.question_id, Answer.number, sa.func.count())
        .where(Answer.response_id.in_(scope), Answer.number.is_not(None))
        .group_by(Answer.question_id, Answer.number)
    ).all()
    db.session.execute(
        sa.select(Answer.question_id, sa.func.count(sa.distinct(Answer.response_id)))
        .where(Answer.response_id.in_(scope))
        .group_by(Answer.question_id)
    ).all()


def best_of(runs: int, work) -> float:
    """The fastest of some runs, in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def main() -> None:
    """Build the data once, then time the summary and the raw queries."""
    app = make_app(
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
    )
    with app.app_context(), app.test_request_context():
        upgrade()
        survey = Survey(title="Benchmark", status=SurveyStatus.OPEN)
        for position, kind in enumerate(KINDS):
            choices = "A\nB\nC" if kind in (QuestionType.SINGLE, QuestionType.MULTIPLE) else ""
            survey.questions.append(
                Question(position=position, kind=kind, text=f"Q{position}", choices_text=choices)
            )
        db.session.add(survey)
        db.session.commit()
        build(survey.id, list(survey.questions))
        summary_ms = best_of(3, lambda: summarise(survey))
        raw_ms = best_of(3, lambda: raw_queries(survey.id))
        db.engine.dispose()
    print(f"summary_100k_ms: {summary_ms:.0f} ms")
    print(f"summary_vs_raw_sql: {summary_ms / raw_ms:.2f} ratio")


if __name__ == "__main__":
    main()
