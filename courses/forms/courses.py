"""Forms for authoring courses and their modules."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange

from courses.labels import LEVEL_LABELS
from paja.fields import DecimalField, IntegerField
from paja.form_base import PageForm
from paja.forms import (
    ChoiceField,
    MultiCheckboxField,
    SelectChoice,
    language_field,
    slug_field,
    title_field,
)


class CourseForm(PageForm):
    """A course's details."""

    title = title_field()
    slug = slug_field()
    description = TextAreaField(_l("Description"), validators=[Length(max=5000)])
    level = ChoiceField(
        _l("Level"),
        choices=[SelectChoice(k, v) for k, v in LEVEL_LABELS.items()],
    )
    language = language_field()
    hours = DecimalField(
        _l("Hours (for certificates)"),
        places=1,
        default=Decimal("1.0"),
        validators=[InputRequired(message=_l("Give the hours.")), NumberRange(min=0, max=500)],
    )
    published = BooleanField(_l("Published"))
    open_enrolment = BooleanField(_l("Anyone may enrol"), default=True)
    requires_feedback = BooleanField(_l("Completion needs the course feedback answered"))
    next_course = ChoiceField(_l("Next course in the series"), coerce=int)
    offerings = MultiCheckboxField(
        _l("Workshops the course accompanies"),
        coerce=int,
        description=_l("Registering to these workshops' sessions enrols people automatically."),
    )
    submit = SubmitField(_l("Save"))


class ModuleForm(PageForm):
    """A module's text and tasks."""

    title = title_field()
    body = TextAreaField(
        _l("Text"),
        validators=[Length(max=50000)],
        description=_l("Markdown: **bold**, *italics*, lists and links."),
    )
    minutes = IntegerField(
        _l("Estimated minutes"),
        default=15,
        validators=[InputRequired(message=_l("Give the minutes.")), NumberRange(min=1, max=600)],
    )
    required = BooleanField(_l("Required for completion"), default=True)
    tasks_text = TextAreaField(_l("Practical tasks, one per line"), validators=[Length(max=4000)])
    submit = SubmitField(_l("Save the module"))
