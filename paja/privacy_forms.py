"""The forms of a person's data: deleting one's account, an admin erasing on request."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, PasswordField, SubmitField
from wtforms.validators import DataRequired

from paja.form_base import PageForm


class EraseAccountForm(PageForm):
    """A person deletes their account: their password and a deliberate tick."""

    password = PasswordField(
        _l("Your password"),
        validators=[DataRequired(message=_l("Enter your password."))],
        render_kw={"autocomplete": "current-password"},
    )
    understood = BooleanField(
        _l("I understand that my account and my personal data are erased for good"),
        validators=[DataRequired(message=_l("Tick the box to confirm."))],
    )
    submit = SubmitField(_l("Delete my account"))


class AdminEraseForm(PageForm):
    """An admin erases a person's data on their request."""

    understood = BooleanField(
        _l("The person asked for this; their personal data is erased for good"),
        validators=[DataRequired(message=_l("Tick the box to confirm."))],
    )
    submit = SubmitField(_l("Erase their personal data"))
