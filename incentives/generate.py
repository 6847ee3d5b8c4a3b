"""Bulk data for `paja generate`: a programme per organisation, its members taking part, and
50 ledger entries per participant (a million at scale 100), with the running totals."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from incentives.labels import StandingView, Visibility
from incentives.models import LedgerEntry, Participant, Score
from incentives.operations.ledger import helsinki_today
from incentives.operations.programmes import ProgrammeDetails, create_programme
from paja.database import utcnow
from paja.extensions import db
from paja.generate import bulk, next_id
from paja.models import Membership, Organisation

PER_PERSON = 50


def generate(scale: int, rng: random.Random) -> dict[str, int]:
    """Programmes for the generated organisations, participants and their ledger."""
    today, now = helsinki_today(), utcnow()
    organisations = db.session.scalars(
        sa.select(Organisation).where(Organisation.name.like("Kunta %")).order_by(Organisation.id.desc())
        .limit(5 * scale)
    ).all()  # fmt: skip
    programmes = [
        create_programme(organisation, ProgrammeDetails(
            "Välitön viestintä vaikuttaa", "Leikkimielinen kilpailu.", today - timedelta(days=40),
            today + timedelta(days=40), StandingView.NEIGHBOURS, 50, 365, ["Tiimi A", "Tiimi B", "Tiimi C"]))
        for organisation in organisations
    ]  # fmt: skip
    db.session.flush()
    first = next_id(Participant)
    participants: list[dict[str, Any]] = []
    ledger: list[dict[str, Any]] = []
    totals: dict[tuple[int, int], int] = defaultdict(int)
    for programme in programmes:
        members = db.session.scalars(
            sa.select(Membership.user_id).where(
                Membership.organisation_id == programme.organisation_id
            )
        ).all()
        categories = [c.id for c in programme.categories]
        for member in members:
            pid = first + len(participants)
            participants.append({
                "id": pid, "programme_id": programme.id, "user_id": member,
                "team_id": programme.teams[pid % 3].id, "visibility": rng.choice(list(Visibility)),
                "pseudonym": f"Nimimerkki {pid}", "joined_at": now, "points": 0,
            })  # fmt: skip
            for n in range(PER_PERSON):
                category, points = rng.choice(categories), rng.choice((5, 10, 15, 20))
                totals[(pid, category)] += points
                ledger.append({"programme_id": programme.id, "participant_id": pid, "category_id": category,
                               "points": points, "source": f"gen:{n}", "generation": 0, "reason": "",
                               "created_at": now - timedelta(days=rng.randint(0, 39))})  # fmt: skip
    overall: dict[int, int] = defaultdict(int)
    for (participant, _category), value in totals.items():
        overall[participant] += value
    for row in participants:
        row["points"] = overall[row["id"]]
    bulk(Participant, participants)
    bulk(LedgerEntry, ledger)
    programme_of = {row["id"]: row["programme_id"] for row in participants}
    bulk(Score, [{"participant_id": p, "category_id": c, "programme_id": programme_of[p], "points": v}
                 for (p, c), v in totals.items()])  # fmt: skip
    return {
        "programmes": len(programmes),
        "participants": len(participants),
        "ledger entries": len(ledger),
    }
