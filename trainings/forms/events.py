"""Forms for network days: events, days, agenda, projects, registration, links, groups."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, SubmitField, TextAreaField, TimeField, URLField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from paja.fields import IntegerField
from paja.form_base import PageForm
from paja.forms import ChoiceField, MultiCheckboxField, SelectChoice, email_field, name_field
from trainings.forms.sessions import CLOSES, ENDS, SEATS, STARTS


class EventForm(PageForm):
    """An event's title, description, language, organisation and publication."""

    title = StringField(
        _l("Title"), validators=[DataRequired(message=_l("Enter the title.")), Length(max=200)]
    )
    description = TextAreaField(_l("Description"), validators=[Length(max=4000)])
    organisation = ChoiceField(_l("Organiser"), coerce=int)
    language = ChoiceField(_l("Language of the event"))
    published = BooleanField(_l("Published: the event page is public and open for registration"))
    submit = SubmitField(_l("Save the event"))


class DayForm(PageForm):
    """A day of an event (Helsinki time)."""

    starts_at = STARTS
    ends_at = ENDS
    registration_closes_at = CLOSES
    place = StringField(_l("Place"), validators=[Length(max=300)])
    meeting_url = URLField(
        _l("Meeting link"),
        validators=[Length(max=500)],
        description=_l("For remote or hybrid days; shown only to those with a seat."),
    )
    capacity = SEATS
    submit = SubmitField(_l("Save the day"))


class AgendaForm(PageForm):
    """A slot in a day's programme."""

    # The day's own form on the same page has start and end fields too: ids of their own.
    starts_at = TimeField(
        _l("Starts"),
        validators=[InputRequired(message=_l("Give the start time."))],
        id="agenda-starts_at",
    )
    ends_at = TimeField(_l("Ends"), validators=[Optional()], id="agenda-ends_at")
    kind = ChoiceField(_l("Kind"))
    title = StringField(
        _l("Title"), validators=[DataRequired(message=_l("Enter the title.")), Length(max=200)]
    )
    presenter = StringField(_l("Presenter"), validators=[Length(max=200)])
    project = ChoiceField(_l("Presenting project"), coerce=int)
    submit = SubmitField(_l("Add to the agenda"))


class ProjectForm(PageForm):
    """A presenting project."""

    name = StringField(
        _l("Project"), validators=[DataRequired(message=_l("Enter the name.")), Length(max=200)]
    )
    organisation_name = StringField(_l("Organisation"), validators=[Length(max=200)])
    description = TextAreaField(
        _l("Short description"), validators=[Length(max=1000)], id="project-description"
    )
    submit = SubmitField(_l("Add the project"))


class LinkForm(PageForm):
    """A link to a social-media account."""

    url = URLField(
        _l("Address of the account"),
        validators=[DataRequired(message=_l("Give the address of the account.")), Length(max=500)],
        description=_l("For example https://www.facebook.com/yourproject"),
    )
    submit = SubmitField(_l("Share the link"))


class EventRegistrationForm(PageForm):
    """Register for one or several days."""

    days = MultiCheckboxField(
        _l("Days"), coerce=int, validators=[DataRequired(message=_l("Choose at least one day."))]
    )
    name = name_field()
    email = email_field()
    organisation_name = StringField(
        _l("Organisation"),
        validators=[DataRequired(message=_l("Enter your organisation.")), Length(max=200)],
        render_kw={"autocomplete": "organization"},
    )
    project = StringField(_l("Project"), validators=[Length(max=200)])
    needs = TextAreaField(
        _l("Dietary or accessibility needs"),
        validators=[Length(max=500, message=_l("Keep it under %(max)d characters."))],
        description=_l("Optional. Deleted automatically once the day is over."),
    )
    directory_consent = BooleanField(
        _l("Show my name, organisation and links to the other participants of my days")
    )
    submit = SubmitField(_l("Register"))


class ResendForm(PageForm):
    """Ask for one's personal link again."""

    email = email_field(_l("The email you registered with"))
    submit = SubmitField(_l("Send me my link"))


class MessageForm(PageForm):
    """An email to everyone registered for a day."""

    subject = StringField(
        _l("Subject"),
        validators=[DataRequired(message=_l("Give the message a subject.")), Length(max=200)],
    )
    body = TextAreaField(
        _l("Message"), validators=[DataRequired(message=_l("Write the message.")), Length(max=5000)]
    )
    waiting = BooleanField(_l("Send also to those on the waiting list"))
    submit = SubmitField(_l("Send the message"))


class GroupsForm(PageForm):
    """Generate a day's small groups."""

    size = IntegerField(
        _l("People per group"),
        default=5,
        validators=[
            InputRequired(message=_l("Give the group size.")),
            NumberRange(min=2, max=50, message=_l("A group has 2–50 people.")),
        ],
    )
    source = ChoiceField(
        _l("Who goes into groups"),
        choices=[
            SelectChoice("registered", _l("Everyone with a seat")),
            SelectChoice("present", _l("Those marked present")),
        ],
    )
    submit = SubmitField(_l("Make the groups"))
