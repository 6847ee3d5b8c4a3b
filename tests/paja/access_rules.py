"""The access matrix's vocabulary: who is who, and a rule per endpoint."""

from collections.abc import Callable
from dataclasses import dataclass

from paja.models import Role
from tests.paja.access_targets import Targets

ANONYMOUS = None
EVERYONE = frozenset({ANONYMOUS, *Role})
LOGGED_IN = frozenset(Role)
ADMIN = frozenset({Role.ADMIN})
NOBODY: frozenset = frozenset()


@dataclass(frozen=True)
class Rule:
    """The URL of an endpoint and the roles that may use it."""

    url: Callable[[Targets], str]
    allowed: frozenset
