"""Certificates as Open Badges 3.0 credentials: the holder's download, the issuer's did:web
document and the signed revocation list anyone's verifier reads."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify
from flask.typing import ResponseReturnValue

from courses import bp, verify_bp
from courses.badges import did_document, signed_credential, status_list
from courses.queries.certificates import holder_email, withdrawn_ids
from courses.views.certificates import _handed_out
from courses.views.mailed_certificates import _linked
from paja.access import role_required
from paja.database import utcnow

well_known_bp = Blueprint("well_known", __name__, url_prefix="/.well-known")
VC_JWT = "application/vc+jwt"


def _credential_file(token: str, code: str) -> Response:
    """A signed credential as a download."""
    response = Response(token, mimetype=VC_JWT)
    response.headers["Content-Disposition"] = f'attachment; filename="paja-badge-{code}.jwt"'
    return response


@bp.get("/certificates/<code>.jwt")
@role_required()
def certificate_badge(code: str) -> ResponseReturnValue:
    """The holder's valid certificate as a signed Open Badges 3.0 credential (JWT-VC)."""
    certificate = _handed_out(code)
    return _credential_file(signed_credential(certificate, holder_email(certificate)), code)


@bp.get("/certificates/mailed/<token>.jwt")
def mailed_certificate_badge(token: str) -> ResponseReturnValue:
    """The same for the holder of a mailed certificate's link."""
    certificate = _linked(token)
    return _credential_file(
        signed_credential(certificate, holder_email(certificate)), certificate.code
    )


@verify_bp.get("/status/revocation")
def status_list_file() -> ResponseReturnValue:
    """The signed Bitstring Status List of revoked and replaced certificates."""
    response = Response(status_list(withdrawn_ids(), utcnow()), mimetype=VC_JWT)
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@well_known_bp.get("/did.json")
def did_json() -> ResponseReturnValue:
    """The issuer's did:web document with the key its credentials are signed with."""
    response = jsonify(did_document())
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
