"""The error an operation raises when a business rule refuses a change."""

from __future__ import annotations

from collections.abc import Callable, Iterable


class RuleViolation(Exception):
    """A change was refused; `message` is translated, `field` names the form field to mark."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def violations(self) -> list[RuleViolation]:
        """Each refused rule (one here; several in `RuleViolations`)."""
        return [self]


class RuleViolations(RuleViolation):
    """Several rules refused the change at once, so a form can show every problem together."""

    def __init__(self, found: Iterable[RuleViolation]) -> None:
        self.found = [one for error in found for one in error.violations]
        first = self.found[0]
        super().__init__(first.message, first.field)

    @property
    def violations(self) -> list[RuleViolation]:
        """Each refused rule, in the order they were found."""
        return self.found


def check_all(*checks: Callable[[], object]) -> None:
    """Run every check; raise what all of them refused together (nothing if all passed)."""
    found: list[RuleViolation] = []
    for check in checks:
        try:
            check()
        except RuleViolation as error:
            found.append(error)
    if found:
        raise RuleViolations(found)
