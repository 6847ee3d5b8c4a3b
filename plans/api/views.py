"""The plans API: the plans a token's holder is on (or its organisation's), and a plan's
calendar entries, for those who may read the plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_smorest import abort

from paja.api import PageArgs, id_after, page_of, problems, read_cursor, time_key
from paja.api_tokens import api_token, token_reaches, token_required
from plans.api import PLANS_READ, blp
from plans.api.schemas import EntryArgs, EntryPage, PlanPage
from plans.models import Plan
from plans.queries.api import entries_after, plan_by_id, plans_after


@blp.get("/plans")
@blp.doc(security=[{"token": [PLANS_READ]}])
@token_required(PLANS_READ)
@blp.arguments(PageArgs, location="query", as_kwargs=True)
@blp.response(200, PlanPage)
@problems(blp, 400, 401, 403)
def list_plans(limit: int, cursor: str | None) -> Any:
    """Plans: an organisation token's organisation's; a personal token's holder's own, their
    organisations' and those shared with them."""
    token = api_token()
    rows = plans_after(token.user, token.organisation_id, id_after(cursor), limit)
    return page_of(rows, limit, key=lambda plan: str(plan.id))


def _readable_plan(plan_id: int) -> Plan:
    """A plan the token may read (an organisation's token: that organisation's); else 404."""
    plan = plan_by_id(plan_id)
    if plan is None or not token_reaches(plan.organisation_id, plan.can_view):
        abort(404)
    return plan


@blp.get("/plans/<int:plan_id>/entries")
@blp.doc(security=[{"token": [PLANS_READ]}])
@token_required(PLANS_READ)
@blp.arguments(EntryArgs, location="query", as_kwargs=True)
@blp.response(200, EntryPage)
@problems(blp, 400, 401, 403, 404)
def list_entries(
    plan_id: int, limit: int, cursor: str | None, start: date | None, end: date | None
) -> Any:
    """A plan's calendar entries in time order, on Helsinki days start…end when given."""
    plan = _readable_plan(plan_id)
    rows = entries_after(plan, read_cursor(cursor), start, end, limit)
    return page_of(rows, limit, key=lambda entry: time_key(entry.starts_at, entry.id))
