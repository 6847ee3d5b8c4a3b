"""Forms of programme managers: the programme, categories, activity types, decisions, bonus."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from incentives.labels import SOURCE_LABELS, STANDING_VIEW_LABELS, Source, StandingView
from paja.fields import DateField, IntegerField
from paja.form_base import PageForm
from paja.forms import ChoiceField, MultiCheckboxField, SelectChoice, title_field

CAP = [Optional(), NumberRange(min=1, max=1000, message=_l("From 1 to 1000."))]


class ProgrammeForm(PageForm):
    """A programme's name, purpose, period, how standing is shown, levels and links."""

    name = title_field(_l("Name"))
    purpose = TextAreaField(
        _l("Purpose"),
        validators=[InputRequired(message=_l("Tell what the programme is for.")), Length(max=5000)],
        description=_l("Shown to everyone before they join, with Paja's promise that results "
                       "are never used in appraisals."),
        render_kw={"rows": 4},
    )  # fmt: skip
    starts_on = DateField(
        _l("Starts"), validators=[InputRequired(message=_l("Give the first day."))]
    )
    ends_on = DateField(_l("Ends"), validators=[InputRequired(message=_l("Give the last day."))])
    standing_view = ChoiceField(
        _l("What participants see of their place"),
        choices=[SelectChoice(v.value, STANDING_VIEW_LABELS[v]) for v in StandingView],
    )
    level_points = IntegerField(
        _l("Points per level"), default=50,
        validators=[InputRequired(message=_l("Give the points per level.")),
                    NumberRange(min=1, max=10000, message=_l("From 1 to 10000."))],
    )  # fmt: skip
    keep_days = IntegerField(
        _l("Days personal points are kept after the end"), default=365,
        validators=[InputRequired(message=_l("Give the number of days.")),
                    NumberRange(min=0, max=3650, message=_l("From 0 to 3650."))],
    )  # fmt: skip
    teams = TextAreaField(
        _l("Teams"), description=_l("The organisation's units, one per line."),
        validators=[Length(max=5000)], render_kw={"rows": 3},
    )  # fmt: skip
    offerings = MultiCheckboxField(_l("Workshops whose sessions count"), coerce=int)
    courses = MultiCheckboxField(_l("Courses that count"), coerce=int)
    submit = SubmitField(_l("Save"))


class CategoryForm(PageForm):
    """A category's name in Finnish, Swedish and English."""

    name_fi = StringField(
        _l("Name in Finnish"),
        validators=[InputRequired(message=_l("Give the name.")), Length(max=120)],
    )
    name_sv = StringField(_l("Name in Swedish"), validators=[Length(max=120)])
    name_en = StringField(_l("Name in English"), validators=[Length(max=120)])
    submit = SubmitField(_l("Save the category"))


class ActivityTypeForm(PageForm):
    """What gives points, how many, and the rules for it."""

    name = title_field(_l("Activity"))
    points = IntegerField(
        _l("Points"),
        validators=[InputRequired(message=_l("Give the points.")),
                    NumberRange(min=1, max=1000, message=_l("From 1 to 1000."))],
    )  # fmt: skip
    source = ChoiceField(
        _l("Points come from"), choices=[SelectChoice(s.value, SOURCE_LABELS[s]) for s in Source]
    )
    evidence_required = BooleanField(_l("A link or a description is required"))
    needs_approval = BooleanField(_l("A manager approves it"), default=True)
    cap_day = IntegerField(_l("At most a day"), validators=CAP)
    cap_week = IntegerField(_l("At most a week"), validators=CAP)
    cap_programme = IntegerField(_l("At most in the whole programme"), validators=CAP)
    active = BooleanField(_l("In use"), default=True)
    submit = SubmitField(_l("Save the activity"))


class DecisionForm(PageForm):
    """A manager's decision on a logged activity; a rejection needs a reason."""

    reason = StringField(_l("Reason"), validators=[Length(max=500)])


class BonusForm(PageForm):
    """Extra points (or a correction) with a written justification."""

    participant = ChoiceField(_l("Participant"), coerce=int)
    category = ChoiceField(_l("Category"), coerce=int)
    points = IntegerField(
        _l("Points"),
        validators=[InputRequired(message=_l("Give the points.")),
                    NumberRange(min=-1000, max=1000, message=_l("From -1000 to 1000."))],
    )  # fmt: skip
    justification = TextAreaField(
        _l("Justification"),
        validators=[InputRequired(message=_l("Write why the bonus is given.")), Length(max=1000)],
        render_kw={"rows": 2},
    )
    submit = SubmitField(_l("Give the points"))


class RecognitionForm(PageForm):
    """A recognition with a certificate for a participant."""

    participant = ChoiceField(_l("Participant"), coerce=int)
    category = ChoiceField(_l("Category"), coerce=int)
    title = title_field(_l("Recognition"))
    submit = SubmitField(_l("Give the recognition"))


class ManagerForm(PageForm):
    """Name a member of the organisation a programme manager."""

    person = ChoiceField(_l("Member"), coerce=int)
    submit = SubmitField(_l("Name as programme manager"))
