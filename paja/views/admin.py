"""Admin pages for user accounts: search, roles, deactivation."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja import operations
from paja.access import get_or_404, role_required
from paja.extensions import db
from paja.forms import ButtonForm, UserRolesForm
from paja.models import Role, User, UserRole
from paja.views.util import perform

bp = Blueprint("admin", __name__, url_prefix="/admin")
PAGE_SIZE = 50


@bp.get("/users")
@role_required(Role.ADMIN)
def users() -> ResponseReturnValue:
    """List users: search by name or email, filter by role, 50 a page."""
    query = request.args.get("q", "").strip()
    role = request.args.get("role", "")
    statement = sa.select(User).order_by(User.name, User.id)
    if query:
        pattern = f"%{query.lower()}%"
        statement = statement.where(
            sa.or_(sa.func.lower(User.name).like(pattern), User.email.like(pattern))
        )
    if role in Role.__members__.values():
        statement = statement.where(
            User.id.in_(sa.select(UserRole.user_id).where(UserRole.role == Role(role)))
        )
    page = db.paginate(statement, per_page=PAGE_SIZE, error_out=False)
    return render_template("admin/users.html", page=page, query=query, role=role)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def user(user_id: int) -> ResponseReturnValue:
    """Show a user and set their roles."""
    person = get_or_404(User, user_id, permission=None)
    form = UserRolesForm(roles=[role.value for role in person.roles])
    if (
        form.validate_on_submit()
        and perform(
            lambda: operations.set_roles(
                current_user, person, {Role(value) for value in form.roles.data}
            ),
            form,
        ).ok
    ):
        flash(_("The roles of %(name)s are saved.", name=person.name), "success")
        return redirect(url_for("admin.user", user_id=person.id))
    return render_template("admin/user.html", person=person, form=form, button=ButtonForm())


@bp.post("/users/<int:user_id>/active")
@role_required(Role.ADMIN)
def set_active(user_id: int) -> ResponseReturnValue:
    """Deactivate or reactivate an account."""
    person = get_or_404(User, user_id, permission=None)
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
