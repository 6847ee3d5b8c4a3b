"""Forms for authoring surveys and inviting people."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from wtforms import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from feedback.labels import QUESTION_KIND_LABELS as KIND_LABELS
from paja.fields import DateTimeLocalField
from paja.form_base import PageForm
from paja.forms import ChoiceField, SelectChoice
from paja.i18n import LANGUAGE_NAMES

LANGUAGE_CHOICES = [SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()]


class NewSurveyForm(PageForm):
    """Start a survey, empty or from the training-feedback template."""

    title = StringField(
        _l("Title"), validators=[DataRequired(message=_l("Enter the title.")), Length(max=200)]
    )
    language = ChoiceField(_l("Language of the survey"), choices=LANGUAGE_CHOICES)
    from_template = BooleanField(_l("Start from the training-feedback template"), default=True)
    submit = SubmitField(_l("Create the survey"))


class SurveyForm(PageForm):
    """A survey's texts and answering period (Helsinki time)."""

    title = StringField(
        _l("Title"), validators=[DataRequired(message=_l("Enter the title.")), Length(max=200)]
    )
    intro = TextAreaField(
        lazy_pgettext("text before the questions", "Introduction"), validators=[Length(max=2000)]
    )
    thanks = TextAreaField(_l("Thank-you text"), validators=[Length(max=2000)])
    language = ChoiceField(_l("Language of the survey"), choices=LANGUAGE_CHOICES)
    anonymous = BooleanField(
        _l("Anonymous: anyone with the public link may answer"),
        description=_l(
            "Nothing that identifies the person is stored; fewer than three answers are not shown."
        ),
    )
    open_to_accounts = BooleanField(
        _l("Anyone with an account may answer with the link for logged-in users"),
        description=_l("Otherwise logged-in people answer only when invited."),
    )
    opens_at = DateTimeLocalField(_l("Opens"), validators=[Optional()])
    closes_at = DateTimeLocalField(_l("Closes"), validators=[Optional()])
    submit = SubmitField(_l("Save"))


class QuestionForm(PageForm):
    """One question."""

    kind = ChoiceField(
        _l("Type"),
        choices=[SelectChoice(k.value, label) for k, label in KIND_LABELS.items()],
    )
    text = StringField(
        _l("Question"),
        validators=[DataRequired(message=_l("Write the question.")), Length(max=500)],
    )
    required = BooleanField(_l("An answer is required"))
    low_label = StringField(_l("Label of the lowest value"), validators=[Length(max=100)])
    high_label = StringField(_l("Label of the highest value"), validators=[Length(max=100)])
    choices = TextAreaField(_l("Options, one per line"), validators=[Length(max=4000)])
    allow_other = BooleanField(_l("Offer \u201cother: ___\u201d (several choices)"))
    submit = SubmitField(_l("Save the question"))


class InviteForm(PageForm):
    """Invite people by email, one per line."""

    people = TextAreaField(
        _l("People to invite"),
        validators=[DataRequired(message=_l("Give at least one email address."))],
        description=_l(
            "One per line: an email address, or a name and the address, "
            "e.g. Maija Meikäläinen, maija@example.fi"
        ),
    )
    submit = SubmitField(_l("Send the invitations"))
