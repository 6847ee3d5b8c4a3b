"""Programmes a person sees, their participation, claims waiting, managers and ledgers."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from incentives.labels import ClaimStatus
from incentives.models import Claim, LedgerEntry, Participant, Programme, ProgrammeManager
from paja.extensions import db
from paja.models import Membership, Organisation, Role, User


def programmes_of(user: User) -> list[Programme]:
    """The programmes of the organisations the user belongs to, newest first."""
    organisations = sa.select(Membership.organisation_id).where(Membership.user_id == user.id)
    return list(
        db.session.scalars(
            sa.select(Programme)
            .where(Programme.organisation_id.in_(organisations))
            .order_by(Programme.starts_on.desc(), Programme.id)
        )
    )


def managed_organisations(user: User) -> list[Organisation]:
    """Organisations whose programmes the user manages (and is still a member of)."""
    return list(
        db.session.scalars(
            sa.select(Organisation)
            .join(ProgrammeManager, ProgrammeManager.organisation_id == Organisation.id)
            .join(
                Membership,
                sa.and_(
                    Membership.organisation_id == Organisation.id,
                    Membership.user_id == ProgrammeManager.user_id,
                ),
            )
            .where(ProgrammeManager.user_id == user.id)
            .order_by(Organisation.name)
        )
    )


def managers_of(organisation: Organisation) -> list[ProgrammeManager]:
    """An organisation's programme managers, by name."""
    return sorted(
        db.session.scalars(
            sa.select(ProgrammeManager).where(ProgrammeManager.organisation_id == organisation.id)
        ),
        key=lambda m: m.user.name,
    )


def participant_of(programme: Programme, user: User) -> Participant | None:
    """The user's participation (active or left), if any."""
    if not user.is_authenticated:
        return None
    return db.session.scalar(
        sa.select(Participant).where(
            Participant.programme_id == programme.id, Participant.user_id == user.id
        )
    )


def claims_of(participant: Participant) -> list[Claim]:
    """The participant's logged activities, newest first (the latest 100)."""
    return list(
        db.session.scalars(
            sa.select(Claim)
            .where(Claim.participant_id == participant.id)
            .order_by(Claim.created_at.desc(), Claim.id.desc())
            .limit(100)
        )
    )


def ledger_of(participant: Participant) -> list[LedgerEntry]:
    """The participant's ledger, newest first (the latest 200)."""
    return list(
        db.session.scalars(
            sa.select(LedgerEntry)
            .where(LedgerEntry.participant_id == participant.id)
            .order_by(LedgerEntry.id.desc())
            .limit(200)
        )
    )


def waiting_claims(programme: Programme) -> list[Claim]:
    """Activities waiting for a manager's decision, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Claim)
            .join(Participant, Participant.id == Claim.participant_id)
            .where(Participant.programme_id == programme.id, Claim.status == ClaimStatus.PENDING)
            .order_by(Claim.created_at, Claim.id)
            .limit(200)
        )
    )


def active_participants(programme: Programme) -> list[Participant]:
    """Everyone taking part now, by name (managers choose whom to give a bonus)."""
    found = db.session.scalars(
        sa.select(Participant)
        .options(joinedload(Participant.user).lazyload("*"))
        .where(Participant.programme_id == programme.id, Participant.left_at.is_(None))
    )
    return sorted(found, key=lambda p: p.user.name if p.user else "")


def claim_by_id(claim_id: int) -> Claim | None:
    """A claim by id."""
    return db.session.get(Claim, claim_id)


def staff_organisations(user: User) -> list[Organisation]:
    """Organisations whose programme managers the user names: every one for admins, else
    those where the user is a customer contact."""
    statement = sa.select(Organisation).order_by(Organisation.name)
    if not user.has_role(Role.ADMIN):
        if not user.has_role(Role.CUSTOMER):
            return []
        statement = statement.join(Membership).where(Membership.user_id == user.id)
    return list(db.session.scalars(statement.limit(500)))
