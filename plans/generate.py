"""Bulk data for `paja generate`: an organisation's plan with a busy calendar, per scale step."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from paja.database import utcnow
from paja.extensions import db
from paja.generate import bulk, next_id
from paja.models import Membership, Organisation
from plans.labels import Channel, Format, Status
from plans.models import Entry, Plan, PlanSection
from plans.worksheet import SECTIONS

ENTRIES = 50


def generate(scale: int, rng: random.Random) -> dict[str, int]:
    """One plan for each of the last `scale` organisations, with 50 calendar entries each."""
    organisations = db.session.scalars(
        sa.select(Organisation.id).order_by(Organisation.id.desc()).limit(scale)
    ).all()
    first_plan, now = next_id(Plan), utcnow()
    plans: list[dict[str, Any]] = []
    owners: dict[int, int] = {}
    for n, organisation in enumerate(organisations):
        owner = db.session.scalar(
            sa.select(Membership.user_id).where(Membership.organisation_id == organisation).limit(1)
        )
        if owner is None:
            continue
        owners[first_plan + n] = owner
        plans.append({"id": first_plan + n, "title": f"Somesuunnitelma {organisation}", "owner_id": owner,
                      "organisation_id": organisation, "channels": "facebook,instagram",
                      "feed_token": f"gen-feed-{first_plan + n}", "created_at": now})  # fmt: skip
    bulk(Plan, plans)
    bulk(PlanSection, [{"plan_id": p["id"], "key": s.key, "answers": {}, "version": 0}
                       for p in plans for s in SECTIONS])  # fmt: skip
    statuses = list(Status)
    entries = [
        {"plan_id": p["id"], "starts_at": now + timedelta(hours=rng.randint(-24 * 30, 24 * 90)),
         "channel": rng.choice((Channel.FACEBOOK, Channel.INSTAGRAM)), "format": Format.POST,
         "topic": f"Julkaisu {n}", "text": "", "goal": "", "audience": "", "alt_text": "",
         "owner_id": owners[p["id"]], "author_id": owners[p["id"]], "status": rng.choice(statuses),
         "sequence": 0, "created_at": now}
        for p in plans for n in range(ENTRIES)
    ]  # fmt: skip
    bulk(Entry, entries)
    return {"plans": len(plans), "calendar entries": len(entries)}
