"""Forms for authoring a course's skill check: thresholds, areas, knowledge questions."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Regexp

from paja.fields import IntegerField
from paja.form_base import PageForm
from paja.forms import ChoiceField


class SkillCheckForm(PageForm):
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


class AreaForm(PageForm):
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
    module = ChoiceField(_l("Module that teaches it"), coerce=int)
    submit = SubmitField(_l("Add the area"))


class KnowledgeForm(PageForm):
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
    area = ChoiceField(_l("Competence area"), coerce=int)
    submit = SubmitField(_l("Add the question"))
