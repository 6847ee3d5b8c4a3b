"""Certificates as people, trainers and admins look them up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from courses.models import Certificate, Enrolment, normalise_code
from paja.extensions import db
from paja.models import User
from trainings.models import Registration, TrainingSession

LIVE = Certificate.superseded_by_id.is_(None)


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate with a code as typed (case, spaces and dashes do not matter)."""
    return db.session.scalar(sa.select(Certificate).where(Certificate.code == normalise_code(code)))


def live_certificate(enrolment: Enrolment | None) -> Certificate | None:
    """The certificate of an enrolment that has not been replaced (valid or revoked)."""
    if enrolment is None:
        return None
    return db.session.scalar(
        sa.select(Certificate).where(Certificate.enrolment_id == enrolment.id, LIVE)
    )


def revoked_for(registration: Registration) -> Certificate | None:
    """A registration's live certificate when it was revoked (attendance unmarked earlier)."""
    return db.session.scalar(
        sa.select(Certificate).where(
            Certificate.registration_id == registration.id,
            LIVE,
            Certificate.revoked_at.is_not(None),
        )
    )


def session_certificates(session: TrainingSession) -> list[Certificate]:
    """The valid attendance certificates of a session, by name."""
    return list(
        db.session.scalars(
            sa.select(Certificate)
            .where(Certificate.session_id == session.id, LIVE, Certificate.revoked_at.is_(None))
            .order_by(Certificate.name, Certificate.id)
        )
    )


def certificates_of(user: User) -> list[Certificate]:
    """A person's certificates that have not been replaced, newest achievement first."""
    return list(
        db.session.scalars(
            sa.select(Certificate)
            .where(Certificate.user_id == user.id, LIVE)
            .order_by(Certificate.achieved_on.desc(), Certificate.id.desc())
        )
    )


def of_staff(organisations: sa.Select[Any] | list[int]) -> sa.ColumnElement[bool]:
    """Valid certificates of the organisations' staff: from sessions they ordered, or from
    courses their staff enrolled on for them (as their contacts see them)."""
    ordered = sa.select(TrainingSession.id).where(
        TrainingSession.organisation_id.in_(organisations)
    )
    enrolled = sa.select(Enrolment.id).where(Enrolment.organisation_id.in_(organisations))
    return sa.and_(
        LIVE,
        Certificate.revoked_at.is_(None),
        sa.or_(Certificate.session_id.in_(ordered), Certificate.enrolment_id.in_(enrolled)),
    )


@dataclass(frozen=True)
class CertificateFilter:
    """What the admin narrows the certificate list by."""

    course_id: int | None = None
    session_id: int | None = None
    start: date | None = None
    end: date | None = None
    text: str = ""

    def conditions(self) -> list[sa.ColumnElement[bool]]:
        """The filter as SQL conditions."""
        found: list[sa.ColumnElement[bool]] = []
        if self.course_id:
            found.append(Certificate.course_id == self.course_id)
        if self.session_id:
            found.append(Certificate.session_id == self.session_id)
        if self.start:
            found.append(Certificate.achieved_on >= self.start)
        if self.end:
            found.append(Certificate.achieved_on <= self.end)
        if self.text:
            pattern = f"%{self.text}%"
            found.append(sa.or_(Certificate.name.ilike(pattern), Certificate.code.ilike(pattern)))
        return found


def find_certificates(wanted: CertificateFilter, limit: int) -> tuple[int, list[Certificate]]:
    """How many certificates match, and the newest `limit` of them."""
    conditions = wanted.conditions()
    total = db.session.scalar(sa.select(sa.func.count(Certificate.id)).where(*conditions)) or 0
    rows = db.session.scalars(
        sa.select(Certificate)
        .where(*conditions)
        .order_by(Certificate.issued_at.desc(), Certificate.id.desc())
        .limit(limit)
    )
    return total, list(rows)


def certified_sessions() -> Sequence[TrainingSession]:
    """Sessions that have issued certificates, newest first (for the filter's choices)."""
    return db.session.scalars(
        sa.select(TrainingSession)
        .where(TrainingSession.id.in_(sa.select(Certificate.session_id)))
        .options(joinedload(TrainingSession.offering))
        .order_by(TrainingSession.starts_at.desc())
    ).all()


def withdrawn_ids() -> list[int]:
    """The ids of certificates revoked or replaced (their credentials no longer hold)."""
    return list(
        db.session.scalars(
            sa.select(Certificate.id).where(
                sa.or_(
                    Certificate.revoked_at.is_not(None), Certificate.superseded_by_id.is_not(None)
                )
            )
        )
    )


def holder_email(certificate: Certificate) -> str:
    """The address of the certificate's holder: their account's, else their registration's."""
    from paja.models import User
    from trainings.models import Registration

    if certificate.user_id is not None:
        user = db.session.get(User, certificate.user_id)
        if user is not None:
            return user.email
    if certificate.registration_id is not None:
        registration = db.session.get(Registration, certificate.registration_id)
        if registration is not None:
            return registration.email
    return ""
