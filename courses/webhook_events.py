"""The events courses sends to webhooks: certificates issued and revoked."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from courses.models import Certificate, Enrolment
from paja.extensions import db
from paja.webhooks import emit, event_type
from trainings.models import TrainingSession

CERTIFICATE_ISSUED = event_type("certificate.issued", _l("A certificate was issued"))
CERTIFICATE_REVOKED = event_type("certificate.revoked", _l("A certificate was revoked"))


def certificate_event(event: str, certificate: Certificate) -> None:
    """Tell the webhooks (the organisation of the session or enrolment too)."""
    organisation_id = None
    if certificate.session_id:
        session = db.session.get(TrainingSession, certificate.session_id)
        organisation_id = session.organisation_id if session else None
    elif certificate.enrolment_id:
        enrolment = db.session.get(Enrolment, certificate.enrolment_id)
        organisation_id = enrolment.organisation_id if enrolment else None
    data = {
        "code": certificate.code, "kind": certificate.kind, "name": certificate.name,
        "title": certificate.title, "achieved_on": certificate.achieved_on.isoformat(),
        "state": certificate.state,
    }  # fmt: skip
    emit(event, data, organisation_id)
