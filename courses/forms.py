"""Forms for authoring courses and modules."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DecimalField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Regexp

from paja.i18n import LANGUAGE_NAMES

CHOICE = _l("Choose one of the listed options.")
LEVELS = {
    "beginner": _l("Beginner"),
    "intermediate": _l("Intermediate"),
    "advanced": _l("Advanced"),
}


class CourseForm(FlaskForm):
    """A course's details."""

    title = StringField(
        _l("Title"), validators=[DataRequired(message=_l("Enter the title.")), Length(max=200)]
    )
    slug = StringField(
        _l("Address name"),
        validators=[
            DataRequired(message=_l("Enter the address name.")),
            Length(max=120),
            Regexp(
                r"^[a-z0-9]+(-[a-z0-9]+)*$",
                message=_l("Use lower-case letters, digits and hyphens, e.g. some-start."),
            ),
        ],
    )
    description = TextAreaField(_l("Description"), validators=[Length(max=5000)])
    level = SelectField(
        _l("Level"),
        choices=[SelectChoice(k, v) for k, v in LEVELS.items()],
        invalid_choice_message=CHOICE,
    )
    language = SelectField(
        _l("Language"),
        choices=[SelectChoice(k, v) for k, v in LANGUAGE_NAMES.items()],
        invalid_choice_message=CHOICE,
    )
    hours = DecimalField(
        _l("Hours (for certificates)"),
        places=1,
        default=Decimal("1.0"),
        validators=[InputRequired(message=_l("Give the hours.")), NumberRange(min=0, max=500)],
    )
    published = BooleanField(_l("Published"))
    open_enrolment = BooleanField(_l("Anyone may enrol"), default=True)
    requires_feedback = BooleanField(_l("Completion needs the course feedback answered"))
    next_course = SelectField(
        _l("Next course in the series"), coerce=int, invalid_choice_message=CHOICE
    )
    submit = SubmitField(_l("Save"))


class ModuleForm(FlaskForm):
    """A module's text and tasks."""

    title = StringField(
        _l("Title"), validators=[DataRequired(message=_l("Enter the title.")), Length(max=200)]
    )
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
