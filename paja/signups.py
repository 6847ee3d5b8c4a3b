"""Sign-up by email: an account exists only once its address has answered.

Whoever types an address gets the same answer ("we sent you a message"), so no form tells
whether an address has an account. A new address gets a confirmation link; an address with
an account gets a note saying so, with links to log in and to reset the password. A pending
sign-up may carry what the person was doing (an order): the package that started it finishes
it through `app.extensions[COMPLETERS][purpose]` once the address is confirmed.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import generate_password_hash

from paja.database import Base, UTCDateTime, utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.links import absolute_url
from paja.mail import send_mail
from paja.models import LANGUAGES, Role, User
from paja.operations import check_new_password, find_user_by_email, normalise_email
from paja.sql import changed

log = logging.getLogger(__name__)
COMPLETERS = "paja.signup_completers"  # app.extensions: purpose -> (user, payload) -> URL
VALID_FOR = timedelta(hours=24)
ACCOUNT = "account"

#: Finishes what a sign-up carried; returns where to send the person, or raises RuleViolation.
Completer = Callable[[User, dict[str, object]], str]


class PendingSignup(Base):
    """A sign-up waiting for its address to answer (deleted when used or a day old)."""

    __tablename__ = "pending_signups"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    email: Mapped[str] = mapped_column(sa.String(254), index=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    password_hash: Mapped[str] = mapped_column(sa.String(256))
    locale: Mapped[str | None] = mapped_column(sa.String(5))
    purpose: Mapped[str] = mapped_column(sa.String(40), default=ACCOUNT)
    payload: Mapped[str] = mapped_column(sa.Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def start_signup(
    email: str,
    name: str,
    password: str,
    locale: str | None,
    purpose: str = ACCOUNT,
    payload: dict[str, object] | None = None,
) -> None:
    """Mail a confirmation link to a new address, or a note to an address with an account."""
    email = normalise_email(email)
    check_new_password(password, [name, email])
    existing = find_user_by_email(email)
    if existing is not None:
        login, reset = absolute_url("auth.login"), absolute_url("auth.forgot_password")
        send_mail(existing.email, "account_exists", existing.locale or locale, user=existing,
                  login=login, reset=reset)  # fmt: skip
        log.info("sign-up asked for existing %s: told them by mail", email)
        return
    pending = PendingSignup(
        token=secrets.token_urlsafe(32),
        email=email,
        name=name.strip(),
        locale=locale if locale in LANGUAGES else None,
        purpose=purpose,
        payload=json.dumps(payload or {}),
    )
    method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    pending.password_hash = generate_password_hash(password, method=method)  # never in plain
    db.session.add(pending)
    db.session.flush()
    send_mail(email, "signup_confirm", pending.locale, pending=pending,
              link=absolute_url("auth.confirm_signup", token=pending.token))  # fmt: skip


def pending_by_token(token: str) -> PendingSignup | None:
    """The unexpired sign-up with this token."""
    return db.session.scalar(
        sa.select(PendingSignup).where(
            PendingSignup.token == token, PendingSignup.created_at > utcnow() - VALID_FOR
        )
    )


def confirm_signup(token: str) -> tuple[User, str | None, str | None]:
    """Create the account of a confirmed address and finish what the sign-up carried.

    Returns the user, where to go next (None: home) and a message when the carried task could
    not be finished (the account is made all the same).
    """
    pending = pending_by_token(token)
    if pending is None:
        raise RuleViolation(_("This link is invalid, expired or already used."))
    if find_user_by_email(pending.email) is not None:
        raise RuleViolation(_("An account with this address already exists: log in."))
    user = User(email=pending.email, name=pending.name, locale=pending.locale)
    user.password_hash = pending.password_hash
    user.set_roles({Role.PARTICIPANT})
    user.last_login_at = utcnow()
    try:
        with db.session.begin_nested():  # a racing confirmation of the same address loses here
            db.session.add(user)
    except IntegrityError:
        raise RuleViolation(_("An account with this address already exists: log in.")) from None
    changed(sa.delete(PendingSignup).where(PendingSignup.email == pending.email))
    log.info("account %s created after confirming the address", user.email)
    if pending.purpose == ACCOUNT:
        return user, None, None
    completer: Completer = current_app.extensions[COMPLETERS][pending.purpose]
    try:
        with db.session.begin_nested():
            return user, completer(user, json.loads(pending.payload)), None
    except RuleViolation as refusal:
        return user, None, refusal.message


def purge_pending(now: datetime) -> int:
    """Delete sign-ups nobody confirmed within a day; returns how many."""
    return changed(sa.delete(PendingSignup).where(PendingSignup.created_at < now - VALID_FOR))
