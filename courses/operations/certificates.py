"""Certificate rules: issuing snapshots, revoking, re-issuing. Flush, never commit."""

from __future__ import annotations

import json
import logging
from decimal import Decimal

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from courses.models import Certificate, Enrolment
from courses.queries.certificates import live_certificate, revoked_for
from courses.queries.skills import latest, skill_check_of
from courses.webhook_events import CERTIFICATE_ISSUED, CERTIFICATE_REVOKED, certificate_event
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.i18n import HELSINKI, mail_language
from paja.models import User
from paja.numbers import half_up
from trainings.models import Registration, RegistrationStatus, TrainingSession

log = logging.getLogger(__name__)


def _save(certificate: Certificate) -> Certificate:
    """Store a certificate once; a second live one for one enrolment or registration is refused."""
    try:
        with db.session.begin_nested():
            db.session.add(certificate)
    except IntegrityError:
        key = Certificate.enrolment_id if certificate.enrolment_id else Certificate.registration_id
        ident = certificate.enrolment_id or certificate.registration_id
        return db.session.scalars(
            sa.select(Certificate).where(key == ident, Certificate.superseded_by_id.is_(None))
        ).one()
    log.info(
        "certificate %s issued to %s for %s", certificate.code, certificate.name, certificate.title
    )
    certificate_event(CERTIFICATE_ISSUED, certificate)
    return certificate


def issue_for_enrolment(enrolment: Enrolment) -> Certificate | None:
    """A course-completion certificate for a completed enrolment (one per person and course)."""
    if enrolment.completed_at is None:
        return None
    existing = live_certificate(enrolment)
    if existing is not None:
        return existing
    course, user = enrolment.course, enrolment.user
    details: dict[str, object] = {"outcomes": [m.title for m in course.modules if m.required]}
    check = skill_check_of(course)
    if check is not None:
        before, after = latest(check, user, "before"), latest(check, user, "after")
        if before and after:
            start = {s.area_id: s.score for s in before.scores}
            end = {s.area_id: s.score for s in after.scores}
            details["growth"] = [
                [a.name, start.get(a.id, 0), end.get(a.id, 0)] for a in check.areas
            ]
    author = db.session.get(User, course.author_id) if course.author_id else None
    return _save(
        Certificate(
            kind="course",
            user_id=user.id,
            enrolment_id=enrolment.id,
            course_id=course.id,
            name=user.name,
            title=course.title,
            achieved_on=enrolment.completed_at.astimezone(HELSINKI).date(),
            hours=course.hours,
            trainers=author.name if author else "",
            issuer=current_app.config["SELLER_NAME"],
            details_json=json.dumps(details, ensure_ascii=False),
            language=user.locale or "fi",
        )
    )


def issue_for_attendance(session: TrainingSession) -> list[Certificate]:
    """Attendance certificates for everyone marked present at a session (once each)."""
    attendees = db.session.scalars(
        sa.select(Registration).where(
            Registration.session_id == session.id,
            Registration.status == RegistrationStatus.CONFIRMED,
            Registration.attended.is_(True),
        )
    ).all()
    hours = half_up(Decimal(session.duration_minutes) / 60, "0.1")  # like money: halves up
    _revoke_for_absentees(session)
    first_day = session.starts_at.astimezone(HELSINKI).date()
    last_day = session.ends_at.astimezone(HELSINKI).date()
    details = {"mode": session.mode}
    if last_day != first_day:
        details["until"] = last_day.isoformat()  # a multi-day event
    issued = []
    for registration in attendees:
        user = registration.user
        if (earlier := revoked_for(registration)) is not None:
            issued.append(reissue(earlier, registration.name))
            continue
        issued.append(
            _save(
                Certificate(
                    kind="attendance",
                    user_id=registration.user_id,
                    registration_id=registration.id,
                    session_id=session.id,
                    name=registration.name,
                    title=session.title,
                    achieved_on=first_day,
                    hours=hours,
                    trainers=", ".join(t.name for t in session.trainers),
                    issuer=current_app.config["SELLER_NAME"],
                    details_json=json.dumps(details),
                    language=mail_language(user, registration.language) or "fi",
                )
            )
        )
    return issued


def _revoke_for_absentees(session: TrainingSession) -> None:
    """Revoke the valid certificates of people whose attendance has been unmarked."""
    absent = db.session.scalars(
        sa.select(Certificate)
        .join(Registration, Registration.id == Certificate.registration_id)
        .where(
            Certificate.session_id == session.id,
            Certificate.superseded_by_id.is_(None),
            Certificate.revoked_at.is_(None),
            sa.or_(
                Registration.attended.is_not(True),
                Registration.status != RegistrationStatus.CONFIRMED,
            ),
        )
    ).all()
    for certificate in absent:
        revoke(certificate, _("Attendance was unmarked."))


def revoke(certificate: Certificate, reason: str) -> None:
    """Revoke a certificate, with a reason."""
    if certificate.state != "valid":
        raise RuleViolation(_("Only a valid certificate can be revoked."))
    if not reason.strip():
        raise RuleViolation(_("Give a reason for revoking."), "reason")
    certificate.revoked_at = utcnow()
    certificate.revoke_reason = reason.strip()
    db.session.flush()
    certificate_event(CERTIFICATE_REVOKED, certificate)


def reissue(certificate: Certificate, name: str) -> Certificate:
    """Issue the same certificate again under a corrected name; the old one becomes superseded."""
    if certificate.superseded_by_id is not None:
        raise RuleViolation(_("This certificate has already been re-issued."))
    if not name.strip():
        raise RuleViolation(_("Enter the name."), "name")
    columns = (
        "kind",
        "user_id",
        "course_id",
        "session_id",
        "title",
        "achieved_on",
        "hours",
        "trainers",
        "issuer",
        "details_json",
        "language",
    )
    fresh = Certificate(
        name=name.strip(), **{column: getattr(certificate, column) for column in columns}
    )
    enrolment_id, registration_id = certificate.enrolment_id, certificate.registration_id
    db.session.add(fresh)
    db.session.flush()
    certificate.superseded_by_id = fresh.id
    db.session.flush()
    fresh.enrolment_id, fresh.registration_id = enrolment_id, registration_id
    db.session.flush()
    certificate_event(CERTIFICATE_ISSUED, fresh)
    return fresh
