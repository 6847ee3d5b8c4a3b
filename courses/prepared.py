"""Documents of courses made in the background: a session's attendance certificates."""

from __future__ import annotations

from courses.pdf import certificates_pdf
from courses.queries.certificates import session_certificates
from paja.extensions import db
from paja.prepared_files import file_kind
from trainings.models import TrainingSession

SESSION_CERTIFICATES = "session_certificates"


@file_kind(SESSION_CERTIFICATES, "application/pdf")
def session_certificates_file(session_id: int) -> bytes:
    """Every valid attendance certificate of a session, one per page."""
    session = db.session.get_one(TrainingSession, session_id)
    return certificates_pdf(session_certificates(session))
