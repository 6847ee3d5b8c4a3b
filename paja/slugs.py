"""Address names (slugs) of workshops and courses: one pattern, one reserved-name rule."""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.orm import InstrumentedAttribute

from paja.errors import RuleViolation
from paja.extensions import db

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# Letters that do not decompose into a plain letter and a mark.
PLAIN_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss"})  # fmt: skip


def slugify(text: str) -> str:
    """An address name from text: 'Åsa Öhman-Łukasiewicz' -> 'asa-ohman-lukasiewicz'."""
    plain = unicodedata.normalize("NFKD", text.translate(PLAIN_LETTERS))
    plain = plain.encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


def reserved_under(prefix: str) -> set[str]:
    """The names the app's own pages use right below a prefix (e.g. 'orders' under /trainings).

    Read from the URL map, so a page added later reserves its name without anyone
    remembering to list it.
    """
    start = prefix.rstrip("/") + "/"
    names = set()
    for rule in current_app.url_map.iter_rules():
        if rule.rule.startswith(start):
            first = rule.rule[len(start) :].split("/", 1)[0]
            if first and "<" not in first:
                names.add(first.split(".", 1)[0])
    return names


def check_slug(
    slug: str, prefix: str, column: InstrumentedAttribute[str], own_id: int | None, taken: str
) -> None:
    """Refuse an address name that is malformed, would hide one of the app's pages, or is
    used by another row of `column` (`taken` says so in the reader's language)."""
    if not re.fullmatch(SLUG_PATTERN, slug):
        raise RuleViolation(
            _("Use lower-case letters, digits and hyphens, e.g. some-start."), "slug"
        )
    if slug in reserved_under(prefix):
        raise RuleViolation(_("This address name is reserved; choose another."), "slug")
    others = sa.select(column).where(column == slug)
    if own_id is not None:
        others = others.where(column.class_.id != own_id)
    if db.session.scalar(others.limit(1)) is not None:
        raise RuleViolation(taken, "slug")
