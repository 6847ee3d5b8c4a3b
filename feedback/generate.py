"""Bulk data for `paja generate`: feedback surveys and their responses.

One survey per scale step with 1 000 responses, owned by a generated trainer; the first
survey of a run gets 100 times scale responses (10 000 at scale 100), the size the page benchmark
summarises.
"""

from __future__ import annotations

import random
from datetime import timedelta

from feedback.models import Answer, Question, QuestionType, Response, Survey, SurveyStatus
from paja.database import utcnow
from paja.generate import bulk, next_id, people_of_this_run
from paja.models import Role, UserRole

QUESTIONS = (
    (QuestionType.RATING, "Kuinka hyödyllinen koulutus oli?"),
    (QuestionType.RATING, "Kuinka selkeä kouluttaja oli?"),
    (QuestionType.RATING, "Kuinka hyvin aikataulu piti?"),
    (QuestionType.NPS, "Suosittelisitko koulutusta kollegallesi?"),
    (QuestionType.LONG, "Mitä muuta haluat sanoa?"),
)


def generate(scale: int, rng: random.Random) -> dict[str, int]:
    """Surveys, their questions, responses and answers."""
    owner = people_of_this_run(scale)[0]
    bulk(UserRole, [{"user_id": owner, "role": Role.TRAINER}])
    first_survey, first_question = next_id(Survey), next_id(Question)
    now = utcnow()
    surveys = [
        {"id": first_survey + n, "title": f"Palautekysely {first_survey + n}", "language": "fi",
         "status": SurveyStatus.OPEN, "anonymous": True, "public_token": f"gen-survey-{first_survey + n}",
         "owner_id": owner, "created_at": now}
        for n in range(scale)
    ]  # fmt: skip
    bulk(Survey, surveys)
    questions = [
        {"id": first_question + n * len(QUESTIONS) + k, "survey_id": survey["id"], "position": k,
         "kind": kind, "text": text, "required": k < 4}
        for n, survey in enumerate(surveys) for k, (kind, text) in enumerate(QUESTIONS)
    ]  # fmt: skip
    bulk(Question, questions)
    responses = _responses(surveys, first_question, scale, rng)
    return {"surveys": len(surveys), "survey responses": responses}


def _responses(
    surveys: list[dict[str, object]], first_question: int, scale: int, rng: random.Random
) -> int:
    """Insert the responses and their answers; how many responses."""
    first_response = next_id(Response)
    today = utcnow().date()
    made = 0
    for n, survey in enumerate(surveys):
        count = 100 * scale if n == 0 else 1000
        ids = range(first_response + made, first_response + made + count)
        bulk(Response, [
            {"id": i, "survey_id": survey["id"], "submitted_on": today - timedelta(days=i % 365),
             "context": ""}
            for i in ids
        ])  # fmt: skip
        question = first_question + n * len(QUESTIONS)  # the survey's questions, in order
        answers: list[dict[str, object]] = []
        for i in ids:
            answers += [{"response_id": i, "question_id": question + k, "number": rng.choice((3, 4, 4, 5, 5))}
                        for k in range(3)]  # fmt: skip
            answers.append(
                {"response_id": i, "question_id": question + 3, "number": rng.randint(5, 10)}
            )
            if i % 10 == 0:
                answers.append(
                    {"response_id": i, "question_id": question + 4, "text": f"Kiitos {i}!"}
                )
        bulk(Answer, answers)
        made += count
    return made
