"""Forms for an admin's corrections of a certificate: revoking and re-issuing."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from paja.form_base import PageForm


class RevokeForm(PageForm):
    """Why a certificate is revoked."""

    reason = StringField(
        _l("Reason for revoking"),
        validators=[DataRequired(message=_l("Give a reason for revoking.")), Length(max=300)],
    )
    submit = SubmitField(_l("Revoke the certificate"))


class ReissueForm(PageForm):
    """The corrected name on a re-issued certificate."""

    name = StringField(
        _l("Name on the certificate"),
        validators=[DataRequired(message=_l("Enter the name.")), Length(max=120)],
    )
    submit = SubmitField(_l("Re-issue with this name"))
