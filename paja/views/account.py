"""A user's own profile and password, their data download and account deletion."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, flash, redirect, render_template, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from paja import operations, privacy
from paja.access import login_required
from paja.database import writes
from paja.downloads import zip_file
from paja.extensions import limiter
from paja.forms import ChangePasswordForm, ProfileForm, given
from paja.i18n import SESSION_KEY
from paja.perform import perform
from paja.privacy_forms import EraseAccountForm
from paja.queries import organisations_of

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.route("/", methods=["GET", "POST"])
@login_required
def profile() -> ResponseReturnValue:
    """Show and edit the name and preferred language."""
    form = ProfileForm(obj=current_user)
    if (
        form.validate_on_submit()
        and perform(
            lambda: operations.update_profile(
                current_user, given(form.name.data), form.locale.data
            ),
            form,
        ).ok
    ):
        session.pop(SESSION_KEY, None)
        flash(_("Your profile is saved."), "success")
        return redirect(url_for("account.profile"))
    return render_template(
        "account/profile.html", form=form, organisations=organisations_of(current_user)
    )


@bp.route("/password", methods=["GET", "POST"])
@limiter.limit("10 per 15 minutes", methods=["POST"])  # checks the current password
@login_required
def change_password() -> ResponseReturnValue:
    """Change the password; other devices are logged out."""
    form = ChangePasswordForm()
    if (
        form.validate_on_submit()
        and perform(
            lambda: operations.change_password(
                current_user, given(form.current_password.data), given(form.password.data)
            ),
            form,
        ).ok
    ):
        login_user(current_user._get_current_object())
        flash(_("Your password is changed. Other devices have been logged out."), "success")
        return redirect(url_for("account.profile"))
    return render_template("account/password.html", form=form)


@bp.get("/data.zip")
@writes  # the download is written to the audit log
@limiter.limit("10 per hour")  # builds every certificate PDF
@login_required
def download_data() -> ResponseReturnValue:
    """Everything Paja holds about the person: JSON and their PDFs in one ZIP."""
    user = current_user._get_current_object()
    archive = perform(lambda: privacy.export_zip(user, user)).result
    return zip_file(archive, f"paja-{date.today().isoformat()}.zip")


@bp.route("/delete", methods=["GET", "POST"])
@limiter.limit("10 per 15 minutes", methods=["POST"])  # checks the password
@login_required
def delete_account() -> ResponseReturnValue:
    """Delete one's account: personal data is erased, counts stay anonymous."""
    form = EraseAccountForm()
    user = current_user._get_current_object()
    if (
        form.validate_on_submit()
        and perform(lambda: privacy.erase(user, user, given(form.password.data)), form).ok
    ):
        logout_user()
        flash(_("Your account is deleted and your personal data erased."), "success")
        return redirect(url_for("main.home"))
    return render_template("account/delete.html", form=form)
