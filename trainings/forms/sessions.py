"""Forms for sessions and registrations."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField, URLField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from paja.fields import DateTimeLocalField, IntegerField
from paja.form_base import PageForm
from paja.forms import ChoiceField, MultiCheckboxField, email_field, name_field

# Fields shared by the forms that schedule something (Helsinki time).
STARTS = DateTimeLocalField(
    _l("Starts"), validators=[InputRequired(message=_l("Give the start time."))]
)
ENDS = DateTimeLocalField(_l("Ends"), validators=[InputRequired(message=_l("Give the end time."))])
CLOSES = DateTimeLocalField(
    _l("Registration closes"),
    validators=[InputRequired(message=_l("Give the registration deadline."))],
)
SEATS = IntegerField(
    _l("Seats"),
    validators=[
        DataRequired(message=_l("Give the number of seats.")),
        NumberRange(min=1, max=1000),
    ],
)


class RegistrationForm(PageForm):
    """Register for a session; name and email only for visitors without an account."""

    name = name_field()
    email = email_field()
    submit = SubmitField(_l("Register"))


class SessionForm(PageForm):
    """An admin schedules an open session of a workshop (Helsinki time)."""

    offering = ChoiceField(_l("Workshop"), coerce=int)
    starts_at = STARTS
    ends_at = ENDS
    registration_closes_at = CLOSES
    mode = ChoiceField(_l("Delivery"))
    place = StringField(_l("Place"), validators=[Length(max=300)])
    meeting_url = URLField(_l("Meeting link"), validators=[Length(max=500)])
    capacity = SEATS
    trainers = MultiCheckboxField(_l("Trainers"), coerce=int)
    submit = SubmitField(_l("Schedule the session"))


class SessionChangeForm(PageForm):
    """Change a scheduled session (Helsinki time); a trainer sees only the meeting link."""

    starts_at = STARTS
    ends_at = ENDS
    registration_closes_at = CLOSES
    place = StringField(_l("Place"), validators=[Length(max=300)])
    meeting_url = URLField(_l("Meeting link"), validators=[Length(max=500)])
    capacity = SEATS
    trainers = MultiCheckboxField(_l("Trainers"), coerce=int)
    submit = SubmitField(_l("Save and tell everyone"))
