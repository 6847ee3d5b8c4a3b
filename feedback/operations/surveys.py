"""Survey rules: texts, questions and life cycle. Flush, never commit.

Other packages make their surveys with create_from_template().
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _

from feedback.models import (
    CHOICE,
    NUMERIC,
    Question,
    QuestionType,
    Survey,
    SurveyStatus,
)
from feedback.queries.surveys import has_responses
from feedback.template import INTRO, QUESTIONS, THANKS
from paja.errors import RuleViolation
from paja.extensions import db
from paja.lists import move, take_out
from paja.models import User

log = logging.getLogger(__name__)


@dataclass
class QuestionDetails:
    """What an author fills in about a question."""

    kind: QuestionType
    text: str
    required: bool = False
    low_label: str = ""
    high_label: str = ""
    choices: list[str] = field(default_factory=list)
    allow_other: bool = False


@dataclass
class SurveyTexts:
    """What an author writes about a survey, and when it takes answers (aware times)."""

    title: str
    intro: str
    thanks: str
    language: str
    anonymous: bool
    open_to_accounts: bool = False
    opens_at: datetime | None = None
    closes_at: datetime | None = None


def create_survey(
    owner: User | None, title: str, intro: str = "", thanks: str = "", language: str = "fi"
) -> Survey:
    """A new draft survey."""
    survey = Survey(title=title.strip(), intro=intro, thanks=thanks, language=language, owner=owner)
    db.session.add(survey)
    db.session.flush()
    return survey


def create_from_template(
    owner: User | None, title: str, language: str = "fi", open_now: bool = False
) -> Survey:
    """The training-feedback survey from the template, in fi, sv or en."""
    words = language if language in INTRO else "fi"
    survey = create_survey(owner, title, INTRO[words], THANKS[words], language)
    for position, item in enumerate(QUESTIONS):
        text, low, high = item.words[words]
        survey.questions.append(
            Question(
                position=position,
                kind=item.kind,
                text=text,
                low_label=low,
                high_label=high,
                required=item.required,
            )
        )
    if open_now:
        survey.status = SurveyStatus.OPEN
    db.session.flush()
    return survey


def update_survey(survey: Survey, texts: SurveyTexts) -> None:
    """Change a survey's texts, language, anonymity and answering period."""
    if texts.opens_at and texts.closes_at and texts.closes_at <= texts.opens_at:
        raise RuleViolation(_("The survey must close after it opens."), "closes_at")
    if not texts.title.strip():
        raise RuleViolation(_("Enter the title."), "title")
    survey.title = texts.title.strip()
    survey.intro, survey.thanks = texts.intro, texts.thanks
    survey.language, survey.anonymous = texts.language, texts.anonymous
    survey.open_to_accounts = texts.open_to_accounts
    survey.opens_at, survey.closes_at = texts.opens_at, texts.closes_at
    db.session.flush()


def _check_question(details: QuestionDetails) -> None:
    """Refuse a question that cannot be answered."""
    if not details.text.strip():
        raise RuleViolation(_("Write the question."), "text")
    if details.kind in CHOICE and len([c for c in details.choices if c.strip()]) < 2:
        raise RuleViolation(_("Give at least two options, one per line."), "choices")


def add_question(survey: Survey, details: QuestionDetails) -> Question:
    """Add a question at the end; not once the survey has answers."""
    if has_responses(survey):
        raise RuleViolation(
            _("The survey has answers, so questions cannot be added. Duplicate it instead.")
        )
    _check_question(details)
    question = Question(position=len(survey.questions))
    _apply(question, details)
    survey.questions.append(question)
    db.session.flush()
    return question


def update_question(question: Question, details: QuestionDetails) -> None:
    """Edit a question; once answered, only its wording may change (same type and options)."""
    _check_question(details)
    if has_responses(question.survey):
        same_shape = details.kind == question.kind and len(details.choices) == len(question.choices)
        if not same_shape or details.allow_other != question.allow_other:
            raise RuleViolation(
                _(
                    "The survey has answers: only the wording can change. "
                    "Duplicate the survey for other changes."
                )
            )
    _apply(question, details)
    db.session.flush()


def _apply(question: Question, details: QuestionDetails) -> None:
    """Copy details onto a question."""
    question.kind = details.kind
    question.text = details.text.strip()
    question.required = details.required
    question.low_label = details.low_label.strip() if details.kind in NUMERIC else ""
    question.high_label = details.high_label.strip() if details.kind in NUMERIC else ""
    question.choices_text = (
        "\n".join(c.strip() for c in details.choices if c.strip()) if details.kind in CHOICE else ""
    )
    question.allow_other = details.allow_other and details.kind == QuestionType.MULTIPLE


def move_question(question: Question, step: int) -> None:
    """Move a question up (-1) or down (+1)."""
    move(question.survey.questions, question, step)
    db.session.flush()


def remove_question(question: Question) -> None:
    """Delete a question; not once the survey has answers."""
    survey = question.survey
    if has_responses(survey):
        raise RuleViolation(
            _("The survey has answers, so questions cannot be removed. Duplicate it instead.")
        )
    take_out(survey.questions, question)
    db.session.flush()


def duplicate_survey(survey: Survey, owner: User) -> Survey:
    """A new draft with the same texts and questions (and no answers)."""
    copy = create_survey(
        owner,
        _("%(title)s (copy)", title=survey.title),
        survey.intro,
        survey.thanks,
        survey.language,
    )
    copy.anonymous, copy.open_to_accounts = survey.anonymous, survey.open_to_accounts
    for question in survey.questions:
        fields = (
            "position",
            "kind",
            "text",
            "required",
            "low_label",
            "high_label",
            "choices_text",
            "allow_other",
        )
        copy.questions.append(Question(**{name: getattr(question, name) for name in fields}))
    db.session.flush()
    return copy


def set_status(survey: Survey, status: SurveyStatus) -> None:
    """Open (needs questions) or close a survey; a closed one may be reopened."""
    if status == SurveyStatus.OPEN and not survey.questions:
        raise RuleViolation(_("Add at least one question before opening the survey."))
    survey.status = status
    db.session.flush()
    log.info("survey %s is now %s", survey.id, status)
