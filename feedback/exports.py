"""Rows for spreadsheets: a survey's answers (one row per response) and a board's wishes."""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa
from flask_babel import gettext as _

from feedback.labels import WISH_STATUS_LABELS
from feedback.models import CHOICE, Answer, Question, QuestionType, Response, Survey, WishBoard
from feedback.queries.wishes import ranked
from paja.extensions import db


def answer_rows(survey: Survey) -> Iterator[list[object]]:
    """The header, then one row per response (streamed from two ordered queries)."""
    questions = list(survey.questions)
    yield [_("Response"), _("Date"), _("Context"), *(q.text for q in questions)]
    column = {q.id: i for i, q in enumerate(questions)}
    by_id = {q.id: q for q in questions}
    answers = db.session.execute(
        sa.select(Answer.response_id, Answer.question_id, Answer.number, Answer.text)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.survey_id == survey.id)
        .order_by(Answer.response_id, Answer.id)
    )
    responses = db.session.execute(
        sa.select(Response.id, Response.submitted_on, Response.context)
        .where(Response.survey_id == survey.id)
        .order_by(Response.id)
    )
    pending = next(answers, None)
    for response_id, day, context in responses:
        cells: list[list[str | int]] = [[] for _ in questions]
        while pending is not None and pending.response_id == response_id:
            cells[column[pending.question_id]].append(
                readable_answer(by_id[pending.question_id], pending.number, pending.text)
            )
            pending = next(answers, None)
        yield [response_id, day, context, *(_cell(values) for values in cells)]


def _cell(values: list[str | int]) -> str | int | None:
    """One answer as itself (a rating stays a number), several joined as text, none empty."""
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return "; ".join(str(value) for value in values)


def readable_answer(question: Question, number: int | None, text: str | None) -> str | int:
    """An answer as a person reads it: the option's text, yes/no, the number or the text."""
    if text is not None:
        return text if question.kind != QuestionType.MULTIPLE else _("Other: %(text)s", text=text)
    if question.kind in CHOICE:
        return (
            question.choices[number]
            if number is not None and number < len(question.choices)
            else ""
        )
    if question.kind == QuestionType.YESNO:
        return _("Yes") if number else _("No")
    return number if number is not None else ""


def wish_rows(board: WishBoard) -> Iterator[list[object]]:
    """The header, then the board's wishes, most votes first."""
    yield [_("Wish"), _("Votes"), _("Status"), _("Name")]
    for item in ranked(board):
        wish = item.wish
        yield [wish.text, item.votes, str(WISH_STATUS_LABELS[wish.status]), wish.author_name]
