"""Translated names of channels, entry formats and statuses, and people's roles on a plan."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from babel.dates import get_day_names
from flask_babel import format_date, get_locale
from flask_babel import lazy_gettext as _l


class Channel(StrEnum):
    """A social-media channel a plan covers."""

    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    LINKEDIN = "linkedin"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    BLOG = "blog"
    OTHER = "other"


class Format(StrEnum):
    """What kind of publication a calendar entry is."""

    POST = "post"
    STORY = "story"
    VIDEO = "video"
    EVENT = "event"
    POLL = "poll"
    AD = "ad"


class Status(StrEnum):
    """Where a calendar entry is on its way from idea to published, in order."""

    IDEA = "idea"
    DRAFT = "draft"
    REVIEW = "review"
    APPROVED = "approved"
    PUBLISHED = "published"


class PlanRole(StrEnum):
    """What a person may do with a plan; the owner may do everything."""

    OWNER = "owner"
    EDITOR = "editor"
    COMMENTER = "commenter"
    VIEWER = "viewer"


CHANNEL_LABELS = {
    Channel.FACEBOOK: "Facebook",
    Channel.INSTAGRAM: "Instagram",
    Channel.X: "X (Twitter)",
    Channel.LINKEDIN: "LinkedIn",
    Channel.YOUTUBE: "YouTube",
    Channel.TIKTOK: "TikTok",
    Channel.BLOG: _l("Blog"),
    Channel.OTHER: _l("Other channel"),
}
FORMAT_LABELS = {
    Format.POST: _l("Post"),
    Format.STORY: _l("Story"),
    Format.VIDEO: _l("Video"),
    Format.EVENT: _l("Event"),
    Format.POLL: _l("Poll"),
    Format.AD: _l("Advertisement"),
}
STATUS_LABELS = {
    Status.IDEA: _l("Idea"),
    Status.DRAFT: _l("Draft"),
    Status.REVIEW: _l("In review"),
    Status.APPROVED: _l("Approved"),
    Status.PUBLISHED: _l("Published"),
}
ROLE_LABELS = {
    PlanRole.OWNER: _l("Plan owner"),
    PlanRole.EDITOR: _l("Editor"),
    PlanRole.COMMENTER: _l("Commenter"),
    PlanRole.VIEWER: _l("Viewer"),
}


def channel_names(channels: list[Channel]) -> str:
    """The channels' names, comma-separated."""
    return ", ".join(str(CHANNEL_LABELS[channel]) for channel in channels)


def weekday_names() -> list[str]:
    """Monday-first names of the weekdays in the page's language."""
    names = get_day_names("wide", context="stand-alone", locale=get_locale())
    return [names[day] for day in range(7)]


def month_name(first: date) -> str:
    """A month and its year in the page's language, e.g. 'joulukuu 2026'."""
    return format_date(first, "LLLL y")
