"""The feedback API: survey figures for those who may read the survey's results."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_smorest import abort

from feedback.api import SURVEYS_READ, blp
from feedback.api.schemas import SummaryArgs, SummarySchema, SurveyPage
from feedback.queries.api import surveys_after
from feedback.queries.surveys import survey_by_id
from feedback.summaries import summarise
from paja.api import PageArgs, id_after, page_of, problems
from paja.api_tokens import personal_user, token_required


@blp.get("/surveys")
@blp.doc(security=[{"token": [SURVEYS_READ]}])
@token_required(SURVEYS_READ)
@blp.arguments(PageArgs, location="query", as_kwargs=True)
@blp.response(200, SurveyPage)
@problems(blp, 400, 401, 403)
def list_surveys(limit: int, cursor: str | None) -> Any:
    """Your surveys (admins: all) with answers, the first rating's mean and the NPS."""
    rows = surveys_after(personal_user(), id_after(cursor), limit)
    return page_of(rows, limit, key=lambda row: str(row.survey.id))


@blp.get("/surveys/<int:survey_id>/summary")
@blp.doc(security=[{"token": [SURVEYS_READ]}])
@token_required(SURVEYS_READ)
@blp.arguments(SummaryArgs, location="query", as_kwargs=True)
@blp.response(200, SummarySchema)
@problems(blp, 400, 401, 403, 404)
def get_summary(survey_id: int, start: date | None, end: date | None, context: str | None) -> Any:
    """A survey's figures per question (counts per option, mean, median, NPS), for answers
    between two days or from one context; anonymous ones under three answers stay hidden."""
    holder = personal_user()
    survey = survey_by_id(survey_id)
    if survey is None or not survey.can_view(holder):
        abort(404)
    return summarise(survey, start, end, context)
