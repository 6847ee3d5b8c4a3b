"""Demo people and the way demo plans are written (sections, comments, entries)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa

from paja.demo import DEMO_PASSWORD
from paja.extensions import db
from paja.i18n import helsinki
from paja.models import Membership, Organisation, Role, User
from plans.labels import Channel, Format, Status
from plans.mentions import mentioned_in
from plans.models import Comment, Entry, Plan, PlanSection, SectionVersion


def person(email: str, name: str, organisation: Organisation | None, role: Role) -> User:
    """A demo account (created when missing) and its membership."""
    user = db.session.scalar(sa.select(User).where(User.email == email))
    if user is None:
        user = User(email=email, name=name)
        user.set_password(DEMO_PASSWORD)
        user.set_roles({role, Role.PARTICIPANT})
        db.session.add(user)
        db.session.flush()
    if organisation is not None and db.session.get(Membership, (organisation.id, user.id)) is None:
        db.session.add(Membership(organisation=organisation, user=user))
    return user


def organisation(business_id: str) -> Organisation | None:
    """A demo organisation by its business ID."""
    return db.session.scalar(sa.select(Organisation).where(Organisation.business_id == business_id))


def write(plan: Plan, author: User, answers: dict[str, dict[str, Any]]) -> None:
    """Fill in sections as one save each by the author (version 1 in the history)."""
    for key, given in answers.items():
        section = db.session.get(PlanSection, (plan.id, key))
        assert section is not None
        section.answers, section.version, section.updated_by_id = given, 1, author.id
        db.session.add(
            SectionVersion(plan_id=plan.id, key=key, version=1, answers=given, author=author)
        )


def thread(
    plan: Plan, key: str, people: list[User], *said: tuple[User, str], resolved: bool = False
) -> None:
    """A comment thread: the first comment and its replies, with their mentions."""
    first: Comment | None = None
    for author, body in said:
        comment = Comment(plan_id=plan.id, section_key=key, author=author, body=body,
                          mentioned=mentioned_in(body, people), thread_id=first.id if first else None)  # fmt: skip
        db.session.add(comment)
        db.session.flush()
        first = first or comment
    if resolved and first is not None:
        first.resolved_at = first.created_at


def entry(plan: Plan, day: date, hour: int, channel: Channel, fmt: Format, topic: str, status: Status,
          author: User, owner: User, approver: User | None = None, text: str = "", goal: str = "",
          alt: str = "", series: str | None = None) -> None:  # fmt: skip
    """One calendar entry at a Helsinki time."""
    db.session.add(Entry(
        plan=plan, starts_at=helsinki(datetime.combine(day, time(hour))), channel=channel, format=fmt,
        topic=topic, text=text, goal=goal, alt_text=alt, status=status, author=author, owner=owner,
        approved_by_id=approver.id if approver and status in (Status.APPROVED, Status.PUBLISHED) else None,
        series=series,
    ))  # fmt: skip
