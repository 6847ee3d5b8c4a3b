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

from paja.forms import MultiCheckboxField
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
    offerings = MultiCheckboxField(
        _l("Workshops the course accompanies"),
        coerce=int,
        invalid_choice_message=CHOICE,
        description=_l("Registering to these workshops' sessions enrols people automatically."),
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


class SkillCheckForm(FlaskForm):
    """A course's skill check: level thresholds and retakes."""

    intermediate_from = IntegerField(
        _l("Intermediate from (0-100)"),
        default=40,
        validators=[InputRequired(message=_l("Give a number.")), NumberRange(min=1, max=99)],
    )
    advanced_from = IntegerField(
        _l("Advanced from (0-100)"),
        default=75,
        validators=[InputRequired(message=_l("Give a number.")), NumberRange(min=2, max=100)],
    )
    allow_retake = BooleanField(_l("Participants may retake a phase (the latest answers count)"))
    submit = SubmitField(_l("Save"))


class AreaForm(FlaskForm):
    """A competence area with its statements."""

    name = StringField(
        _l("Competence area"),
        validators=[DataRequired(message=_l("Enter the name.")), Length(max=200)],
    )
    statements_text = TextAreaField(
        _l("Statements, one per line"),
        validators=[DataRequired(message=_l("Give at least one statement.")), Length(max=4000)],
        description=_l("E.g. I can create an account and fill in my profile."),
    )
    module = SelectField(_l("Module that teaches it"), coerce=int, invalid_choice_message=CHOICE)
    submit = SubmitField(_l("Add the area"))


class KnowledgeForm(FlaskForm):
    """A knowledge question with its right answers and an explanation."""

    text = StringField(
        _l("Question"),
        validators=[DataRequired(message=_l("Write the question.")), Length(max=500)],
    )
    choices_text = TextAreaField(
        _l("Options, one per line"),
        validators=[DataRequired(message=_l("Give at least two options, one per line."))],
    )
    correct = StringField(
        _l("Right options"),
        validators=[
            DataRequired(message=_l("Give the right options.")),
            Regexp(
                r"^\s*\d+(\s*,\s*\d+)*\s*$",
                message=_l("Give option numbers separated by commas, e.g. 1 or 1, 3."),
            ),
        ],
        description=_l("Numbers of the right options, counting from 1, e.g. 2 or 1, 3."),
    )
    explanation = TextAreaField(
        _l("Explanation shown after answering"), validators=[Length(max=2000)]
    )
    area = SelectField(_l("Competence area"), coerce=int, invalid_choice_message=CHOICE)
    submit = SubmitField(_l("Add the question"))


class RevokeForm(FlaskForm):
    """Why a certificate is revoked."""

    reason = StringField(
        _l("Reason for revoking"),
        validators=[DataRequired(message=_l("Give a reason for revoking.")), Length(max=300)],
    )
    submit = SubmitField(_l("Revoke the certificate"))


class ReissueForm(FlaskForm):
    """The corrected name on a re-issued certificate."""

    name = StringField(
        _l("Name on the certificate"),
        validators=[DataRequired(message=_l("Enter the name.")), Length(max=120)],
    )
    submit = SubmitField(_l("Re-issue with this name"))
