"""The courses API: a certificate's public verification (rate-limited like its page)."""

from __future__ import annotations

from typing import Any

from flask_smorest import abort

from courses.api import blp
from courses.api.schemas import CertificateSchema
from courses.queries.certificates import certificate_by_code
from paja.api import problems
from paja.extensions import limiter


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
