"""Certificates: the holder's PDF, a session's PDFs, and the admin list with revoke/re-issue."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import joinedload

from courses import bp
from courses.certificate_models import Certificate, normalise_code
from courses.certificates import reissue, revoke
from courses.forms import ReissueForm, RevokeForm
from courses.models import Course
from courses.pdf import certificates_pdf
from paja.access import get_or_404, role_required
from paja.extensions import db
from paja.models import Role
from paja.views.util import perform
from trainings.models import TrainingSession

PAGE_SIZE = 100


def _pdf(certificates: list[Certificate], filename: str) -> Response:
    """PDF bytes as an inline download."""
    return Response(
        certificates_pdf(certificates),
        mimetype="application/pdf",
        headers={"Content-Disposition": f"inline; filename={filename}"},
    )


def _by_code(code: str) -> Certificate:
    """A certificate by its code, or 404."""
    found = db.session.scalar(
        sa.select(Certificate).where(Certificate.code == normalise_code(code))
    )
    if found is None:
        abort(404)
    return found


@bp.get("/certificates/<code>.pdf")
@role_required()
def certificate_pdf(code: str) -> ResponseReturnValue:
    """The holder's valid certificate as PDF; admins get any certificate."""
    certificate = _by_code(code)
    if not certificate.can_download(current_user):
        abort(403)
    if not certificate.handed_out_to(current_user):
        abort(404)
    return _pdf([certificate], f"paja-certificate-{certificate.code}.pdf")


@bp.get("/certificates/session/<int:session_id>.pdf")
@role_required()
def session_certificates_pdf(session_id: int) -> ResponseReturnValue:
    """All valid attendance certificates of a session, one per page, for the trainer to hand out."""
    session = get_or_404(TrainingSession, session_id, "manage")
    certificates = db.session.scalars(
        sa.select(Certificate)
        .where(
            Certificate.session_id == session.id,
            Certificate.superseded_by_id.is_(None),
            Certificate.revoked_at.is_(None),
        )
        .order_by(Certificate.name)
    ).all()
    if not certificates:
        flash(_("Nobody has an attendance certificate yet: mark the attendance first."), "info")
        return redirect(url_for("trainings.session", session_id=session.id))
    return _pdf(list(certificates), f"paja-certificates-session-{session.id}.pdf")


def _filters() -> tuple[list, dict[str, object]]:
    """The list's filters from the query string: course, state, dates, text."""
    conditions: list = []
    chosen: dict[str, object] = {}
    course_id = request.args.get("course", type=int)
    if course_id:
        conditions.append(Certificate.course_id == course_id)
        chosen["course"] = course_id
    session_id = request.args.get("session", type=int)
    if session_id:
        conditions.append(Certificate.session_id == session_id)
        chosen["session"] = session_id
    for key in ("from", "to"):
        try:
            value = date.fromisoformat(request.args.get(key, ""))
        except ValueError:
            continue  # an empty or mistyped date does not filter
        earliest = key == "from"
        conditions.append(
            Certificate.achieved_on >= value if earliest else Certificate.achieved_on <= value
        )
        chosen[key] = value.isoformat()
    text = request.args.get("q", "").strip()
    if text:
        pattern = f"%{text}%"
        conditions.append(sa.or_(Certificate.name.ilike(pattern), Certificate.code.ilike(pattern)))
        chosen["q"] = text
    return conditions, chosen


@bp.get("/certificates/")
@role_required(Role.ADMIN)
def certificates() -> ResponseReturnValue:
    """Every certificate issued, newest first, filtered by course, session, date or name."""
    conditions, chosen = _filters()
    total = db.session.scalar(sa.select(sa.func.count(Certificate.id)).where(*conditions))
    rows = db.session.scalars(
        sa.select(Certificate)
        .where(*conditions)
        .order_by(Certificate.issued_at.desc(), Certificate.id.desc())
        .limit(PAGE_SIZE)
    ).all()
    courses = db.session.scalars(sa.select(Course).order_by(Course.title)).all()
    sessions = db.session.scalars(
        sa.select(TrainingSession)
        .where(TrainingSession.id.in_(sa.select(Certificate.session_id)))
        .options(joinedload(TrainingSession.offering))
        .order_by(TrainingSession.starts_at.desc())
    ).all()
    return render_template(
        "courses/certificates.html",
        certificates=rows,
        total=total,
        courses=courses,
        sessions=sessions,
        chosen=chosen,
        page_size=PAGE_SIZE,
    )


@bp.route("/certificates/<code>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def certificate_admin(code: str) -> ResponseReturnValue:
    """One certificate: its content and state, with forms to revoke it or re-issue it."""
    certificate = _by_code(code)
    revoke_form = RevokeForm(prefix="revoke")
    reissue_form = ReissueForm(prefix="reissue")
    if request.method == "GET":
        reissue_form.name.data = certificate.name
    elif request.form.get("action") == "revoke" and revoke_form.validate_on_submit():
        if perform(lambda: revoke(certificate, revoke_form.reason.data), revoke_form).ok:
            flash(_("The certificate was revoked."), "success")
            return redirect(url_for("courses.certificate_admin", code=certificate.code))
    elif request.form.get("action") == "reissue" and reissue_form.validate_on_submit():
        outcome = perform(lambda: reissue(certificate, reissue_form.name.data), reissue_form)
        if outcome.ok and outcome.value is not None:
            flash(_("A corrected certificate was issued."), "success")
            return redirect(url_for("courses.certificate_admin", code=outcome.value.code))
    return render_template(
        "courses/certificate_admin.html",
        certificate=certificate,
        revoke_form=revoke_form,
        reissue_form=reissue_form,
    )
