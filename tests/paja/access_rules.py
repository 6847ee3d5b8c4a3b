"""The access matrix's vocabulary: who is who, and a rule per endpoint."""

from collections.abc import Callable
from dataclasses import dataclass, field

from paja.models import Role
from tests.paja.access_targets import Targets

ANONYMOUS = None
EVERYONE = frozenset({ANONYMOUS, *Role})
LOGGED_IN = frozenset(Role)
ADMIN = frozenset({Role.ADMIN})
NOBODY: frozenset = frozenset()


@dataclass(frozen=True)
class Rule:
    """The URL of an endpoint, the roles that may use it, and what they get.

    Allowed roles get exactly `get` for GET and `post` for POST: 200 for a page (or a form
    shown again with its errors, as an empty POST is), 302 where the route redirects.
    `logged_in` holds the statuses that differ for a logged-in user, by method (a login page
    sends them on, for example). `data` is the form a POST sends.
    """

    url: Callable[[Targets], str]
    allowed: frozenset
    get: int = 200
    post: int = 302
    logged_in: dict[str, int] = field(default_factory=dict)
    data: Callable[[Targets], dict[str, object]] | None = None

    def expected(self, method: str, logged_in: bool) -> int:
        """The status an allowed visitor gets."""
        if logged_in and method in self.logged_in:
            return self.logged_in[method]
        return self.get if method == "GET" else self.post
