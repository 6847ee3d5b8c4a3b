"""A plan's comment threads: by section, all of them open first, and counts."""

from __future__ import annotations

import sqlalchemy as sa

from paja.extensions import db
from plans.models import Comment, Plan


def threads_of(plan: Plan, section_key: str) -> list[Comment]:
    """A section's threads (first comments with their replies), oldest first."""
    return list(
        db.session.scalars(
            sa.select(Comment)
            .where(
                Comment.plan_id == plan.id,
                Comment.section_key == section_key,
                Comment.thread_id.is_(None),
            )
            .order_by(Comment.id)
        )
    )


def all_threads(plan: Plan) -> list[Comment]:
    """Every thread of the plan: open ones first, then by section and age."""
    threads = db.session.scalars(
        sa.select(Comment)
        .where(Comment.plan_id == plan.id, Comment.thread_id.is_(None))
        .order_by(Comment.resolved_at.is_not(None), Comment.id)
    ).all()
    return list(threads)


def open_counts(plan: Plan) -> dict[str, int]:
    """How many open threads each section has."""
    rows = db.session.execute(
        sa.select(Comment.section_key, sa.func.count())
        .where(
            Comment.plan_id == plan.id,
            Comment.thread_id.is_(None),
            Comment.resolved_at.is_(None),
        )
        .group_by(Comment.section_key)
    )
    return {str(key): int(count) for key, count in rows}


def comment_by_id(comment_id: int) -> Comment | None:
    """A comment by its id."""
    return db.session.get(Comment, comment_id)
