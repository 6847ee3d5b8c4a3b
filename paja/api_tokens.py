"""API tokens: personal or an organisation's, with scopes; shown once, stored hashed,
revocable, with the time they were last used."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps
from typing import Any, TypeVar

import sqlalchemy as sa
from flask import g, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_smorest import abort
from sqlalchemy.orm import Mapped, mapped_column, relationship

from paja.database import WRITES_KEY, Base, UTCDateTime, utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Organisation, User
from paja.page_cache import page_cache
from paja.sql import changed

F = TypeVar("F", bound=Callable[..., Any])
PREFIX = "paja_"
REQUEST_SLOT = "paja.api_token"
STAMP_EVERY = timedelta(minutes=1)

#: Every scope a token may carry, with what it lets a client do (packages add theirs).
SCOPES: dict[str, str] = {}  # lazy strings, translated when shown


def scope(name: str, label: str) -> str:
    """Declare a scope (at import of the package's API) and return its name."""
    SCOPES[name] = label
    return name


class ApiToken(Base):
    """A token for the API: its SHA-256 only is stored, never the token itself."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(100))
    scopes_text: Mapped[str] = mapped_column(sa.String(500))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    hint: Mapped[str] = mapped_column(sa.String(12))  # the first characters, to tell them apart
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(lazy="joined", innerjoin=True)
    organisation: Mapped[Organisation | None] = relationship(lazy="joined")

    @property
    def scopes(self) -> set[str]:
        """The scopes the token carries."""
        return set(filter(None, self.scopes_text.split()))

    @property
    def active(self) -> bool:
        """Not revoked, its holder may still log in, and an organisation's token's holder
        still acts for it (a contact who leaves takes the token's rights along)."""
        if self.revoked_at is not None or not self.user.active:
            return False
        return self.organisation is None or self.organisation.can_act_for_staff(self.user)

    def can_revoke(self, user: User) -> bool:
        """Its holder may revoke it."""
        return user.is_authenticated and user.id == self.user_id


def digest(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token_text() -> str:
    """A fresh token: the prefix and 256 random bits."""
    return PREFIX + secrets.token_urlsafe(32)


def bearer() -> str | None:
    """The token the request carries in `Authorization: Bearer …`, if any."""
    kind, _sep, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() or None if kind.lower() == "bearer" else None


def authenticated_token() -> ApiToken | None:
    """The request's valid token (None without one); a wrong or revoked one is a 401.

    Its use is recorded at most once a minute: only then does the request write (and, on
    SQLite, begin as a writer), so reading through the API stays a read.
    """
    if REQUEST_SLOT in request.environ:  # the request's own (not the app context's g)
        token: ApiToken | None = request.environ[REQUEST_SLOT]
        return token
    text = bearer()
    if text is None:
        request.environ[REQUEST_SLOT] = None
        return None
    hashed = digest(text)
    stamp = f"api-token-used:{hashed[:24]}"
    due = page_cache().shared.get(stamp) is None
    if due:
        g.setdefault(WRITES_KEY, True)
    found = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == hashed))
    if found is None or not found.active:  # abort raises: found is a live token below
        abort(401, message=_("The token is not valid: it may have been revoked."),
              headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})  # fmt: skip
    if due:
        now = utcnow()
        changed(sa.update(ApiToken).where(ApiToken.id == found.id).values(last_used_at=now))
        db.session.commit()
        page_cache().shared.set(stamp, 1, timeout=int(STAMP_EVERY.total_seconds()))
    request.environ[REQUEST_SLOT] = found
    return found


def token_required(*needed: str) -> Callable[[F], F]:
    """Let through a request whose token carries every scope named; 401 without a token,
    403 with one that lacks a scope."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            token = authenticated_token()
            if token is None:
                abort(401, headers={"WWW-Authenticate": "Bearer"})
            missing = set(needed) - token.scopes
            if missing:
                abort(403, message=_("The token lacks the scope %(scopes)s.",
                                     scopes=", ".join(sorted(missing))))  # fmt: skip
            return view(*args, **kwargs)

        wrapped.required_scopes = needed  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator


def api_token() -> ApiToken:
    """The request's token (inside a token_required view)."""
    token: ApiToken = request.environ[REQUEST_SLOT]
    return token


def api_user() -> User:
    """The holder of the request's token (inside a token_required view)."""
    return api_token().user


def personal_user() -> User:
    """The holder of a personal token (inside a token_required view); an organisation's
    token is refused (403), as what it reads is one person's own."""
    token = api_token()
    if token.organisation_id is not None:
        abort(403, message=_("This needs a personal token: it reads your own data."))
    return token.user


def token_reaches(organisation_id: int | None, can_view: Callable[[User], bool]) -> bool:
    """Whether the request's token may read an object: an organisation's token, its own
    organisation's objects; a personal token, what its holder may read on the pages."""
    token = api_token()
    if token.organisation_id is not None:
        return organisation_id == token.organisation_id
    return can_view(token.user)


ACCOUNT_SCOPE = scope("account:read", _l("Read your own account"))


def create_token(
    user: User, name: str, scopes: list[str], organisation: Organisation | None
) -> tuple[ApiToken, str]:
    """A new token for the user (or for one of the organisations they are a contact of);
    returns it with its text, which is shown once and never stored."""
    unknown = set(scopes) - set(SCOPES)
    if not scopes or unknown:
        raise RuleViolation(_("Choose at least one of the listed scopes."), "scopes")
    if organisation is not None and not organisation.can_edit(user):
        raise RuleViolation(_("Choose one of the listed options."), "organisation")
    text = new_token_text()
    token = ApiToken(
        user_id=user.id,
        organisation_id=organisation.id if organisation else None,
        name=name.strip(),
        scopes_text=" ".join(sorted(set(scopes))),
        token_hash=digest(text),
        hint=text[: len(PREFIX) + 4],
    )
    db.session.add(token)
    db.session.flush()
    return token, text


def revoke_token(token: ApiToken) -> None:
    """Stop a token from working, at once and for good."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        db.session.flush()


def tokens_of(user: User) -> list[ApiToken]:
    """The user's tokens, newest first."""
    return list(
        db.session.scalars(
            sa.select(ApiToken)
            .where(ApiToken.user_id == user.id)
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )
