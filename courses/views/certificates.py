"""Certificates: the holder's PDF, a session's PDFs, and the admin list with revoke/re-issue."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from courses import bp
from courses.forms.certificates import ReissueForm, RevokeForm
from courses.models import Certificate
from courses.operations.certificates import reissue, revoke
from courses.pdf import certificates_pdf
from courses.prepared import SESSION_CERTIFICATES
from courses.queries.certificates import (
    CertificateFilter,
    certificate_by_code,
    certified_sessions,
    find_certificates,
    session_certificates,
)
from courses.queries.courses import all_courses
from paja.access import check, get_or_404, or_404, role_required
from paja.downloads import pdf_file
from paja.forms import ButtonForm, given
from paja.models import Role
from paja.perform import perform
from paja.prepared_files import prepare
from trainings.models import TrainingSession

PAGE_SIZE = 100


def _handed_out(code: str) -> Certificate:
    """The holder's valid certificate (admins: any), else 403 or 404."""
    certificate = check(or_404(certificate_by_code(code)), Certificate.can_download)
    if not certificate.handed_out_to(current_user):
        abort(404)
    return certificate


@bp.get("/certificates/<code>.pdf")
@role_required()
def certificate_pdf(code: str) -> ResponseReturnValue:
    """The holder's valid certificate as PDF; admins get any certificate."""
    certificate = _handed_out(code)
    return pdf_file(certificates_pdf([certificate]), f"paja-certificate-{certificate.code}.pdf")


@bp.get("/certificates/<code>/page")
@role_required()
def certificate_page(code: str) -> ResponseReturnValue:
    """The same certificate as an accessible web page (the PDF is not tagged)."""
    return render_template("courses/certificate.html", certificate=_handed_out(code))


@bp.post("/certificates/session/<int:session_id>")
@role_required()
def session_certificates_pdf(session_id: int) -> ResponseReturnValue:
    """All valid attendance certificates of a session, one per page, for the trainer to hand
    out or the ordering organisation's contact to keep; made in the background, since a
    session may have hundreds."""
    session = get_or_404(TrainingSession, session_id, TrainingSession.can_see_participants)
    back = redirect(url_for("trainings.participants", session_id=session.id))
    if not ButtonForm().validate_on_submit():
        return back
    if not session_certificates(session):
        flash(_("Nobody has an attendance certificate yet: mark the attendance first."), "info")
        return back
    title = _("Attendance certificates: %(session)s", session=session.title)
    filename = f"paja-certificates-session-{session.id}.pdf"
    made = perform(lambda: prepare(current_user, SESSION_CERTIFICATES, session.id, title, filename))
    return redirect(url_for("files.file_page", token=made.result.token))


def _date(key: str) -> date | None:
    """A YYYY-MM-DD date from the query string; an empty or mistyped one does not filter."""
    try:
        return date.fromisoformat(request.args.get(key, ""))
    except ValueError:
        return None


def _filter() -> CertificateFilter:
    """The list's filters from the query string: course, session, dates, name or code."""
    return CertificateFilter(
        course_id=request.args.get("course", type=int),
        session_id=request.args.get("session", type=int),
        start=_date("from"),
        end=_date("to"),
        text=request.args.get("q", "").strip(),
    )


@bp.get("/certificates/")
@role_required(Role.ADMIN)
def certificates() -> ResponseReturnValue:
    """Every certificate issued, newest first, filtered by course, session, date or name."""
    wanted = _filter()
    total, rows = find_certificates(wanted, PAGE_SIZE)
    return render_template(
        "courses/certificates.html",
        certificates=rows,
        total=total,
        courses=all_courses(),
        sessions=certified_sessions(),
        chosen=wanted,
        page_size=PAGE_SIZE,
    )


@bp.route("/certificates/<code>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def certificate_admin(code: str) -> ResponseReturnValue:
    """One certificate: its content and state, with forms to revoke it or re-issue it."""
    certificate = or_404(certificate_by_code(code))
    revoke_form = RevokeForm(prefix="revoke")
    reissue_form = ReissueForm(prefix="reissue")
    if request.method == "GET":
        reissue_form.name.data = certificate.name
    elif request.form.get("action") == "revoke" and revoke_form.validate_on_submit():
        if perform(lambda: revoke(certificate, given(revoke_form.reason.data)), revoke_form).ok:
            flash(_("The certificate was revoked."), "success")
            return redirect(url_for("courses.certificate_admin", code=certificate.code))
    elif request.form.get("action") == "reissue" and reissue_form.validate_on_submit():
        outcome = perform(lambda: reissue(certificate, given(reissue_form.name.data)), reissue_form)
        if outcome.ok:
            flash(_("A corrected certificate was issued."), "success")
            return redirect(url_for("courses.certificate_admin", code=outcome.result.code))
    return render_template(
        "courses/certificate_admin.html",
        certificate=certificate,
        revoke_form=revoke_form,
        reissue_form=reissue_form,
    )
