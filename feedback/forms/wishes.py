"""Forms for theme-wish boards: a new board, and a wish."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from paja.form_base import PageForm


class WishForm(PageForm):
    """Suggest a theme."""

    text = TextAreaField(
        _l("Your wish"),
        validators=[
            DataRequired(message=_l("Write your wish.")),
            Length(max=500, message=_l("Keep it under %(max)d characters.")),
        ],
        description=_l("A theme for the next network days or trainings, up to 500 characters."),
    )
    name = StringField(_l("Your name (optional)"), validators=[Length(max=120)])
    submit = SubmitField(_l("Add the wish"))


class BoardForm(PageForm):
    """A new theme-wish board."""

    title = StringField(
        _l("Title"), validators=[DataRequired(message=_l("Enter the title.")), Length(max=200)]
    )
    description = TextAreaField(
        lazy_pgettext("text before the questions", "Introduction"), validators=[Length(max=2000)]
    )
    submit = SubmitField(_l("Create the board"))
