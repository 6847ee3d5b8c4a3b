"""Forms for a plan's settings and for giving colleagues roles on it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SubmitField
from wtforms.validators import InputRequired

from paja.form_base import PageForm
from paja.forms import (
    ChoiceField,
    MultiCheckboxField,
    SelectChoice,
    language_field,
    title_field,
)
from plans.labels import CHANNEL_LABELS, ROLE_LABELS, Channel, PlanRole

PERSONAL = "0"
GIVEN = (PlanRole.EDITOR, PlanRole.COMMENTER, PlanRole.VIEWER)


class PlanForm(PageForm):
    """A plan's title, language, channels, approval rule, and (personal plans) sharing."""

    title = title_field(_l("Name of the plan"))
    owner = ChoiceField(
        _l("Whose plan"),
        description=_l("An organisation's plan is seen by its members; your own only by you and "
                       "the trainers you share it with."),
    )  # fmt: skip
    language = language_field(_l("Language of the plan"))
    channels = MultiCheckboxField(
        _l("Channels"),
        choices=[SelectChoice(c.value, CHANNEL_LABELS[c]) for c in Channel],
        validators=[InputRequired(message=_l("Choose at least one channel."))],
    )
    requires_approval = BooleanField(
        _l("Calendar entries need approval by someone other than their author"), default=True
    )
    shared_session = ChoiceField(
        _l("Share with the trainers of"),
        description=_l("The trainers of the session can read your plan and comment on it."),
    )
    submit = SubmitField(_l("Save"))


class RoleForm(PageForm):
    """The owner gives a colleague a role on an organisation's plan."""

    person = ChoiceField(_l("Colleague"), coerce=int)
    role = ChoiceField(
        _l("Role"),
        choices=[SelectChoice(r.value, ROLE_LABELS[r]) for r in GIVEN],
    )
    submit = SubmitField(_l("Give the role"))


class DeletePlanForm(PageForm):
    """Deleting a plan needs a tick: its sections, comments and calendar go with it."""

    confirm = BooleanField(
        _l("I understand that the sections, comments and calendar are deleted too"),
        validators=[InputRequired(message=_l("Tick the box to delete the plan."))],
    )
    submit = SubmitField(_l("Delete the plan"))
