"""Links to social-media accounts: https only, the channel recognised from the address."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from paja.errors import RuleViolation

CHANNEL_HOSTS = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "instagram.com": "instagram",
    "x.com": "x",
    "twitter.com": "x",
    "linkedin.com": "linkedin",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "tiktok.com": "tiktok",
    "threads.net": "threads",
    "bsky.app": "bluesky",
    "blogspot.com": "blog",
    "wordpress.com": "blog",
    "medium.com": "blog",
}
CHANNEL_NAMES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X (Twitter)",
    "linkedin": "LinkedIn",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "threads": "Threads",
    "bluesky": "Bluesky",
    "blog": _l("Blog"),
    "website": _l("Website"),
}


def channel_of(url: str) -> str:
    """The channel a link points at ('website' when the address is not a known service)."""
    host = (urlsplit(url).hostname or "").lower()
    for known, channel in CHANNEL_HOSTS.items():
        if host == known or host.endswith("." + known):
            return channel
    return "website"


def clean_link(url: str) -> str:
    """The address trimmed, or a refusal saying what is wrong with it."""
    url = url.strip()
    if not url:
        raise RuleViolation(_("Give the address of the account."), "url")
    if len(url) > 500:
        raise RuleViolation(_("The address is too long."), "url")
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise RuleViolation(_("The address must start with https://."), "url")
    host = parts.hostname or ""
    if "." not in host or parts.username or parts.password or " " in url:
        raise RuleViolation(_("This is not a web address."), "url")
    return url
