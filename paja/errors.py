"""The error an operation raises when a business rule refuses a change."""

from __future__ import annotations


class RuleViolation(Exception):
    """A change was refused; `message` is translated, `field` names the form field to mark."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
