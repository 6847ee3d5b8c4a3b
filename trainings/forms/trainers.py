"""The trainer profile form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import Length, NumberRange, Optional

from paja.fields import IntegerField
from paja.form_base import PageForm
from paja.forms import language_field


class TrainerForm(PageForm):
    """What a trainer tells about themself."""

    title = StringField(
        _l("Job title"),
        validators=[Length(max=200)],
        description=_l("E.g. social media researcher and planning architect."),
    )
    language = language_field(_l("Language of the profile"))
    bio = TextAreaField(
        lazy_pgettext("a person describing themselves", "Introduction"),
        validators=[Length(max=5000)],
        description=_l("Markdown: **bold**, *italics*, lists and links."),
    )
    expertise = StringField(
        _l("Areas of expertise"),
        validators=[Length(max=500)],
        description=_l("Separate with commas."),
    )
    blog_readers = IntegerField(
        _l("Blog readers a month"), validators=[Optional(), NumberRange(min=0)]
    )
    followers = IntegerField(_l("Followers"), validators=[Optional(), NumberRange(min=0)])
    phone = StringField(
        _l("Phone"),
        validators=[Length(max=40)],
        description=_l("Shown only to logged-in customers."),
    )
    submit = SubmitField(_l("Save"))
