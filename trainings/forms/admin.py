"""Admin forms: offerings, channels and trainer profiles."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Regexp

from paja.fields import DecimalField, IntegerField
from paja.form_base import PageForm
from paja.forms import ChoiceField, MultiCheckboxField, SelectChoice, email_field
from paja.i18n import LANGUAGE_NAMES
from trainings.money import DEFAULT_VAT_RATE

SLUG = Regexp(
    r"^[a-z0-9]+(-[a-z0-9]+)*$",
    message=_l("Use lower-case letters, digits and hyphens, e.g. some-start."),
)


class OfferingForm(PageForm):
    """A workshop in the catalogue."""

    title = StringField(
        _l("Title"), validators=[DataRequired(message=_l("Enter the title.")), Length(max=200)]
    )
    slug = StringField(
        _l("Address name"),
        validators=[DataRequired(message=_l("Enter the address name.")), Length(max=120), SLUG],
        description=_l("Part of the web address, e.g. somestartti."),
    )
    summary = StringField(_l("Summary"), validators=[Length(max=500)])
    description = TextAreaField(
        _l("Description"),
        validators=[Length(max=20000)],
        description=_l("Markdown: **bold**, *italics*, lists and links."),
    )
    duration_minutes = IntegerField(
        _l("Duration (minutes)"),
        validators=[InputRequired(message=_l("Give the duration.")), NumberRange(min=15, max=2400)],
    )
    price_excl_vat = DecimalField(
        _l("Price (€, excl. VAT)"),
        places=2,
        validators=[InputRequired(message=_l("Give the price.")), NumberRange(min=0)],
    )
    vat_rate = DecimalField(
        _l("VAT rate"),
        places=1,
        default=DEFAULT_VAT_RATE,
        validators=[InputRequired(message=_l("Give the VAT rate.")), NumberRange(min=0, max=100)],
    )
    onsite = BooleanField(_l("On site"))
    remote = BooleanField(_l("Remote"))
    hybrid = BooleanField(_l("Hybrid"))
    max_participants = IntegerField(
        _l("Participants at most"),
        validators=[
            InputRequired(message=_l("Give the number of participants.")),
            NumberRange(min=1, max=1000),
        ],
    )
    language = ChoiceField(
        _l("Language of delivery"),
        choices=[SelectChoice(k, v) for k, v in LANGUAGE_NAMES.items()],
    )
    channels = MultiCheckboxField(_l("Channels"), coerce=int)
    trainers = MultiCheckboxField(_l("Trainers"), coerce=int)
    next_offering = ChoiceField(_l("Next in the series"), coerce=int)
    active = BooleanField(_l("In the catalogue"), default=True)
    submit = SubmitField(_l("Save"))


class ChannelForm(PageForm):
    """A social-media channel, named in each language."""

    slug = StringField(
        _l("Address name"),
        validators=[DataRequired(message=_l("Enter the address name.")), Length(max=40), SLUG],
    )
    name_fi = StringField(
        _l("Name in Finnish"),
        validators=[DataRequired(message=_l("Enter the name.")), Length(max=60)],
    )
    name_sv = StringField(
        _l("Name in Swedish"),
        validators=[DataRequired(message=_l("Enter the name.")), Length(max=60)],
    )
    name_en = StringField(
        _l("Name in English"),
        validators=[DataRequired(message=_l("Enter the name.")), Length(max=60)],
    )
    position = IntegerField(
        _l("Order"),
        default=0,
        validators=[InputRequired(message=_l("Give a number.")), NumberRange(min=0, max=1000)],
    )
    submit = SubmitField(_l("Save"))


class NewTrainerForm(PageForm):
    """Give a user with the trainer role a public profile."""

    email = email_field(_l("The trainer's email"))
    submit = SubmitField(_l("Create the profile"))
