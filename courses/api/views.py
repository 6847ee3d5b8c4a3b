"""The courses API: the published courses, one's progress, certificates held or of one's
staff, and a certificate's public verification (rate-limited like its page)."""

from __future__ import annotations

from typing import Any

from flask_smorest import abort

from courses.api import LEARNING_READ, blp
from courses.api.schemas import CertificatePage, CertificateSchema, CoursePage, ProgressPage
from courses.queries.api import certificates_after, courses_after, progress_after
from courses.queries.certificates import certificate_by_code
from paja.api import PageArgs, id_after, page_of, problems
from paja.api_tokens import api_token, personal_user, token_required
from paja.extensions import limiter


@blp.get("/courses")
@blp.etag
@blp.arguments(PageArgs, location="query", as_kwargs=True)
@blp.response(200, CoursePage)
@problems(blp, 400)
def list_courses(limit: int, cursor: str | None) -> Any:
    """The published courses, with their level, hours and number of modules."""
    rows = courses_after(id_after(cursor), limit)
    return page_of(rows, limit, key=lambda course: str(course.id))


@blp.get("/courses/progress")
@blp.doc(security=[{"token": [LEARNING_READ]}])
@token_required(LEARNING_READ)
@blp.arguments(PageArgs, location="query", as_kwargs=True)
@blp.response(200, ProgressPage)
@problems(blp, 400, 401, 403)
def list_progress(limit: int, cursor: str | None) -> Any:
    """Your courses and how far you are on each (needs a personal token)."""
    rows = progress_after(personal_user(), id_after(cursor), limit)
    return page_of(rows, limit, key=lambda row: str(row.enrolment.id))


@blp.get("/certificates")
@blp.doc(security=[{"token": [LEARNING_READ]}])
@token_required(LEARNING_READ)
@blp.arguments(PageArgs, location="query", as_kwargs=True)
@blp.response(200, CertificatePage)
@problems(blp, 400, 401, 403)
def list_certificates(limit: int, cursor: str | None) -> Any:
    """Certificates: a personal token's holder's own; an organisation token's, the valid
    certificates of its staff (from sessions it ordered and courses taken for it)."""
    token = api_token()
    rows = certificates_after(token.user, token.organisation_id, id_after(cursor), limit)
    return page_of(rows, limit, key=lambda certificate: str(certificate.id))


@blp.get("/certificates/<code>")
@limiter.limit("30 per minute")
@blp.etag
@blp.response(200, CertificateSchema)
@problems(blp, 404)
def verify_certificate(code: str) -> Any:
    """Verify a certificate by its code (case, spaces and dashes do not matter): whether it
    is valid, revoked or replaced, with the name, title, date and issuer only."""
    found = certificate_by_code(code)
    if found is None:
        abort(404)
    return found
