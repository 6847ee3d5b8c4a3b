"""Forms a participant fills in: joining (how to appear) and logging an activity."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, SubmitField, TextAreaField, URLField
from wtforms.validators import URL, InputRequired, Length, Optional

from incentives.labels import VISIBILITY_LABELS, Visibility
from paja.fields import DateField
from paja.form_base import PageForm
from paja.forms import CHOICE, ChoiceField, SelectChoice


class JoinForm(PageForm):
    """Take part: by name, by a pseudonym, or not on the boards at all; and one's team."""

    visibility = RadioField(
        _l("How you appear on the boards"),
        choices=[SelectChoice(v.value, VISIBILITY_LABELS[v]) for v in Visibility],
        default=Visibility.PSEUDONYM.value,
        validators=[InputRequired(message=_l("Choose how you appear."))],
    )
    pseudonym = StringField(
        _l("Pseudonym"),
        validators=[Length(max=60)],
        description=_l("Shown instead of your name when you choose a pseudonym."),
    )
    team = ChoiceField(_l("Team"), coerce=int)
    submit = SubmitField(_l("Save"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.visibility.invalid_choice_message = CHOICE  # type: ignore[attr-defined]


class ClaimForm(PageForm):
    """An activity one did, with the evidence the activity type asks for."""

    activity = ChoiceField(_l("Activity"), coerce=int)
    done_on = DateField(_l("Day"), validators=[InputRequired(message=_l("Give the day."))])
    evidence_link = URLField(
        _l("Link"),
        validators=[
            Optional(),
            URL(message=_l("Give a full address starting with https://.")),
            Length(max=500),
        ],
    )
    evidence_text = TextAreaField(
        _l("What you did"), validators=[Length(max=2000)], render_kw={"rows": 2}
    )
    submit = SubmitField(_l("Log the activity"))
