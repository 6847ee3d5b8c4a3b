"""A mailed certificate's link: its page and PDF for anyone holding the link, and claiming
it into the account of whoever logs in with it."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from courses import bp
from courses.models import Certificate
from courses.operations.certificate_mail import claim_certificate, code_of
from courses.pdf import certificates_pdf
from courses.queries.certificates import certificate_by_code
from paja.access import role_required
from paja.downloads import pdf_file
from paja.forms import ButtonForm
from paja.perform import perform


def _linked(token: str) -> Certificate:
    """The valid certificate the link was issued for, else 404 (forged, revoked, replaced)."""
    code = code_of(token)
    certificate = certificate_by_code(code) if code else None
    if certificate is None or certificate.state != "valid":
        abort(404)
    return certificate


@bp.get("/certificates/mailed/<token>")
def mailed_certificate(token: str) -> ResponseReturnValue:
    """The certificate as a web page, with its PDF and a button to keep it in an account."""
    return render_template(
        "courses/mailed_certificate.html",
        certificate=_linked(token),
        token=token,
        form=ButtonForm(),
    )


@bp.get("/certificates/mailed/<token>.pdf")
def mailed_certificate_pdf(token: str) -> ResponseReturnValue:
    """The certificate's PDF."""
    certificate = _linked(token)
    return pdf_file(certificates_pdf([certificate]), f"paja-certificate-{certificate.code}.pdf")


@bp.post("/certificates/mailed/<token>/claim")
@role_required()
def claim_mailed_certificate(token: str) -> ResponseReturnValue:
    """Add the certificate to the logged-in account."""
    certificate = _linked(token)
    back = redirect(url_for("courses.mailed_certificate", token=token))
    if not ButtonForm().validate_on_submit():
        return back
    if not perform(lambda: claim_certificate(certificate, current_user)).ok:
        return back
    flash(_("The certificate is now in your account."), "success")
    return redirect(url_for("courses.my_learning"))
