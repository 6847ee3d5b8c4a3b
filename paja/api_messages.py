"""marshmallow's field messages in the client's language: its English templates (as of
marshmallow 4) are matched and said again through Babel, with their values kept."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flask_babel import gettext as _

Say = Callable[..., str]

#: marshmallow's English message -> the same in the client's language.
MESSAGES: dict[str, Say] = {
    "Missing data for required field.": lambda: _("This field is required."),
    "Field may not be null.": lambda: _("This field may not be empty (null)."),
    "Unknown field.": lambda: _("Unknown field."),
    "Invalid input type.": lambda: _("Send a JSON object."),
    "Invalid value.": lambda: _("The value is not valid."),
    "Not a valid string.": lambda: _("Give text."),
    "Not a valid integer.": lambda: _("Give a whole number."),
    "Not a valid number.": lambda: _("Give a number."),
    "Not a valid boolean.": lambda: _("Give true or false."),
    "Not a valid date.": lambda: _("Give a date as YYYY-MM-DD."),
    "Not a valid datetime.": lambda: _("Give a date and time as in ISO 8601."),
    "Not a valid email address.": lambda: _("Give a valid email address."),
    "Not a valid list.": lambda: _("Give a list."),
    "Not a valid mapping type.": lambda: _("Give an object."),
    "Must be greater than or equal to {min} and less than or equal to {max}.": lambda **v: _(
        "Give a value from %(min)s to %(max)s.", **v
    ),
    "Must be greater than or equal to {min}.": lambda **v: _("Give at least %(min)s.", **v),
    "Must be less than or equal to {max}.": lambda **v: _("Give at most %(max)s.", **v),
    "Shorter than minimum length {min}.": lambda **v: _("Give at least %(min)s characters.", **v),
    "Longer than maximum length {max}.": lambda **v: _("Give at most %(max)s characters.", **v),
    "Length must be between {min} and {max}.": lambda **v: _(
        "Give %(min)s to %(max)s characters.", **v
    ),
    "Must be one of: {choices}.": lambda **v: _("Choose one of: %(choices)s.", **v),
}


def _pattern(template: str) -> re.Pattern[str]:
    """A template's regular expression, each {name} a named group."""
    return re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(template)) + "$")


PATTERNS = [(_pattern(template), say) for template, say in MESSAGES.items()]


def translated(message: str) -> str:
    """One message in the client's language (one we do not know stays as it is)."""
    for pattern, say in PATTERNS:
        found = pattern.match(message)
        if found:
            return say(**found.groupdict())
    return message


def translated_errors(errors: Any) -> Any:
    """Every message of marshmallow's errors (nested by field and index) translated."""
    if isinstance(errors, dict):
        return {key: translated_errors(value) for key, value in errors.items()}
    if isinstance(errors, list):
        return [translated_errors(value) for value in errors]
    return translated(errors) if isinstance(errors, str) else errors
