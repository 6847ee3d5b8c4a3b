"""When and how a delivery runs: one rule set for open sessions, confirmed orders, event days."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from paja.database import utcnow
from paja.errors import RuleViolation
from trainings.models import DeliveryMode


def check_times(starts_at: datetime, ends_at: datetime, closes_at: datetime | None = None) -> None:
    """Refuse an end before the start, a start in the past, or a deadline after the start."""
    if ends_at <= starts_at:
        raise RuleViolation(_("The end must be after the start."), "ends_at")
    if starts_at <= utcnow():
        raise RuleViolation(_("The start must be in the future."), "starts_at")
    if closes_at is not None and closes_at > starts_at:
        raise RuleViolation(
            _("Registration must close before the start."), "registration_closes_at"
        )


def check_delivery(mode: str, place: str, meeting_url: str) -> None:
    """On site needs a place, remote a meeting link, hybrid both; links are https only.

    The same for every delivery: a hybrid session made from an order needs its link just as
    an open hybrid session does, since its remote participants cannot join without one.
    """
    if meeting_url.strip() and not meeting_url.strip().startswith("https://"):
        raise RuleViolation(_("The meeting link must start with https://."), "meeting_url")
    if mode != DeliveryMode.REMOTE and not place.strip():
        raise RuleViolation(_("Give the place of the workshop."), "place")
    if mode != DeliveryMode.ONSITE and not meeting_url.strip():
        raise RuleViolation(_("A remote workshop needs a meeting link."), "meeting_url")


def mode_of(place: str, meeting_url: str) -> DeliveryMode:
    """The mode an event day's place and link make: both hybrid, a link alone remote."""
    if place.strip() and meeting_url.strip():
        return DeliveryMode.HYBRID
    return DeliveryMode.REMOTE if meeting_url.strip() else DeliveryMode.ONSITE


def check_day_delivery(place: str, meeting_url: str) -> DeliveryMode:
    """An event day needs a place or a meeting link (or both); its mode follows from them."""
    if not place.strip() and not meeting_url.strip():
        raise RuleViolation(_("Give the place or the meeting link."), "place")
    mode = mode_of(place, meeting_url)
    check_delivery(mode, place, meeting_url)
    return mode
