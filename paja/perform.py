"""The one way a view changes data: run one operation as the request's transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from flask import flash
from flask_wtf import FlaskForm

from paja.errors import RuleViolation
from paja.extensions import db

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an operation gave, or that it was refused."""

    ok: bool
    value: T | None = None

    @property
    def result(self) -> T:
        """The operation's value (only after `ok`)."""
        assert self.ok, "a refused operation has no result"
        return self.value  # type: ignore[return-value]


def perform(operation: Callable[[], T], form: FlaskForm | None = None) -> Outcome[T]:
    """Run an operation as the request's one transaction: commit, or roll back and explain.

    A refused rule is shown at the form's field (or the form's top), or flashed when there
    is no form; nothing of the request is saved then.
    """
    try:
        value = operation()
    except RuleViolation as error:
        db.session.rollback()
        if form is not None:
            mark_error(form, error)
        else:
            flash(error.message, "danger")
        return Outcome(ok=False)
    db.session.commit()
    return Outcome(ok=True, value=value)


def mark_error(form: FlaskForm, error: RuleViolation) -> None:
    """Show each refused rule at its field (unless the field already says what is wrong), or
    at the form's top when it has none."""
    for violation in error.violations:
        field = getattr(form, violation.field, None) if violation.field else None
        if field is None:
            form.form_errors.append(violation.message)
        elif not field.errors:
            field.errors = [*field.errors, violation.message]


def mark_rule_errors(check: Callable[[], object], form: FlaskForm) -> None:
    """After a form failed its own checks, show what the rules would refuse too (nothing is
    written), so that every problem is reported in one round."""
    try:
        check()
    except RuleViolation as error:
        mark_error(form, error)
    finally:
        db.session.rollback()


def abandon() -> None:
    """Roll back whatever the request changed (an error page is shown instead)."""
    db.session.rollback()


def carry_out(operation: Callable[[], T]) -> T:
    """The API's perform: run the operation as the request's one transaction and commit; a
    refused rule rolls back and answers 409 with the rule's message (and its field)."""
    try:
        value = operation()
    except RuleViolation as error:
        db.session.rollback()
        from flask_smorest import abort

        fields = {v.field: [v.message] for v in error.violations if v.field}
        abort(409, message=error.message, errors=fields or None)
        raise  # abort raised already
    db.session.commit()
    return value
