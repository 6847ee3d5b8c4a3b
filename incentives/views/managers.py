"""An organisation's customer contact (or an admin) names its programme managers."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from incentives import bp
from incentives.forms.management import ManagerForm
from incentives.operations.programmes import name_manager, remove_manager
from incentives.queries.programmes import managers_of
from paja.access import get_or_404, role_required
from paja.forms import ButtonForm, SelectChoice
from paja.models import Organisation, User
from paja.perform import perform
from paja.queries import members_of


@bp.route("/managers/<int:organisation_id>", methods=["GET", "POST"])
@role_required()
def managers(organisation_id: int) -> ResponseReturnValue:
    """The organisation's programme managers; name a member one."""
    organisation = get_or_404(Organisation, organisation_id, Organisation.can_act_for_staff)
    members = members_of(organisation)
    form = ManagerForm()
    form.person.choices = [SelectChoice(m.id, f"{m.name} ({m.email})") for m in members]
    if form.validate_on_submit():
        person = next(m for m in members if m.id == form.person.data)
        if perform(lambda: name_manager(organisation, person), form).ok:
            flash(_("%(name)s is a programme manager.", name=person.name), "success")
            return redirect(url_for("incentives.managers", organisation_id=organisation.id))
    return render_template(
        "incentives/managers.html", organisation=organisation, managers=managers_of(organisation),
        form=form, button=ButtonForm(),
    )  # fmt: skip


@bp.post("/managers/<int:organisation_id>/<int:user_id>/remove")
@role_required()
def remove_manager_view(organisation_id: int, user_id: int) -> ResponseReturnValue:
    """Take back a member's programme manager role."""
    organisation = get_or_404(Organisation, organisation_id, Organisation.can_act_for_staff)
    person = get_or_404(User, user_id, None)
    if (
        ButtonForm().validate_on_submit()
        and perform(lambda: remove_manager(organisation, person)).ok
    ):
        flash(_("%(name)s is no longer a programme manager.", name=person.name), "success")
    return redirect(url_for("incentives.managers", organisation_id=organisation.id))
