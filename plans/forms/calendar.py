"""Forms of the publishing calendar: an entry, moving it, its status, importing a file."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from paja.fields import DateField, DateTimeLocalField, IntegerField
from paja.form_base import PageForm
from paja.forms import ChoiceField, SelectChoice
from plans.labels import FORMAT_LABELS, STATUS_LABELS, Format, Status

REPEATS = [
    SelectChoice("", _l("Does not repeat")),
    SelectChoice("week", _l("Every week")),
    SelectChoice("month", _l("Every month")),
]


class EntryForm(PageForm):
    """A calendar entry."""

    starts = DateTimeLocalField(
        _l("Publishing time"), validators=[InputRequired(message=_l("Give the publishing time."))]
    )
    channel = ChoiceField(_l("Channel"))
    format = ChoiceField(
        _l("Format"), choices=[SelectChoice(f.value, FORMAT_LABELS[f]) for f in Format]
    )
    topic = StringField(
        _l("Topic"),
        validators=[InputRequired(message=_l("Give the topic.")), Length(max=200)],
    )
    text = TextAreaField(_l("Text"), validators=[Length(max=10000)], render_kw={"rows": 4})
    alt_text = TextAreaField(
        _l("Alternative text for images"),
        validators=[Length(max=2000)],
        description=_l("What the image shows, for those who cannot see it."),
        render_kw={"rows": 2},
    )
    goal = ChoiceField(_l("Goal it serves"), validate_choice=False)
    audience = StringField(_l("Target group"), validators=[Length(max=300)])
    owner = ChoiceField(_l("Owner"), coerce=int)
    deadline = DateField(_l("Internal deadline"), validators=[Optional()])
    submit = SubmitField(_l("Save the entry"))


class NewEntryForm(EntryForm):
    """A new entry, which may repeat weekly or monthly."""

    repeat = ChoiceField(_l("Repeats"), choices=REPEATS)
    until = DateField(_l("Repeats until"), validators=[Optional()])
    count = IntegerField(
        _l("Number of times"),
        validators=[Optional(), NumberRange(min=2, max=60, message=_l("Between 2 and 60 times."))],
    )


class MoveForm(PageForm):
    """Move an entry to another day (the time stays)."""

    day = DateField(_l("Move to day"), validators=[InputRequired(message=_l("Give a day."))])
    submit = SubmitField(_l("Move"))


class StatusForm(PageForm):
    """Take an entry to another status."""

    status = ChoiceField(
        _l("Status"), choices=[SelectChoice(s.value, STATUS_LABELS[s]) for s in Status]
    )
    submit = SubmitField(_l("Change the status"))


class ImportForm(PageForm):
    """A CSV file of calendar entries."""

    file = FileField(_l("CSV file"), validators=[FileRequired(message=_l("Choose a file."))])
    submit = SubmitField(_l("Import"))
