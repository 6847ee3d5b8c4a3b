"""Access checks every view uses: a role decorator and one object loader."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import AnonymousUserMixin, current_user

from paja.extensions import db, login_manager
from paja.models import Role

F = TypeVar("F", bound=Callable[..., Any])
M = TypeVar("M")
Permission = str  # calls obj.can_<permission>(user): "view", "edit", "manage", ...


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


def get_or_404(model: type[M], ident: Any, permission: Permission | None = "view") -> M:
    """Load an object by id (404 when missing) and check `obj.can_<permission>(user)` (403)."""
    obj = db.session.get(model, ident)
    if obj is None:
        abort(404)
    if permission is not None:
        if not current_user.is_authenticated:
            abort(login_manager.unauthorized())
        if not getattr(obj, f"can_{permission}")(current_user):
            abort(403)
    return obj
