"""Access checks every view uses: a role decorator, and loaders that check the model's rule."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import AnonymousUserMixin, current_user

from paja.extensions import db, login_manager
from paja.fields import INT_MAX
from paja.models import Role, User

F = TypeVar("F", bound=Callable[..., Any])
M = TypeVar("M")
T = TypeVar("T")
#: A model's own access rule, e.g. `Order.can_view`: the object, the user, allowed or not.
Rule = Callable[[M, User], bool]


class AnonymousUser(AnonymousUserMixin):
    """A visitor who has not logged in: holds no roles."""

    roles: frozenset[Role] = frozenset()
    locale = None

    def has_role(self, *roles: Role) -> bool:
        """Anonymous visitors hold no role."""
        return False


def role_required(*roles: Role) -> Callable[[F], F]:
    """Let through users holding any of the roles; others get a login redirect or 403."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if roles and not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_roles = frozenset(roles)  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator


def login_required(view: F) -> F:
    """Let through any logged-in user; others are sent to log in."""
    return role_required()(view)


def get_or_404(model: type[M], ident: object, allowed: Rule[M] | None) -> M:
    """Load an object by id (404 when missing), then check the model's rule (403).

    `allowed` is one of the model's methods, e.g. `Order.can_view`, so a misspelt rule is a
    type error, not a 500; None where the view's role decorator is already the whole rule.
    Anonymous visitors who fail the rule are sent to log in.
    """
    found = db.session.get(model, ident) if _storable(ident) else None
    return check(or_404(found), allowed)


def _storable(ident: object) -> bool:
    """Whether an id could be in the table: present and, when a number, within a 32-bit column."""
    if ident is None:
        return False
    return not isinstance(ident, int) or 0 < ident <= INT_MAX


def or_404(found: T | None) -> T:
    """What a query found, or 404 when it found nothing."""
    if found is None:
        abort(404)
    return found


def check(obj: M, allowed: Rule[M] | None) -> M:
    """The object when the current user passes its rule; else a login redirect or 403."""
    if allowed is None or allowed(obj, current_user):
        return obj
    if not current_user.is_authenticated:
        abort(login_manager.unauthorized())
    abort(403)
