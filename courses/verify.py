"""The public verification of certificates: /verify and /verify/<code> (rate-limited)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from courses.certificate_models import Certificate, normalise_code
from paja.extensions import db, limiter

bp = Blueprint("verify", __name__, url_prefix="/verify")


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
    found = db.session.scalar(
        sa.select(Certificate).where(Certificate.code == normalise_code(code))
    )
    return render_template(
        "courses/verify.html", certificate=found, code=normalise_code(code)
    ), 200 if found else 404
