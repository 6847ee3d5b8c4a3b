"""Locale choice and locale-aware formatting of money, numbers and times."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_interval
from babel.dates import format_time as format_wall_time
from babel.units import format_unit
from flask import current_app, has_request_context, request, session
from flask_babel import (
    format_currency,
    format_date,
    format_decimal,
    format_time,
    get_locale,
    gettext,
)
from flask_login import current_user
from markupsafe import Markup

from paja.models import LANGUAGES

LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
# Formats follow Finland: Finland-Swedish, and British rather than US English.
LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
SESSION_KEY = "locale"
HELSINKI = ZoneInfo("Europe/Helsinki")


def select_locale() -> str:
    """The locale for the page: see select_language."""
    return LOCALES[select_language()]


API_PAGES = {"api_docs.docs"}  # pages for people under /api/: in the language they chose


def select_language() -> str:
    """The user's setting, else the visitor's choice, else Accept-Language, else Finnish."""
    default: str = current_app.config["BABEL_DEFAULT_LOCALE"]
    if not has_request_context():
        return default
    if request.path.startswith("/api/") and request.endpoint not in API_PAGES:
        # an API client says its language in each request
        return request.accept_languages.best_match(LANGUAGES) or default
    if current_user.is_authenticated and current_user.locale in LANGUAGES:
        return str(current_user.locale)
    return visitor_language() or default


def visitor_language() -> str | None:
    """The language the visitor chose on the pages, else their browser's (None outside a
    request). A column default: it reads no account, so it is safe while rows are flushed."""
    if not has_request_context():
        return None
    chosen = session.get(SESSION_KEY)
    if chosen in LANGUAGES:
        return str(chosen)
    best: str | None = request.accept_languages.best_match(LANGUAGES)
    return best


def select_timezone() -> str:
    """Everyone sees Finnish time."""
    return str(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def current_language() -> str:
    """The language code (fi, sv, en) of the page being rendered."""
    locale = get_locale()
    return locale.language if locale else current_app.config["BABEL_DEFAULT_LOCALE"]


def mail_language(user: object | None, stored: str | None) -> str | None:
    """The language to mail someone in: their account's choice, else the language of the
    pages they used (stored with their registration, order or answer)."""
    return getattr(user, "locale", None) or stored


def content_lang(language: str) -> Markup:
    """` lang="fi"` for content written in another language than the page, else nothing
    (WCAG 3.1.2: a screen reader then reads a Finnish title on a Swedish page as Finnish)."""
    if language == current_language() or language not in LANGUAGES:
        return Markup("")
    return Markup(' lang="{}"').format(language)


def money(amount: Decimal | int | None, currency: str = "EUR") -> str:
    """An amount in the page's locale, e.g. '500,00 €' in Finnish."""
    if amount is None:
        return ""
    return format_currency(amount, currency)


def number(value: Decimal | float | int) -> str:
    """A number in the page's locale."""
    return format_decimal(value)


def hours(minutes: int) -> str:
    """A duration in hours for the page's locale, e.g. '2 tuntia' or '1,5 hours'."""
    value = (Decimal(minutes) / 60).quantize(Decimal("0.01")).normalize()
    return format_unit(value, "duration-hour", length="long", locale=get_locale())


def helsinki(wall_clock: datetime) -> datetime:
    """A naive date and time typed in Finland, as an aware datetime (UTC)."""
    return wall_clock.replace(tzinfo=HELSINKI).astimezone(UTC)


def wall_clock(value: datetime) -> datetime:
    """An aware datetime as the naive Helsinki date and time a form shows."""
    return value.astimezone(HELSINKI).replace(tzinfo=None)


def when(value: datetime | None) -> str:
    """A date and time in Helsinki time for the page's locale, e.g. '1.6.2026 klo 12.00'."""
    if value is None:
        return ""
    return gettext(
        "%(date)s at %(time)s", date=format_date(value, "medium"), time=format_time(value, "short")
    )


def clock(value: time) -> str:
    """A wall-clock time (already Helsinki time) for the page's locale, e.g. '9.30'."""
    return format_wall_time(value, "short", locale=get_locale())


def period(start: datetime, end: datetime) -> str:
    """A start and end, the date once when both fall on the same Helsinki day:
    10.12.2026 klo 9.00 to 11.00 is written with an en dash."""
    if start.astimezone(HELSINKI).date() == end.astimezone(HELSINKI).date():
        times = f"{format_time(start, 'short')}–{format_time(end, 'short')}"
        return gettext("%(date)s at %(time)s", date=format_date(start, "medium"), time=times)
    return f"{when(start)} – {when(end)}"


def day(value: date | datetime | None) -> str:
    """A date for the page's locale, e.g. '1.6.2026' or '1 juni 2026'."""
    if value is None:
        return ""
    return format_date(value, "medium")


def days(start: date, end: date | None = None) -> str:
    """A date, or a range of dates for the page's locale, e.g. '9-10 nov. 2026' in Swedish."""
    if end is None or end == start:
        return day(start)
    return format_interval(start, end, "yMMMd", locale=get_locale())
