"""The whole plan as a PDF, in the plan's language (the shared PDF toolkit)."""

from __future__ import annotations

from typing import Any

from flask_babel import force_locale
from flask_babel import gettext as _
from reportlab.platypus import Flowable

from paja.pdf import build_pdf, paragraph
from plans.labels import CHANNEL_LABELS
from plans.models import Plan
from plans.worksheet import SECTIONS, Kind, Question


def answer_text(question: Question, value: Any) -> str:
    """An answer as plain text, whatever its kind (the print view and the PDF use it)."""
    if not value:
        return ""
    match question.kind:
        case Kind.GOALS:
            return "\n".join(f"{n}. {goal}" for n, goal in enumerate(value, 1))
        case Kind.AGE:
            return f"{value[0] or ''}–{value[1] or ''}"
        case Kind.FREQUENCY:
            per = _("a week") if value.get("per") == "week" else _("a month")
            return _("%(times)s times %(per)s", times=value.get("times"), per=per)
        case Kind.HORIZON:
            return _("%(months)s months from %(start)s", months=value.get("months"),
                     start=value.get("start"))  # fmt: skip
    return str(value)


def plan_pdf(plan: Plan, answers: dict[str, dict[str, Any]]) -> bytes:
    """Every section with its questions and answers; unanswered questions say so."""
    with force_locale(plan.language):
        channels = ", ".join(str(CHANNEL_LABELS[c]) for c in plan.channel_list)
        owner = plan.organisation.name if plan.organisation else plan.owner.name
        story: list[Flowable] = [
            paragraph(plan.title, "title"),
            paragraph(f"{owner} · {channels}", "body"),
        ]
        for section in SECTIONS:
            story.append(paragraph(f"{section.key}. {section.title}", "heading"))
            if section.guidance:
                story.append(paragraph(str(section.guidance), "small"))
            given = answers.get(section.key, {})
            for question in section.questions:
                story.append(paragraph(f"{question.key} {question.label}", "small"))
                text = answer_text(question, given.get(question.key))
                story.append(paragraph(text or _("Not answered yet."), "body"))
        return build_pdf(
            story, title=plan.title, subject=_("Social-media plan"), language=plan.language,
            author=owner,
        )  # fmt: skip
