"""Translated names of the feedback package's enums."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from feedback.models import QuestionType, SurveyStatus, WishStatus

SURVEY_STATUS_LABELS = {
    SurveyStatus.DRAFT: _l("draft"),
    SurveyStatus.OPEN: _l("open"),
    SurveyStatus.CLOSED: _l("closed"),
}
QUESTION_KIND_LABELS = {
    QuestionType.RATING: _l("Rating 1–5"),
    QuestionType.NPS: _l("Recommendation 0–10 (NPS)"),
    QuestionType.SINGLE: _l("One choice"),
    QuestionType.MULTIPLE: _l("Several choices"),
    QuestionType.YESNO: _l("Yes or no"),
    QuestionType.SHORT: _l("Short text"),
    QuestionType.LONG: _l("Long text"),
}
WISH_STATUS_LABELS = {
    WishStatus.NEW: _l("new"),
    WishStatus.PLANNED: _l("planned"),
    WishStatus.DONE: _l("done"),
    WishStatus.DECLINED: _l("declined"),
}
