"""What plans hold about a person, for their download and for erasure."""

from __future__ import annotations

import sqlalchemy as sa

from paja.database import utcnow
from paja.extensions import db
from paja.models import User
from paja.privacy import PersonalData
from paja.sql import changed
from plans.models import Comment, Entry, Plan, PlanSection


def export(user: User, data: PersonalData) -> None:
    """The person's own plans with their answers, their comments and the entries they own."""
    own = db.session.scalars(
        sa.select(Plan).where(Plan.owner_id == user.id, Plan.organisation_id.is_(None))
    ).all()
    sections = db.session.scalars(
        sa.select(PlanSection).where(PlanSection.plan_id.in_([p.id for p in own]))
    ).all()
    data.sections["personal_plans"] = [
        {
            "title": p.title,
            "channels": p.channels,
            "answers": {s.key: s.answers for s in sections if s.plan_id == p.id and s.answers},
        }
        for p in own
    ]
    data.sections["plan_comments"] = [
        {"plan": c.plan_id, "section": c.section_key, "text": c.body, "at": c.created_at}
        for c in db.session.scalars(sa.select(Comment).where(Comment.author_id == user.id))
    ]
    data.sections["plan_entries_owned"] = [
        {"plan": e.plan_id, "topic": e.topic, "at": e.starts_at, "status": e.status}
        for e in db.session.scalars(sa.select(Entry).where(Entry.owner_id == user.id))
    ]


def erase(user: User) -> None:
    """Delete the person's own plans and their comments' text; an organisation's plans stay
    with the organisation (their sections and entries are its work)."""
    for plan in db.session.scalars(
        sa.select(Plan).where(Plan.owner_id == user.id, Plan.organisation_id.is_(None))
    ):
        db.session.delete(plan)
    changed(
        sa.update(Comment).where(Comment.author_id == user.id).values(body="", deleted_at=utcnow())
    )
    changed(sa.update(Entry).where(Entry.owner_id == user.id).values(owner_id=None))
