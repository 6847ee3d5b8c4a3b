"""Account rules: sign-up, log-in, passwords, profiles and roles. Flush, never commit."""

from __future__ import annotations

import logging
from functools import cache

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from paja.audit import Action, record
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.links import absolute_url
from paja.mail import send_mail
from paja.models import LANGUAGES, Role, User
from paja.passwords import MIN_LENGTH, is_guessable
from paja.tokens import make_reset_token, user_for_reset_token

log = logging.getLogger(__name__)


@cache
def _dummy_hash(method: str) -> str:
    """A hash to check when no user matches, so a wrong email takes as long as a wrong password."""
    return generate_password_hash("paja-timing-equaliser", method=method)


def normalise_email(email: str) -> str:
    """Emails are compared and stored lower-cased and trimmed."""
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    """The user with this email, whatever its case."""
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def check_new_password(password: str, user_inputs: list[str], field: str = "password") -> None:
    """Refuse short or easily guessed passwords."""
    if len(password) < MIN_LENGTH:
        raise RuleViolation(_("Use at least %(n)d characters.", n=MIN_LENGTH), field)
    if is_guessable(password, user_inputs):
        raise RuleViolation(
            _("This password is too common or easy to guess. Try a few unrelated words."), field
        )


def create_user(
    email: str,
    name: str,
    password: str,
    roles: set[Role] | None = None,
    locale: str | None = None,
) -> User:
    """Create an account; refuses an email already in use (also under a race)."""
    email = normalise_email(email)
    check_new_password(password, [name, email])
    if find_user_by_email(email) is not None:
        raise RuleViolation(_("An account with this email already exists."), "email")
    user = User(email=email, name=name.strip(), locale=locale if locale in LANGUAGES else None)
    user.set_password(password)
    user.set_roles(roles if roles is not None else {Role.PARTICIPANT})
    try:
        with db.session.begin_nested():
            db.session.add(user)
    except IntegrityError:
        raise RuleViolation(_("An account with this email already exists."), "email") from None
    log.info("user %s created with roles %s", email, sorted(user.roles))
    return user


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, else None (no hint which part was wrong)."""
    user = find_user_by_email(email)
    if user is None:
        check_password_hash(_dummy_hash(current_app.config["PASSWORD_HASH_METHOD"]), password)
        return None
    if not user.check_password(password) or not user.active:
        return None
    user.last_login_at = utcnow()
    return user


def log_out(user: User) -> None:
    """End the user's logins on the server: copied session and remember-me cookies stop working."""
    user.end_sessions()
    log.info("%s logged out", user.email)


def update_profile(user: User, name: str, locale: str | None) -> None:
    """Change a user's name and preferred language."""
    user.name = name.strip()
    user.locale = locale if locale in LANGUAGES else None


def set_language(user: User, locale: str) -> None:
    """Save the language chosen with the header's switcher."""
    if locale in LANGUAGES:
        user.locale = locale


def change_password(user: User, current: str, new: str) -> None:
    """Set a new password after checking the current one; other logins end."""
    if not user.check_password(current):
        raise RuleViolation(_("The current password is not correct."), "current_password")
    check_new_password(new, [user.name, user.email], "password")
    user.set_password(new)
    log.info("password changed by %s", user.email)


def request_password_reset(email: str) -> None:
    """Email a reset link when an active account has this email; silent otherwise."""
    user = find_user_by_email(email)
    if user is None or not user.active:
        log.info("password reset asked for unknown or inactive %s", normalise_email(email))
        return
    link = absolute_url("auth.reset_password", token=make_reset_token(user))
    send_mail(user.email, "password_reset", user.locale, user=user, link=link)


def reset_password(token: str, password: str) -> User:
    """Set a new password with a reset token; the token then stops working."""
    user = user_for_reset_token(token)
    if user is None:
        raise RuleViolation(_("This password reset link is invalid, expired or already used."))
    check_new_password(password, [user.name, user.email], "password")
    user.set_password(password)
    log.info("password reset by %s", user.email)
    return user


def set_roles(actor: User, user: User, roles: set[Role]) -> None:
    """Replace a user's roles; an admin cannot remove their own admin role."""
    if user.id == actor.id and Role.ADMIN not in roles:
        raise RuleViolation(_("You cannot remove your own administrator role."), "roles")
    user.set_roles(roles)
    record(actor, Action.ROLES_SET, f"user {user.id}: {', '.join(sorted(roles))}")
    log.info("roles of %s set to %s by %s", user.email, sorted(roles), actor.email)


def set_active(actor: User, user: User, active: bool) -> None:
    """Deactivate or reactivate an account; deactivation ends its logins."""
    if user.id == actor.id and not active:
        raise RuleViolation(_("You cannot deactivate your own account."))
    user.active = active
    if not active:
        user.end_sessions()
    record(actor, Action.ACTIVATED if active else Action.DEACTIVATED, f"user {user.id}")
    log.info("user %s %s by %s", user.email, "activated" if active else "deactivated", actor.email)
