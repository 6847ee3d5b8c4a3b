"""Sign up, log in and out, and reset a forgotten password."""

from __future__ import annotations

import logging

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from paja import operations, signups
from paja.extensions import limiter
from paja.forms import (
    ButtonForm,
    ForgotPasswordForm,
    LoginForm,
    ResetPasswordForm,
    SignupForm,
    given,
)
from paja.i18n import current_language
from paja.perform import mark_rule_errors, perform
from paja.tokens import user_for_reset_token
from paja.views.navigation import safe_next

bp = Blueprint("auth", __name__, url_prefix="/auth")
log = logging.getLogger(__name__)


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def signup() -> ResponseReturnValue:
    """Create an account and log in."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = SignupForm()
    if form.is_submitted() and not form.validate():  # the password's rules are told at once
        mark_rule_errors(
            lambda: operations.check_new_password(
                form.password.data or "", [form.name.data or "", form.email.data or ""]
            ),
            form,
        )
    elif form.is_submitted():
        outcome = perform(
            lambda: signups.start_signup(
                given(form.email.data),
                given(form.name.data),
                given(form.password.data),
                locale=current_language(),
            ),
            form,
        )
        if outcome.ok:  # the same answer whether or not the address has an account
            return render_template("auth/check_mail.html", email=form.email.data, order=False)
    return render_template("auth/signup.html", form=form)


@bp.route("/confirm/<token>", methods=["GET", "POST"])
@limiter.limit("10 per 15 minutes", methods=["POST"])
def confirm_signup(token: str) -> ResponseReturnValue:
    """Finish a sign-up from the mailed link (a button, so mail scanners opening links do not)."""
    form = ButtonForm()
    if form.validate_on_submit():
        outcome = perform(lambda: signups.confirm_signup(token), form)
        if outcome.ok:
            user, target, problem = outcome.result
            login_user(user)
            flash(_("Welcome to Paja, %(name)s! Your account is ready.", name=user.name), "success")
            if problem:
                flash(problem, "danger")
            return redirect(target or url_for("main.home"))
    pending = signups.pending_by_token(token)
    return render_template("auth/confirm_signup.html", form=form, pending=pending)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("20 per 10 minutes", methods=["POST"])
def login() -> ResponseReturnValue:
    """Log in with email and password."""
    form = LoginForm(next=request.args.get("next", ""))
    if current_user.is_authenticated:
        return redirect(safe_next(form.next.data))
    if form.validate_on_submit():
        user = perform(
            lambda: operations.authenticate(given(form.email.data), given(form.password.data))
        ).result
        if user is None:
            # Logged for spotting attacks; the typed password never is.
            log.warning("failed login for %r from %s", form.email.data, request.remote_addr)
            form.form_errors.append(_("The email or password is not correct."))
        else:
            login_user(user, remember=form.remember.data)
            flash(_("You are logged in."), "success")
            return redirect(safe_next(form.next.data))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    """Log out (a POST with a CSRF token, so no link can log anyone out)."""
    if ButtonForm().validate_on_submit():
        if current_user.is_authenticated:  # ends this login, its copies and remember-me cookies
            perform(lambda: operations.log_out(current_user))
        logout_user()
        flash(_("You are logged out."), "info")
    return redirect(url_for("main.home"))


@bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit("5 per 15 minutes", methods=["POST"])
def forgot_password() -> ResponseReturnValue:
    """Ask for a password reset link by email."""
    form = ForgotPasswordForm()
    if (
        form.validate_on_submit()
        and perform(lambda: operations.request_password_reset(given(form.email.data))).ok
    ):
        flash(
            _(
                "If an account uses %(email)s, we sent it a link to choose a new password. "
                "The link works for one hour.",
                email=form.email.data,
            ),
            "info",
        )
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@limiter.limit("10 per 15 minutes", methods=["POST"])
def reset_password(token: str) -> ResponseReturnValue:
    """Choose a new password with the emailed link."""
    form = ResetPasswordForm()
    if form.validate_on_submit():
        outcome = perform(lambda: operations.reset_password(token, given(form.password.data)), form)
        if outcome.ok:
            user = outcome.result
            login_user(user)
            flash(_("Your new password is saved and you are logged in."), "success")
            return redirect(url_for("main.home"))
    valid = user_for_reset_token(token) is not None
    return render_template("auth/reset_password.html", form=form, valid=valid)
