"""Translated names of the feedback package's enums."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from feedback.forms import KIND_LABELS
from feedback.models import SurveyStatus, WishStatus

SURVEY_STATUS_LABELS = {
    SurveyStatus.DRAFT: _l("draft"),
    SurveyStatus.OPEN: _l("open"),
    SurveyStatus.CLOSED: _l("closed"),
}
QUESTION_KIND_LABELS = KIND_LABELS
WISH_STATUS_LABELS = {
    WishStatus.NEW: _l("new"),
    WishStatus.PLANNED: _l("planned"),
    WishStatus.DONE: _l("done"),
    WishStatus.DECLINED: _l("declined"),
}
