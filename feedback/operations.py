"""Survey rules: authoring, life cycle and invitations. Flush, never commit.

These are also the public functions other packages use (create_from_template, invite;
has_answered lives in feedback.answers).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import gettext as _

from feedback.models import (
    CHOICE,
    NUMERIC,
    Invitation,
    Question,
    QuestionType,
    Response,
    Survey,
    SurveyStatus,
    WishBoard,
)
from feedback.template import TEMPLATES
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.lists import move
from paja.mail import send_mail
from paja.models import User

log = logging.getLogger(__name__)
TEXT_LIMIT = {QuestionType.SHORT: 300, QuestionType.LONG: 4000}
OTHER = "other"
EMAIL = re.compile(r"[^\s,;<>]+@[^\s,;<>]+\.[^\s,;<>]+")


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
    template = TEMPLATES.get(language, TEMPLATES["fi"])
    survey = create_survey(owner, title, str(template["intro"]), str(template["thanks"]), language)
    for position, (kind, text, low, high, required) in enumerate(template["questions"]):  # type: ignore[misc]
        survey.questions.append(
            Question(
                position=position,
                kind=kind,
                text=text,
                low_label=low,
                high_label=high,
                required=required,
            )
        )
    if open_now:
        survey.status = SurveyStatus.OPEN
    db.session.flush()
    return survey


def has_responses(survey: Survey) -> bool:
    """Whether anyone has answered."""
    return (
        db.session.scalar(sa.select(Response.id).where(Response.survey_id == survey.id).limit(1))
        is not None
    )


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
    survey.questions.remove(question)
    for position, item in enumerate(survey.questions):
        item.position = position
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
    copy.anonymous = survey.anonymous
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


def parse_people(text: str) -> list[tuple[str, str]]:
    """(name, email) pairs from lines like 'Maija Meikäläinen, maija@example.fi' or an address."""
    people = []
    for line in text.splitlines():
        found = EMAIL.search(line)
        if found:
            people.append((line[: found.start()].strip(" ,;<\t"), found.group(0)))
    return people


def invite(
    survey: Survey,
    people: Iterable[tuple[str, str]],
    context: str = "",
    wish_board: WishBoard | None = None,
) -> list[Invitation]:
    """Invite people (name, email) once each; mail their link (and a wish board's, if given)."""
    if survey.status == SurveyStatus.CLOSED:
        raise RuleViolation(_("The survey is closed."))
    existing = set(
        db.session.scalars(sa.select(Invitation.email).where(Invitation.survey_id == survey.id))
    )
    created = []
    for name, email in people:
        email = email.strip().lower()
        if not email or email in existing:
            continue
        existing.add(email)
        invitation = Invitation(
            survey_id=survey.id, email=email, name=name.strip(), context=context, sent_at=utcnow()
        )
        db.session.add(invitation)
        created.append(invitation)
    db.session.flush()
    for invitation in created:
        send_mail(
            invitation.email,
            "survey_invitation",
            survey.language,
            survey=survey,
            invitation=invitation,
            wish_board=wish_board,
        )
    return created


def remind(survey: Survey) -> int:
    """Email a reminder to every invitee who has not answered; returns how many."""
    pending = db.session.scalars(
        sa.select(Invitation).where(
            Invitation.survey_id == survey.id, Invitation.answered_at.is_(None)
        )
    ).all()
    for invitation in pending:
        invitation.reminded_at = utcnow()
        send_mail(
            invitation.email,
            "survey_reminder",
            survey.language,
            survey=survey,
            invitation=invitation,
        )
    db.session.flush()
    return len(pending)
