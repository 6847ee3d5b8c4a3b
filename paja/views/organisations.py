"""Organisations: the admin's list and editing; members see their own organisation."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import get_or_404, role_required
from paja.forms import AddMemberForm, ButtonForm, OrganisationForm, given
from paja.models import Organisation, Role, User
from paja.organisations import (
    OrganisationDetails,
    add_member,
    create_organisation,
    remove_member,
    update_organisation,
)
from paja.perform import perform
from paja.queries import member_counts, members_of, search_organisations

bp = Blueprint("organisations", __name__, url_prefix="/organisations")


def _details(form: OrganisationForm) -> OrganisationDetails:
    """The form's fields as operation input."""
    return OrganisationDetails(
        **{name: form[name].data or "" for name in OrganisationDetails.__dataclass_fields__}
    )


@bp.get("/")
@role_required(Role.ADMIN)
def index() -> ResponseReturnValue:
    """All organisations, 50 a page, with member counts; search by name or business ID."""
    query = request.args.get("q", "").strip()
    page = search_organisations(query)
    counts = member_counts(page.items)
    return render_template("organisations/index.html", page=page, counts=counts, query=query)


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new() -> ResponseReturnValue:
    """Create an organisation."""
    form = OrganisationForm()
    if form.validate_on_submit():
        outcome = perform(lambda: create_organisation(current_user, _details(form)), form)
        if outcome.ok:
            organisation = outcome.result
            flash(_("%(name)s is added.", name=organisation.name), "success")
            return redirect(url_for("organisations.view", organisation_id=organisation.id))
    return render_template("organisations/form.html", form=form, organisation=None)


def _render_view(organisation: Organisation, member_form: AddMemberForm) -> str:
    """The organisation page with its members."""
    return render_template(
        "organisations/view.html",
        organisation=organisation,
        members=members_of(organisation),
        can_edit=organisation.can_edit(current_user),
        can_manage=organisation.can_manage_members(current_user),
        member_form=member_form,
        button=ButtonForm(),
    )


@bp.get("/<int:organisation_id>")
@role_required()
def view(organisation_id: int) -> ResponseReturnValue:
    """An organisation's details and members (admins and its members)."""
    organisation = get_or_404(Organisation, organisation_id, Organisation.can_view)
    return _render_view(organisation, AddMemberForm(formdata=None))


@bp.route("/<int:organisation_id>/edit", methods=["GET", "POST"])
@role_required()
def edit(organisation_id: int) -> ResponseReturnValue:
    """Edit an organisation (admins, and customer contacts of their own)."""
    organisation = get_or_404(Organisation, organisation_id, Organisation.can_edit)
    form = OrganisationForm(obj=organisation)
    if (
        form.validate_on_submit()
        and perform(
            lambda: update_organisation(current_user, organisation, _details(form)), form
        ).ok
    ):
        flash(_("The details of %(name)s are saved.", name=organisation.name), "success")
        return redirect(url_for("organisations.view", organisation_id=organisation.id))
    return render_template("organisations/form.html", form=form, organisation=organisation)


@bp.post("/<int:organisation_id>/members")
@role_required(Role.ADMIN)
def add(organisation_id: int) -> ResponseReturnValue:
    """Add a member by email; a wrong email is shown at the field, as typed."""
    organisation = get_or_404(Organisation, organisation_id, Organisation.can_manage_members)
    form = AddMemberForm()
    if form.validate_on_submit():
        outcome = perform(
            lambda: add_member(current_user, organisation, given(form.email.data)), form
        )
        if outcome.ok:
            user = outcome.result
            flash(_("%(name)s is now a member.", name=user.name), "success")
            return redirect(url_for("organisations.view", organisation_id=organisation.id))
    return _render_view(organisation, form)


@bp.post("/<int:organisation_id>/members/<int:user_id>/remove")
@role_required(Role.ADMIN)
def remove(organisation_id: int, user_id: int) -> ResponseReturnValue:
    """Remove a member."""
    organisation = get_or_404(Organisation, organisation_id, Organisation.can_manage_members)
    user = get_or_404(User, user_id, None)
    if (
        ButtonForm().validate_on_submit()
        and perform(lambda: remove_member(current_user, organisation, user)).ok
    ):
        flash(_("%(name)s is no longer a member.", name=user.name), "success")
    return redirect(url_for("organisations.view", organisation_id=organisation.id))
