"""What the feedback API answers: figures only, as the summary page shows them, without the
free texts (a single answer can name its writer)."""

from __future__ import annotations

import marshmallow as ma

from feedback.summaries import MIN_GROUP
from paja.api import DecimalText, page_schema
from paja.links import absolute_url

HIDDEN = (
    f"True when an anonymous survey has fewer than {MIN_GROUP} answers in scope: then no "
    "figure is given, so nobody's answer can be singled out."
)


class SurveyItemSchema(ma.Schema):
    """A survey with its key figures."""

    id = ma.fields.Integer(attribute="survey.id", required=True)
    title = ma.fields.String(attribute="survey.title", required=True)
    status = ma.fields.String(attribute="survey.status", required=True)
    anonymous = ma.fields.Boolean(attribute="survey.anonymous", required=True)
    responses = ma.fields.Integer(required=True)
    hidden = ma.fields.Boolean(required=True, metadata={"description": HIDDEN})
    mean = DecimalText(
        allow_none=True, required=True, metadata={"description": "Of the first rating question."}
    )
    nps = ma.fields.Integer(allow_none=True, required=True)
    url = ma.fields.Function(
        lambda row: absolute_url("feedback.summary", survey_id=row.survey.id), required=True
    )


SurveyPage = page_schema(SurveyItemSchema, "SurveyPage")


class SummaryArgs(ma.Schema):
    """Which answers count: submitted between two days, from one context (e.g. a session)."""

    start = ma.fields.Date(load_default=None)
    end = ma.fields.Date(load_default=None)
    context = ma.fields.String(
        load_default=None,
        validate=ma.validate.Length(max=40),
        metadata={"description": "Such as session:12."},
    )


class BucketSchema(ma.Schema):
    """One answer option and how many chose it."""

    label = ma.fields.String(required=True)
    count = ma.fields.Integer(required=True)
    percent = DecimalText(required=True)


class QuestionSummarySchema(ma.Schema):
    """One question's figures."""

    id = ma.fields.Integer(attribute="question.id", required=True)
    text = ma.fields.String(attribute="question.text", required=True)
    kind = ma.fields.String(attribute="question.kind", required=True)
    answered = ma.fields.Integer(required=True)
    options = ma.fields.List(ma.fields.Nested(BucketSchema), attribute="buckets", required=True)
    mean = DecimalText(allow_none=True, required=True)
    median = DecimalText(allow_none=True, required=True)
    nps = ma.fields.Integer(allow_none=True, required=True)


class SummarySchema(ma.Schema):
    """A survey's figures for the answers in scope."""

    id = ma.fields.Integer(attribute="survey.id", required=True)
    title = ma.fields.String(attribute="survey.title", required=True)
    anonymous = ma.fields.Boolean(attribute="survey.anonymous", required=True)
    responses = ma.fields.Integer(required=True)
    invited = ma.fields.Integer(required=True)
    invitations_answered = ma.fields.Integer(required=True)
    response_rate = DecimalText(allow_none=True, required=True, metadata={"description": "%"})
    hidden = ma.fields.Boolean(required=True, metadata={"description": HIDDEN})
    questions = ma.fields.List(ma.fields.Nested(QuestionSummarySchema), required=True)
