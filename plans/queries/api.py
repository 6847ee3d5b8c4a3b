"""What the plans API reads: pages of plans and of a plan's calendar entries."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from paja.api import later_than, on_days
from paja.extensions import db
from paja.models import User
from plans.models import Entry, Plan
from plans.queries.plans import visible_to


def plans_after(user: User, organisation_id: int | None, after: int, limit: int) -> list[Plan]:
    """Up to limit + 1 plans by id after the cursor: an organisation's, or those the user
    is on (their own, their organisations', shared with them as a session's trainer)."""
    whose = Plan.organisation_id == organisation_id if organisation_id else visible_to(user)
    return list(
        db.session.scalars(
            sa.select(Plan).where(whose, Plan.id > after).order_by(Plan.id).limit(limit + 1)
        )
    )


def plan_by_id(plan_id: int) -> Plan | None:
    """A plan by its id."""
    return db.session.get(Plan, plan_id)


def entries_after(
    plan: Plan, after: str | None, first: date | None, last: date | None, limit: int
) -> list[Entry]:
    """Up to limit + 1 of the plan's entries in time order after the cursor, on Helsinki
    days first…last when given."""
    statement = sa.select(Entry).where(
        Entry.plan_id == plan.id,
        on_days(Entry.starts_at, first, last),
        later_than(after, Entry.starts_at, Entry.id),
    )
    return list(db.session.scalars(statement.order_by(Entry.starts_at, Entry.id).limit(limit + 1)))
