"""A person's API tokens: make one (shown once), see when each was last used, revoke."""

from __future__ import annotations

from flask import Blueprint, flash, make_response, redirect, render_template, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from paja.access import get_or_404, login_required
from paja.api_tokens import SCOPES, ApiToken, create_token, revoke_token, tokens_of
from paja.form_base import PageForm
from paja.forms import ButtonForm, ChoiceField, MultiCheckboxField, SelectChoice, given
from paja.perform import perform
from paja.queries import organisations_of

bp = Blueprint("tokens", __name__, url_prefix="/account/tokens")
NEW_TOKEN = "paja.new_api_token"  # noqa: S105 (the session key a new token waits under)
PERSONAL = "personal"


class TokenForm(PageForm):
    """A new token: its name, for whom, and what it may do."""

    name = StringField(
        _l("Name"),
        validators=[DataRequired(message=_l("Name the token, e.g. the system using it.")),
                    Length(max=100)],
        description=_l("Say what uses it, e.g. our intranet's training calendar."),
    )  # fmt: skip
    owner = ChoiceField(_l("For"), coerce=str)
    scopes = MultiCheckboxField(
        _l("What it may do"),
        coerce=str,
        validators=[DataRequired(message=_l("Choose at least one of the listed scopes."))],
    )
    submit = SubmitField(_l("Make the token"))


def _prepared(form: TokenForm) -> TokenForm:
    """The form's choices: personal, or an organisation the person is a contact of."""
    organisations = [o for o in organisations_of(current_user) if o.can_edit(current_user)]
    form.owner.choices = [SelectChoice(PERSONAL, _("Me personally"))] + [
        SelectChoice(str(o.id), o.name) for o in organisations
    ]
    form.scopes.choices = [
        SelectChoice(name, f"{label} ({name})") for name, label in SCOPES.items()
    ]
    return form


@bp.route("/", methods=["GET", "POST"])
@login_required
def tokens() -> ResponseReturnValue:
    """The person's tokens, and a form to make one; a new token is shown on this page once."""
    form = _prepared(TokenForm())
    if form.validate_on_submit():
        owner = form.owner.data or PERSONAL
        chosen = [o for o in organisations_of(current_user) if str(o.id) == owner]
        outcome = perform(
            lambda: create_token(
                current_user, given(form.name.data), list(form.scopes.data or []),
                chosen[0] if chosen else None,
            ),
            form,
        )  # fmt: skip
        if outcome.ok:  # shown by the page it redirects to, once: a reload makes no other
            session[NEW_TOKEN] = outcome.result[1]
            return redirect(url_for("tokens.tokens"))
    page = render_template(
        "account/tokens.html",
        form=form,
        made=session.pop(NEW_TOKEN, None),
        tokens=tokens_of(current_user),
        button=ButtonForm(),
        scopes=SCOPES,
    )
    response = make_response(page)
    response.headers["Cache-Control"] = "no-store"  # a token on it is not kept anywhere
    return response


@bp.post("/<int:token_id>/revoke")
@login_required
def revoke(token_id: int) -> ResponseReturnValue:
    """Revoke one of one's tokens."""
    token = get_or_404(ApiToken, token_id, ApiToken.can_revoke)
    if ButtonForm().validate_on_submit() and perform(lambda: revoke_token(token)).ok:
        flash(_("The token is revoked: it works no more."), "success")
    return redirect(url_for("tokens.tokens"))
