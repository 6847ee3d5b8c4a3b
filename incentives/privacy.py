"""What incentive programmes hold about a person, for their download, erasure and retention."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from incentives.models import Claim, LedgerEntry, Participant, Programme
from paja.database import utcnow
from paja.extensions import db
from paja.models import User
from paja.privacy import PersonalData
from paja.sql import changed


def export(user: User, data: PersonalData) -> None:
    """Participations, logged activities and the points ledger."""
    participations = db.session.scalars(
        sa.select(Participant).where(Participant.user_id == user.id)
    ).all()
    ids = [p.id for p in participations]
    data.sections["programme_participations"] = [
        {"programme": p.programme.name, "visibility": p.visibility, "pseudonym": p.pseudonym,
         "joined_at": p.joined_at, "left_at": p.left_at}
        for p in participations
    ]  # fmt: skip
    data.sections["programme_activities"] = [
        {"activity": c.activity_type.name, "done_on": c.done_on, "link": c.evidence_link,
         "text": c.evidence_text, "status": c.status, "reason": c.reason}
        for c in db.session.scalars(sa.select(Claim).where(Claim.participant_id.in_(ids)))
    ]  # fmt: skip
    data.sections["programme_points"] = [
        {"points": e.points, "category": e.category.name_fi, "reason": e.reason, "at": e.created_at}
        for e in db.session.scalars(
            sa.select(LedgerEntry).where(LedgerEntry.participant_id.in_(ids))
        )
    ]


def erase(user: User) -> None:
    """Off every board, and the evidence and pseudonyms gone; points stay as anonymous totals."""
    ids = sa.select(Participant.id).where(Participant.user_id == user.id)
    changed(sa.update(Claim).where(Claim.participant_id.in_(ids))
            .values(evidence_link="", evidence_text=""))  # fmt: skip
    changed(sa.update(Participant).where(Participant.user_id == user.id)
            .values(user_id=None, pseudonym="", left_at=utcnow()))  # fmt: skip


def anonymise_ended(now: datetime) -> int:
    """Past each programme's end plus its keeping time, cut participants from their persons:
    boards and the report's totals stay, nobody's points can be traced back. How many people."""
    ended = db.session.scalars(sa.select(Programme).where(Programme.anonymised_at.is_(None))).all()
    count = 0
    for programme in ended:
        if now.date() <= programme.ends_on + timedelta(days=programme.keep_days):
            continue
        ids = sa.select(Participant.id).where(Participant.programme_id == programme.id)
        changed(sa.update(Claim).where(Claim.participant_id.in_(ids))
                .values(evidence_link="", evidence_text="", reason=""))  # fmt: skip
        changed(sa.update(LedgerEntry).where(LedgerEntry.programme_id == programme.id)
                .values(reason="", created_by_id=None))  # fmt: skip
        count += changed(sa.update(Participant).where(Participant.programme_id == programme.id)
                         .values(user_id=None, pseudonym=""))  # fmt: skip
        programme.anonymised_at = now
    db.session.flush()
    return count
