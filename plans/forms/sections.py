"""The form of one worksheet section, built from its questions, and its answers."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import Field, HiddenField, StringField, SubmitField, TextAreaField
from wtforms.validators import Length, NumberRange, Optional

from paja.fields import DateField, IntegerField
from paja.form_base import PageForm
from paja.forms import ChoiceField, SelectChoice
from plans.models import Answers
from plans.worksheet import Kind, Question, Section

AGES = NumberRange(min=13, max=120, message=_l("An age from 13 to 120."))
TEXT = [Length(max=5000, message=_l("At most 5000 characters."))]
LINE = [Length(max=300, message=_l("At most 300 characters."))]
PER = [SelectChoice("week", _l("a week")), SelectChoice("month", _l("a month"))]
MONTHS = [SelectChoice(str(n), str(n)) for n in range(3, 7)]


class SectionForm(PageForm):
    """A section's answers and the version the person opened."""

    version = HiddenField()
    submit = SubmitField(_l("Save the section"))


def _fields(q: Question) -> dict[str, Field]:
    """The form fields that answer one question (a range or a frequency needs two)."""
    name, help, label = f"q_{q.key}", q.help or "", f"{q.key} {q.label}"
    match q.kind:
        case Kind.LINE:
            return {name: StringField(label, LINE, description=help)}
        case Kind.GOALS:
            return {name: TextAreaField(label, TEXT, description=help, render_kw={"rows": 3})}
        case Kind.AGE:
            return {f"{name}_min": IntegerField(_l("Youngest"), [Optional(), AGES]),
                    f"{name}_max": IntegerField(_l("Oldest"), [Optional(), AGES])}  # fmt: skip
        case Kind.FREQUENCY:
            times = [Optional(), NumberRange(min=1, max=100, message=_l("From 1 to 100 times."))]
            return {f"{name}_times": IntegerField(_l("Times"), times),
                    f"{name}_per": ChoiceField(_l("Per"), choices=PER)}  # fmt: skip
        case Kind.DATE:
            return {name: DateField(label, [Optional()], description=help)}
        case Kind.HORIZON:
            return {f"{name}_start": DateField(_l("First day"), [Optional()]),
                    f"{name}_months": ChoiceField(_l("Months"), choices=MONTHS)}  # fmt: skip
    return {name: TextAreaField(label, TEXT, description=help, render_kw={"rows": 3})}


def section_form(section: Section, answers: Answers, version: int) -> SectionForm:
    """The section's form, filled from the request when posted, else from the answers."""
    fields: dict[str, Any] = {}
    for question in section.questions:
        fields |= _fields(question)
    form_class = type(f"Section{section.key}Form", (SectionForm,), fields)
    form: SectionForm = form_class(data={**_form_data(section, answers), "version": version})
    return form


def _form_data(section: Section, answers: Answers) -> dict[str, Any]:
    """The answers as the form's field values."""
    data: dict[str, Any] = {}
    for q in section.questions:
        value, name = answers.get(q.key), f"q_{q.key}"
        if q.kind == Kind.GOALS:
            data[name] = "\n".join(value or [])
        elif q.kind == Kind.AGE:
            data[f"{name}_min"], data[f"{name}_max"] = value or (None, None)
        elif q.kind == Kind.FREQUENCY:
            data[f"{name}_times"] = (value or {}).get("times")
            data[f"{name}_per"] = (value or {}).get("per", "week")
        elif q.kind == Kind.DATE:
            data[name] = date.fromisoformat(value) if value else None
        elif q.kind == Kind.HORIZON:
            start = (value or {}).get("start")
            data[f"{name}_start"] = date.fromisoformat(start) if start else None
            data[f"{name}_months"] = str((value or {}).get("months", 3))
        else:
            data[name] = value or ""
    return data


def answers_from(section: Section, form: SectionForm) -> Answers:
    """The answers a validated form gives."""
    got = form.data
    answers: Answers = {}
    for q in section.questions:
        name = f"q_{q.key}"
        if q.kind == Kind.GOALS:
            answers[q.key] = [line.strip() for line in got[name].splitlines() if line.strip()]
        elif q.kind == Kind.AGE:
            low, high = got[f"{name}_min"], got[f"{name}_max"]
            answers[q.key] = [low, high] if low is not None or high is not None else None
        elif q.kind == Kind.FREQUENCY:
            times = got[f"{name}_times"]
            answers[q.key] = {"times": times, "per": got[f"{name}_per"]} if times else None
        elif q.kind == Kind.DATE:
            answers[q.key] = got[name].isoformat() if got[name] else None
        elif q.kind == Kind.HORIZON:
            start = got[f"{name}_start"]
            months = int(got[f"{name}_months"])
            answers[q.key] = {"start": start.isoformat(), "months": months} if start else None
        else:
            answers[q.key] = (got[name] or "").strip()
    return {key: value for key, value in answers.items() if value}


def field_names(question: Question) -> list[str]:
    """The names of the form fields answering a question."""
    return list(_fields(question))
