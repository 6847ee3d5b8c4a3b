"""Signed, expiring, single-use tokens for links sent by email."""

from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from paja.extensions import db
from paja.models import User

RESET_SALT = "paja.password-reset"
RESET_MAX_AGE = 3600


def _serializer() -> URLSafeTimedSerializer:
    """The serializer keyed with the app's secret."""
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=RESET_SALT)


def _fingerprint(user: User) -> str:
    """A digest of the current password hash: a new password invalidates old tokens."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def make_reset_token(user: User) -> str:
    """A token valid for an hour and only until the password changes."""
    return _serializer().dumps({"u": user.id, "f": _fingerprint(user)})


def user_for_reset_token(token: str) -> User | None:
    """The user a reset token belongs to, or None when it is invalid, expired or used."""
    try:
        data = _serializer().loads(token, max_age=RESET_MAX_AGE)
    except (SignatureExpired, BadSignature):
        return None
    if not isinstance(data, dict):
        return None
    user = db.session.get(User, data.get("u"))
    if user is None or not user.active or data.get("f") != _fingerprint(user):
        return None
    return user
