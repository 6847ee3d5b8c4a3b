"""Survey summaries, aggregated in SQL: counts per answer, means, medians, NPS and texts.

Public for other packages: summarise() for a survey's page, key_figures() for lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from feedback.models import (
    CHOICE,
    NUMERIC,
    Answer,
    Invitation,
    Question,
    QuestionType,
    Response,
    Survey,
)
from paja.extensions import db
from paja.numbers import half_up, percent, whole
from paja.page_cache import remembered

MIN_GROUP = 3  # anonymous breakdowns with fewer answers are hidden
CONTEXT_LABELLER = "feedback.context_labeller"  # app.extensions key: other packages name contexts
TEXTS_SHOWN = 200
PROMOTER, DETRACTOR = 9, 6  # NPS: 9-10 promote, 0-6 detract


@dataclass
class Bucket:
    """One answer option and how many chose it."""

    label: str
    count: int
    percent: Decimal


@dataclass
class QuestionSummary:
    """The figures of one question."""

    question: Question
    answered: int = 0
    buckets: list[Bucket] = field(default_factory=list)
    mean: Decimal | None = None
    median: Decimal | None = None
    nps: int | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class SurveySummary:
    """A survey's figures for a period and context."""

    survey: Survey
    responses: int
    invited: int
    invitations_answered: int
    hidden: bool
    questions: list[QuestionSummary]

    @property
    def response_rate(self) -> Decimal | None:
        """Answered invitations as a percentage of invitations."""
        if not self.invited:
            return None
        return percent(self.invitations_answered, self.invited)


def nps(promoters: int, detractors: int, answers: int) -> int:
    """The Net Promoter Score: promoters (9-10) minus detractors (0-6), in percent of answers."""
    return whole(Decimal(100 * (promoters - detractors)) / answers)


def mean(total: Decimal | int, count: int) -> Decimal:
    """A mean with two decimals, halves up."""
    return half_up(Decimal(total) / count, "0.01")


def _responses(
    survey_id: int, start: date | None, end: date | None, context: str | None
) -> sa.Select:
    """The ids of the responses in scope."""
    statement = sa.select(Response.id).where(Response.survey_id == survey_id)
    if start:
        statement = statement.where(Response.submitted_on >= start)
    if end:
        statement = statement.where(Response.submitted_on <= end)
    if context:
        statement = statement.where(Response.context == context)
    return statement


@dataclass(frozen=True)
class Figures:
    """The raw aggregates of a summary: plain values, safe to remember between requests."""

    responses: int
    invited: int
    invitations_answered: int
    counts: dict[int, dict[int, int]]  # question -> answer number -> answers
    answered: dict[int, int]  # question -> respondents
    texts: list[tuple[int, str]]  # (question, text), newest first per question


def summarise(
    survey: Survey, start: date | None = None, end: date | None = None, context: str | None = None
) -> SurveySummary:
    """Everything the summary page shows, in five queries whatever the number of answers;
    remembered until the next change anywhere (see paja.page_cache.remembered)."""
    key = f"survey-summary:{survey.id}:{start}:{end}:{context}"
    figures = remembered(key, lambda: _figures(survey, start, end, context))
    hidden = survey.anonymous and figures.responses < MIN_GROUP
    summaries = {q.id: QuestionSummary(q) for q in survey.questions}
    if not hidden and figures.responses:
        _fill_counts(summaries, figures)
        for question_id, text in figures.texts:
            if question_id in summaries:
                summaries[question_id].texts.append(text)
    return SurveySummary(
        survey,
        figures.responses,
        figures.invited,
        figures.invitations_answered,
        hidden,
        list(summaries.values()),
    )


def _figures(survey: Survey, start: date | None, end: date | None, context: str | None) -> Figures:
    """The aggregates, from the database."""
    scope = _responses(survey.id, start, end, context).subquery()
    total = db.session.scalar(sa.select(sa.func.count()).select_from(scope)) or 0
    invited, answered = db.session.execute(
        sa.select(sa.func.count(Invitation.id), sa.func.count(Invitation.answered_at)).where(
            Invitation.survey_id == survey.id, *([Invitation.context == context] if context else [])
        )
    ).one()
    if not total or (survey.anonymous and total < MIN_GROUP):
        return Figures(total, invited, answered, {}, {}, [])
    rows = db.session.execute(
        sa.select(Answer.question_id, Answer.number, sa.func.count())
        .where(Answer.response_id.in_(sa.select(scope.c.id)), Answer.number.is_not(None))
        .group_by(Answer.question_id, Answer.number)
    ).all()
    counts: dict[int, dict[int, int]] = {}
    for question_id, number, count in rows:
        if number is not None:  # never: the query takes numbers only
            counts.setdefault(question_id, {})[number] = count
    per_question = dict(
        db.session.execute(
            sa.select(Answer.question_id, sa.func.count(sa.distinct(Answer.response_id)))
            .where(Answer.response_id.in_(sa.select(scope.c.id)))
            .group_by(Answer.question_id)
        ).all()
    )
    return Figures(total, invited, answered, counts, per_question, _texts(scope))


def _fill_counts(summaries: dict[int, QuestionSummary], figures: Figures) -> None:
    """Buckets per answer option, respondents per question, and the statistics."""
    for question_id, summary in summaries.items():
        summary.answered = figures.answered.get(question_id, 0)
        by_number = figures.counts.get(question_id, {})
        question = summary.question
        if question.kind in NUMERIC:
            labels = {0: "0", 1: "1"} if question.kind == QuestionType.YESNO else {}
            options = [(n, labels.get(n, str(n))) for n in question.scale]
        elif question.kind in CHOICE:
            options = list(enumerate(question.choices))
        else:
            continue
        summary.buckets = [
            Bucket(label, by_number.get(n, 0), percent(by_number.get(n, 0), summary.answered))
            for n, label in options
        ]
        if question.kind in {QuestionType.RATING, QuestionType.NPS}:
            _fill_statistics(summary, by_number)


def _fill_statistics(summary: QuestionSummary, by_number: dict[int, int]) -> None:
    """Mean, median and (for NPS) the score, from the counts."""
    total = sum(by_number.values())
    if not total:
        return
    summary.mean = mean(sum(n * c for n, c in by_number.items()), total)
    ordered = sorted(by_number.items())

    def nth(k: int) -> int:
        """The k-th smallest answer (from 0), read off the counts."""
        seen = 0
        for value, count in ordered:
            seen += count
            if k < seen:
                return value
        return ordered[-1][0]

    middle = (Decimal(nth((total - 1) // 2)) + Decimal(nth(total // 2))) / 2
    summary.median = (
        middle.normalize() if middle != middle.to_integral() else middle.quantize(Decimal(1))
    )
    if summary.question.kind == QuestionType.NPS:
        promoters = sum(c for n, c in by_number.items() if n >= PROMOTER)
        detractors = sum(c for n, c in by_number.items() if n <= DETRACTOR)
        summary.nps = nps(promoters, detractors, total)


def _texts(scope: sa.Subquery) -> list[tuple[int, str]]:
    """The newest free texts (and 'other' answers) per question, at most TEXTS_SHOWN each."""
    rank = (
        sa.func.row_number()
        .over(partition_by=Answer.question_id, order_by=Answer.id.desc())
        .label("rank")
    )
    ranked = (
        sa.select(Answer.question_id, Answer.text, rank)
        .where(
            Answer.response_id.in_(sa.select(scope.c.id)),
            Answer.text.is_not(None),
            Answer.text != "",
        )
        .subquery()
    )
    return [
        (question_id, text)
        for question_id, text in db.session.execute(
            sa.select(ranked.c.question_id, ranked.c.text)
            .where(ranked.c.rank <= TEXTS_SHOWN)
            .order_by(ranked.c.rank)
        )
    ]


@dataclass
class KeyFigures:
    """What a list of surveys shows for each: answers, mean of the first rating, NPS."""

    responses: int
    mean: Decimal | None
    nps: int | None


def key_figures(survey_ids: list[int]) -> dict[int, KeyFigures]:
    """Answers, the first rating question's mean and the NPS for many surveys, in two queries."""
    if not survey_ids:
        return {}
    responses = dict(
        db.session.execute(
            sa.select(Response.survey_id, sa.func.count())
            .where(Response.survey_id.in_(survey_ids))
            .group_by(Response.survey_id)
        ).all()
    )
    first_rating = (
        sa.select(Question.survey_id, sa.func.min(Question.position).label("position"))
        .where(Question.survey_id.in_(survey_ids), Question.kind == QuestionType.RATING)
        .group_by(Question.survey_id)
        .subquery()
    )
    rating_ids = sa.select(Question.id).join(
        first_rating,
        sa.and_(
            Question.survey_id == first_rating.c.survey_id,
            Question.position == first_rating.c.position,
        ),
    )
    nps_ids = sa.select(Question.id).where(
        Question.survey_id.in_(survey_ids), Question.kind == QuestionType.NPS
    )
    promoter = sa.case((Answer.number >= PROMOTER, 1), else_=0)
    detractor = sa.case((Answer.number <= DETRACTOR, 1), else_=0)
    rows = db.session.execute(
        sa.select(
            Question.survey_id,
            sa.func.avg(sa.case((Answer.question_id.in_(rating_ids), Answer.number))),
            sa.func.sum(sa.case((Answer.question_id.in_(nps_ids), promoter), else_=0)),
            sa.func.sum(sa.case((Answer.question_id.in_(nps_ids), detractor), else_=0)),
            sa.func.count(sa.case((Answer.question_id.in_(nps_ids), 1))),
        )
        .join(Question, Question.id == Answer.question_id)
        .where(Question.survey_id.in_(survey_ids), Answer.number.is_not(None))
        .group_by(Question.survey_id)
    ).all()
    figures = {sid: KeyFigures(responses.get(sid, 0), None, None) for sid in survey_ids}
    for survey_id, average, promoters, detractors, nps_count in rows:
        figures[survey_id].mean = (
            half_up(Decimal(str(average)), "0.01") if average is not None else None
        )
        if nps_count:
            figures[survey_id].nps = nps(promoters, detractors, nps_count)
    return figures
