"""Logging an activity (with the cheat guard and the caps) and the manager's decision on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

import sqlalchemy as sa
from flask_babel import gettext as _

from incentives.labels import ClaimStatus, Source
from incentives.models import ActivityType, Claim, Participant
from incentives.operations.ledger import award, lock, revoke, within_caps
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import User

PER_MINUTE = 10  # at most this many activities logged a minute
PAUSE = timedelta(minutes=3)  # the same activity counted again only after this pause


@dataclass(frozen=True)
class Evidence:
    """What the participant did, and how it can be seen."""

    done_on: date
    link: str = ""
    text: str = ""


def log_activity(
    participant: Participant, activity_type: ActivityType, evidence: Evidence, today: date
) -> Claim:
    """Log an activity: counted at once, or waiting for a manager's approval."""
    _check(participant, activity_type, evidence, today)
    lock(participant)  # from here on, no racing request of this participant counts alongside
    _guard(participant, activity_type)
    count = partial(_claims_since, participant, activity_type)
    if not within_caps(count, activity_type, today):
        raise RuleViolation(_("You have reached the limit for this activity."), "activity")
    claim = Claim(participant=participant, activity_type=activity_type, done_on=evidence.done_on,
                  evidence_link=evidence.link, evidence_text=evidence.text)  # fmt: skip
    db.session.add(claim)
    db.session.flush()
    if not activity_type.needs_approval:
        credit(claim, None)
    return claim


def _check(
    participant: Participant, activity: ActivityType, evidence: Evidence, today: date
) -> None:
    """Refuse what cannot be logged: someone who left, another programme's or an automatic
    type, a missing proof, a day outside the programme or in the future."""
    programme = participant.programme
    if not participant.active:
        raise RuleViolation(_("Join the programme first."))
    if not programme.is_running(today):
        raise RuleViolation(_("The programme is not running: activities cannot be logged now."))
    if (
        activity.category.programme_id != programme.id
        or activity.source != Source.LOGGED
        or not activity.active
    ):
        raise RuleViolation(_("Choose one of the listed options."), "activity")
    if activity.evidence_required and not (evidence.link or evidence.text):
        raise RuleViolation(_("Add a link or a description to show what you did."), "evidence_text")
    if not programme.starts_on <= evidence.done_on <= today:
        raise RuleViolation(_("Give a day within the programme, not in the future."), "done_on")


def _guard(participant: Participant, activity: ActivityType) -> None:
    """The cheat guard: ten activities a minute at most, and a pause before the same again."""
    now = utcnow()
    recent = db.session.execute(
        sa.select(Claim.activity_type_id, Claim.created_at).where(
            Claim.participant_id == participant.id, Claim.created_at >= now - PAUSE
        )
    ).all()
    if sum(at >= now - timedelta(minutes=1) for _type, at in recent) >= PER_MINUTE:
        raise RuleViolation(_("That was quick: wait a minute before logging more."))
    if any(type_id == activity.id for type_id, _at in recent):
        raise RuleViolation(
            _("You just logged this activity: wait a few minutes before the next one."), "activity"
        )


def _claims_since(participant: Participant, activity: ActivityType, since: date | None) -> int:
    """Logged activities of the type that count or wait (not rejected) since a day."""
    statement = sa.select(sa.func.count()).where(
        Claim.participant_id == participant.id,
        Claim.activity_type_id == activity.id,
        Claim.status != ClaimStatus.REJECTED,
    )
    if since is not None:
        statement = statement.where(Claim.done_on >= since)
    return db.session.scalar(statement) or 0


def credit(claim: Claim, manager: User | None) -> None:
    """Approve a claim and credit its points in the ledger."""
    claim.status, claim.decided_at = ClaimStatus.APPROVED, utcnow()
    claim.decided_by_id = manager.id if manager else None
    activity = claim.activity_type
    award(claim.participant, activity.category, activity.points, f"claim:{claim.id}",
          activity.name, activity, manager)  # fmt: skip


def approve(claim: Claim, manager: User, reason: str = "") -> None:
    """A manager approves a waiting (or earlier rejected) activity."""
    if claim.status == ClaimStatus.APPROVED:
        raise RuleViolation(_("This activity is approved already."))
    claim.reason = reason.strip()
    credit(claim, manager)
    db.session.flush()


def reject(claim: Claim, manager: User, reason: str) -> None:
    """A manager rejects an activity with a reason the participant sees; approved points go."""
    if not reason.strip():
        raise RuleViolation(_("Tell the participant why."), "reason")
    if claim.status == ClaimStatus.REJECTED:
        raise RuleViolation(_("This activity is rejected already."))
    if claim.status == ClaimStatus.APPROVED:
        revoke(claim.participant, f"claim:{claim.id}", reason.strip())
    claim.status, claim.reason = ClaimStatus.REJECTED, reason.strip()
    claim.decided_by_id, claim.decided_at = manager.id, utcnow()
    db.session.flush()
