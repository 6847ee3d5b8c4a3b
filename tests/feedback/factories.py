"""Factories for surveys and answers."""

from __future__ import annotations

from datetime import date

from feedback.models import Answer, Question, QuestionType, Response, Survey, SurveyStatus
from feedback.operations.surveys import create_from_template
from paja.extensions import db
from paja.models import Role, User
from tests import factories


def create_survey(
    owner: User | None = None,
    status: SurveyStatus = SurveyStatus.OPEN,
    anonymous: bool = True,
    open_to_accounts: bool = True,
) -> Survey:
    """The training-feedback template survey, open (also to any account) by default."""
    owner = owner or factories.create_user(roles={Role.TRAINER})
    survey = create_from_template(owner, "Palaute: Somestartti", "fi")
    survey.status = status
    survey.anonymous = anonymous
    survey.open_to_accounts = open_to_accounts
    db.session.commit()
    return survey


def add_question(survey: Survey, kind: QuestionType, text: str = "Kysymys", choices: str = "", required: bool = False,
                 allow_other: bool = False) -> Question:  # fmt: skip
    """Append a question to a survey."""
    question = Question(position=len(survey.questions), kind=kind, text=text, choices_text=choices,
                        required=required, allow_other=allow_other)  # fmt: skip
    survey.questions.append(question)
    db.session.commit()
    return question


def answer(survey: Survey, values: dict[Question, int | str | list[int]], day: date | None = None,
           context: str = "") -> Response:  # fmt: skip
    """Store one response directly (numbers, texts or lists of choice indexes)."""
    answers = []
    for question, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, int):
                answers.append(Answer(question_id=question.id, number=item))
            else:
                answers.append(Answer(question_id=question.id, text=item))
    response = Response(
        survey_id=survey.id, submitted_on=day or date.today(), context=context, answers=answers
    )
    db.session.add(response)
    db.session.commit()
    return response
