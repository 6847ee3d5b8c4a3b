"""The public verification of certificates: /verify and /verify/<code> (rate-limited)."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from courses import verify_bp as bp
from courses.models import normalise_code
from courses.queries.certificates import certificate_by_code
from paja.extensions import limiter


@bp.get("")
@limiter.limit("30 per minute")
def form() -> ResponseReturnValue:
    """A form to type a code; a typed code goes to its page."""
    code = request.args.get("code", "").strip()
    if code:
        return redirect(url_for("verify.certificate", code=normalise_code(code)))
    return render_template("courses/verify_form.html")


@bp.get("/<code>")
@limiter.limit("30 per minute")
def certificate(code: str) -> ResponseReturnValue:
    """Valid, revoked, superseded or unknown; only the name, title, date and issuer are shown."""
    found = certificate_by_code(code)
    page = render_template("courses/verify.html", certificate=found, code=normalise_code(code))
    return page, 200 if found else 404
