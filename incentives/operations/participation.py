"""Joining and leaving a programme, and choosing how one appears on the boards."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from incentives.labels import Visibility
from incentives.models import Participant, Programme, Team
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Membership, User


def _checked_pseudonym(programme: Programme, visibility: Visibility, pseudonym: str,
                       participant: Participant | None) -> str:  # fmt: skip
    """The pseudonym when one is needed: given, and not another participant's."""
    pseudonym = pseudonym.strip()
    if visibility != Visibility.PSEUDONYM:
        return ""
    if not pseudonym:
        raise RuleViolation(_("Choose a pseudonym."), "pseudonym")
    taken = db.session.scalar(
        sa.select(Participant.id).where(
            Participant.programme_id == programme.id,
            sa.func.lower(Participant.pseudonym) == pseudonym.lower(),
            Participant.id != (participant.id if participant else 0),
        )
    )
    if taken:
        raise RuleViolation(_("Someone already uses this pseudonym."), "pseudonym")
    return pseudonym


def join(programme: Programme, user: User, visibility: Visibility, pseudonym: str,
         team: Team | None) -> Participant:  # fmt: skip
    """Take part (again): by name, by a pseudonym, or off the boards."""
    if db.session.get(Membership, (programme.organisation_id, user.id)) is None:
        raise RuleViolation(_("Only the organisation's members take part."))
    if team is not None and team.programme_id != programme.id:
        raise RuleViolation(_("Choose one of the listed options."), "team")
    participant = db.session.scalar(
        sa.select(Participant).where(
            Participant.programme_id == programme.id, Participant.user_id == user.id
        )
    )
    name = _checked_pseudonym(programme, visibility, pseudonym, participant)
    if participant is None:
        participant = Participant(programme_id=programme.id, user_id=user.id)
        db.session.add(participant)
    participant.visibility, participant.pseudonym, participant.team = visibility, name, team
    participant.left_at = None
    db.session.flush()
    return participant


def leave(participant: Participant) -> None:
    """Leave the programme: off every board at once (one's own points stay one's own)."""
    participant.left_at = utcnow()
    db.session.flush()
