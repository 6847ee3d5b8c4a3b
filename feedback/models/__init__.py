"""The feedback models: surveys, responses and theme-wish boards."""

from feedback.models.responses import Answer, Answerer, Invitation, Response
from feedback.models.surveys import (
    CHOICE,
    NUMERIC,
    TEXT,
    Question,
    QuestionType,
    Survey,
    SurveyStatus,
    new_token,
)
from feedback.models.wishes import Vote, Wish, WishBoard, WishStatus

__all__ = [
    "CHOICE",
    "NUMERIC",
    "TEXT",
    "Answer",
    "Answerer",
    "Invitation",
    "Question",
    "QuestionType",
    "Response",
    "Survey",
    "SurveyStatus",
    "Vote",
    "Wish",
    "WishBoard",
    "WishStatus",
    "new_token",
]
