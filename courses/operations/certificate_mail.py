"""Certificates of people without an account: mailed once the session has ended, with a
link to download them and to claim them into an account. Flush, never commit."""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer

from courses.models import Certificate
from paja.errors import RuleViolation
from paja.extensions import db
from paja.i18n import mail_language
from paja.mail import send_mail
from paja.models import User
from paja.sql import changed
from trainings.models import Registration, TrainingSession

log = logging.getLogger(__name__)
LINK_SALT = "paja.mailed-certificate"


def _signer() -> URLSafeSerializer:
    """Signs certificate codes with the app's secret: a link opens that certificate only."""
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=LINK_SALT)


def certificate_token(certificate: Certificate) -> str:
    """The unguessable token of a mailed certificate's link."""
    return str(_signer().dumps(certificate.code))


def code_of(token: str) -> str | None:
    """The certificate code a link's token was issued for, or None when it is forged."""
    try:
        code = _signer().loads(token)
    except BadSignature:
        return None
    return code if isinstance(code, str) else None


def mail_certificates(session: TrainingSession, now: datetime) -> int:
    """Mail each attendee without an account their valid certificate once the session has
    ended, once: each is claimed with a conditional UPDATE, so racing rounds send one mail."""
    if session.ends_at > now:
        return 0
    waiting = db.session.execute(
        sa.select(Certificate, Registration)
        .join(Registration, Registration.id == Certificate.registration_id)
        .where(
            Certificate.session_id == session.id,
            Certificate.user_id.is_(None),
            Certificate.mailed_at.is_(None),
            Certificate.revoked_at.is_(None),
            Certificate.superseded_by_id.is_(None),
        )
    ).all()
    sent = 0
    for certificate, registration in waiting:
        claim = sa.update(Certificate).where(
            Certificate.id == certificate.id, Certificate.mailed_at.is_(None)
        )
        if not changed(claim.values(mailed_at=now)):
            continue
        send_mail(
            registration.email, "certificate_mailed",
            mail_language(registration.user, registration.language),
            certificate=certificate, registration=registration,
            token=certificate_token(certificate),
        )  # fmt: skip
        sent += 1
    log.info("session %s: %d certificates mailed", session.id, sent)
    return sent


def claim_certificate(certificate: Certificate, user: User) -> None:
    """Add a mailed certificate to the account of the person who holds its link."""
    if certificate.user_id == user.id:
        return
    if certificate.user_id is not None:
        raise RuleViolation(_("This certificate is already in another account."))
    certificate.user_id = user.id
    db.session.flush()
    log.info("certificate %s claimed by %s", certificate.code, user.email)
