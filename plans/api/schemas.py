"""What the plans API answers."""

from __future__ import annotations

import marshmallow as ma

from paja.api import PageArgs, page_schema
from paja.links import absolute_url


class PlanSchema(ma.Schema):
    """A social-media plan."""

    id = ma.fields.Integer(required=True)
    title = ma.fields.String(required=True)
    language = ma.fields.String(required=True)
    organisation = ma.fields.Function(
        lambda p: p.organisation.name if p.organisation else None,
        allow_none=True,
        required=True,
        metadata={"type": "string", "description": "Null for one person's own plan."},
    )
    channels = ma.fields.Function(
        lambda p: [str(c) for c in p.channel_list],
        required=True,
        metadata={"type": "array", "items": {"type": "string"}},
    )
    url = ma.fields.Function(lambda p: absolute_url("plans.plan", plan_id=p.id), required=True)


PlanPage = page_schema(PlanSchema, "PlanPage")


class EntryArgs(PageArgs):
    """Entries on Helsinki days from…to (both optional)."""

    start = ma.fields.Date(load_default=None)
    end = ma.fields.Date(load_default=None)


class EntrySchema(ma.Schema):
    """A calendar entry: something to publish, when and where, and how far it is."""

    id = ma.fields.Integer(required=True)
    starts_at = ma.fields.AwareDateTime(required=True)
    channel = ma.fields.String(required=True)
    format = ma.fields.String(required=True)
    topic = ma.fields.String(required=True)
    text = ma.fields.String(required=True)
    goal = ma.fields.String(required=True)
    audience = ma.fields.String(required=True)
    alt_text = ma.fields.String(required=True)
    status = ma.fields.String(
        required=True, metadata={"description": "idea, draft, review, approved or published."}
    )
    deadline = ma.fields.Date(allow_none=True, required=True)
    owner = ma.fields.Function(
        lambda e: e.owner.name if e.owner else None,
        allow_none=True,
        required=True,
        metadata={"type": "string", "description": "Who publishes it (null: not decided)."},
    )


EntryPage = page_schema(EntrySchema, "EntryPage")
