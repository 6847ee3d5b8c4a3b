"""Locale choice and locale-aware formatting of money, numbers and times."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from flask import current_app, has_request_context, request, session
from flask_babel import format_currency, format_datetime, format_decimal, get_locale
from flask_login import current_user

from paja.models import LANGUAGES

LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
SESSION_KEY = "locale"


def select_locale() -> str:
    """The user's setting, else the visitor's choice, else Accept-Language, else Finnish."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user.is_authenticated and current_user.locale in LANGUAGES:
        return current_user.locale
    chosen = session.get(SESSION_KEY)
    if chosen in LANGUAGES:
        return chosen
    return (
        request.accept_languages.best_match(LANGUAGES) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def select_timezone() -> str:
    """Everyone sees Finnish time."""
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def current_language() -> str:
    """The language code of the page being rendered."""
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def money(amount: Decimal | int | None, currency: str = "EUR") -> str:
    """An amount in the page's locale, e.g. '500,00 €' in Finnish."""
    if amount is None:
        return ""
    return format_currency(amount, currency)


def number(value: Decimal | float | int) -> str:
    """A number in the page's locale."""
    return format_decimal(value)


def when(value: datetime | None, form: str = "medium") -> str:
    """A date and time in Helsinki time, formatted for the page's locale."""
    if value is None:
        return ""
    return format_datetime(value, form)
