"""A person's calendar feed of the entries they own."""

from __future__ import annotations

from paja.extensions import db
from paja.models import User
from plans.models import PersonalFeed, new_token


def renew_personal_feed(user: User) -> str:
    """Make the user's feed, or give it a new address (the old one stops working)."""
    feed = db.session.get(PersonalFeed, user.id)
    if feed is None:
        feed = PersonalFeed(user_id=user.id)
        db.session.add(feed)
    feed.token = new_token()
    db.session.flush()
    return feed.token
