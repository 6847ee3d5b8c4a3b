"""Small helpers shared by the shell's views."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import request, url_for
from flask_wtf import FlaskForm

from paja.errors import RuleViolation


def safe_next(target: str | None, default_endpoint: str = "main.home") -> str:
    """A local path to go to next; anything pointing off-site falls back to the default."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target:
            return target
    return url_for(default_endpoint)


def mark_error(form: FlaskForm, error: RuleViolation) -> None:
    """Show a refused rule at its field, or at the form's top when it has none."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)


def current_path() -> str:
    """The path and query of this request, for coming back after a redirect."""
    return request.full_path.rstrip("?")
