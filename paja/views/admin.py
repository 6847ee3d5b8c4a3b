"""Admin pages: user accounts (search, roles, deactivation, erasure), the audit log, jobs."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja import operations, privacy
from paja.access import get_or_404, role_required
from paja.audit import ACTION_LABELS, AUDIT_RETENTION_YEARS, entries
from paja.database import writes
from paja.downloads import zip_file
from paja.forms import ButtonForm, UserRolesForm
from paja.job_failures import JobFailure, counts, failures, run_again
from paja.jobs import RETRIES, RETRY_DELAY
from paja.models import Role, User
from paja.perform import perform
from paja.privacy_forms import AdminEraseForm
from paja.queries import search_users

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/users")
@role_required(Role.ADMIN)
def users() -> ResponseReturnValue:
    """List users: search by name or email, filter by role, 50 a page."""
    query = request.args.get("q", "").strip()
    role = request.args.get("role", "")
    page = search_users(query, role)
    return render_template("admin/users.html", page=page, query=query, role=role)


@bp.get("/audit")
@role_required(Role.ADMIN)
def audit() -> ResponseReturnValue:
    """The audit log: who did what to people's data, newest first, 50 a page."""
    action, actor = request.args.get("action", ""), request.args.get("actor", "")
    return render_template(
        "admin/audit.html",
        page=entries(action, actor),
        action=action,
        actor=actor,
        action_labels=ACTION_LABELS,
        retention_years=AUDIT_RETENTION_YEARS,
    )


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def user(user_id: int) -> ResponseReturnValue:
    """Show a user and set their roles."""
    person = get_or_404(User, user_id, None)
    form = UserRolesForm(roles=[role.value for role in person.roles])
    if (
        form.validate_on_submit()
        and perform(
            lambda: operations.set_roles(
                current_user, person, {Role(value) for value in form.roles.data or []}
            ),
            form,
        ).ok
    ):
        flash(_("The roles of %(name)s are saved.", name=person.name), "success")
        return redirect(url_for("admin.user", user_id=person.id))
    return render_template(
        "admin/user.html",
        person=person,
        form=form,
        button=ButtonForm(),
        erase_form=AdminEraseForm(formdata=None),
    )


@bp.post("/users/<int:user_id>/active")
@role_required(Role.ADMIN)
def set_active(user_id: int) -> ResponseReturnValue:
    """Deactivate or reactivate an account."""
    person = get_or_404(User, user_id, None)
    activate = request.form.get("active") == "1"
    if (
        ButtonForm().validate_on_submit()
        and perform(lambda: operations.set_active(current_user, person, activate)).ok
    ):
        if activate:
            flash(_("%(name)s can log in again.", name=person.name), "success")
        else:
            flash(_("%(name)s can no longer log in.", name=person.name), "success")
    return redirect(url_for("admin.user", user_id=person.id))


@bp.get("/users/<int:user_id>/data.zip")
@writes  # the download is written to the audit log
@role_required(Role.ADMIN)
def user_data(user_id: int) -> ResponseReturnValue:
    """A person's data, for answering their request (logged in the audit log)."""
    person = get_or_404(User, user_id, None)
    archive = perform(lambda: privacy.export_zip(current_user, person)).result
    return zip_file(archive, f"paja-user-{person.id}.zip")


@bp.post("/users/<int:user_id>/erase")
@role_required(Role.ADMIN)
def erase_user(user_id: int) -> ResponseReturnValue:
    """Erase a person's data on their request (logged in the audit log)."""
    person = get_or_404(User, user_id, None)
    form = AdminEraseForm()
    if not form.validate_on_submit():
        flash(_("Tick the box to confirm."), "danger")
    elif perform(lambda: privacy.erase(current_user, person)).ok:
        flash(_("The person's personal data is erased."), "success")
    return redirect(url_for("admin.user", user_id=person.id))


@bp.get("/jobs")
@role_required(Role.ADMIN)
def jobs() -> ResponseReturnValue:
    """Background jobs: how many wait, and every failed attempt, newest first."""
    return render_template(
        "admin/jobs.html",
        counts=counts(),
        page=failures(),
        retries=RETRIES,
        minutes=RETRY_DELAY // 60,
    )


@bp.post("/jobs/<int:failure_id>/run")
@role_required(Role.ADMIN)
def run_job_again(failure_id: int) -> ResponseReturnValue:
    """Queue a job that gave up once more."""
    failure = get_or_404(JobFailure, failure_id, None)
    if ButtonForm().validate_on_submit() and perform(lambda: run_again(failure)).ok:
        flash(_("The job is queued again: %(job)s", job=failure.description), "success")
    return redirect(url_for("admin.jobs"))
