"""Webhooks of an admin or an organisation's contact: subscribe, see the deliveries and their
answers, send one again, stop."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import SubmitField, URLField
from wtforms.validators import DataRequired, Length

from paja.access import get_or_404, role_required
from paja.form_base import PageForm
from paja.forms import ButtonForm, ChoiceField, MultiCheckboxField, SelectChoice, given
from paja.models import Role
from paja.perform import perform
from paja.queries import organisations_of
from paja.webhooks import (
    EVENTS,
    Delivery,
    Webhook,
    deliveries_of,
    failed_deliveries,
    send_again,
    subscribe,
    unsubscribe,
    webhooks_of,
)

bp = Blueprint("webhooks", __name__, url_prefix="/account/webhooks")
EVERYTHING = "all"
PEOPLE = (Role.ADMIN, Role.CUSTOMER)


class WebhookForm(PageForm):
    """A receiver and the events it wants."""

    url = URLField(
        _l("Receiver's address"),
        validators=[DataRequired(message=_l("Give the receiver's address, beginning with https://.")),
                    Length(max=500)],
    )  # fmt: skip
    owner = ChoiceField(_l("Events of"), coerce=str)
    events = MultiCheckboxField(
        _l("Events"),
        coerce=str,
        validators=[DataRequired(message=_l("Choose at least one of the listed events."))],
    )
    submit = SubmitField(_l("Subscribe"))


def _prepared(form: WebhookForm) -> WebhookForm:
    """The events, and whose events: everything (admins) or an organisation's."""
    mine = [o for o in organisations_of(current_user) if o.can_edit(current_user)]
    owners = [SelectChoice(str(o.id), o.name) for o in mine]
    if current_user.has_role(Role.ADMIN):
        owners.insert(0, SelectChoice(EVERYTHING, _("Every organisation and open session")))
    form.owner.choices = owners
    form.events.choices = [
        SelectChoice(name, f"{label} ({name})") for name, label in EVENTS.items()
    ]
    return form


@bp.route("/", methods=["GET", "POST"])
@role_required(*PEOPLE)
def webhooks() -> ResponseReturnValue:
    """The person's webhooks (admins: all, and the deliveries that gave up)."""
    form = _prepared(WebhookForm())
    if form.validate_on_submit():
        chosen = [o for o in organisations_of(current_user) if str(o.id) == form.owner.data]
        outcome = perform(
            lambda: subscribe(current_user, given(form.url.data), list(form.events.data or []),
                              chosen[0] if chosen else None),
            form,
        )  # fmt: skip
        if outcome.ok:
            flash(_("Subscribed. Check the receiver with the secret on this page."), "success")
            return redirect(url_for("webhooks.webhook", webhook_id=outcome.result.id))
    failed = list(failed_deliveries()) if current_user.has_role(Role.ADMIN) else []
    return render_template(
        "account/webhooks.html", form=form, webhooks=webhooks_of(current_user), failed=failed,
        button=ButtonForm(),
    )  # fmt: skip


@bp.get("/<int:webhook_id>")
@role_required(*PEOPLE)
def webhook(webhook_id: int) -> ResponseReturnValue:
    """A webhook: its secret, events and newest deliveries with the receiver's answers."""
    item = get_or_404(Webhook, webhook_id, Webhook.can_manage)
    return render_template(
        "account/webhook.html", webhook=item, deliveries=deliveries_of(item), button=ButtonForm()
    )


@bp.post("/<int:webhook_id>/stop")
@role_required(*PEOPLE)
def stop(webhook_id: int) -> ResponseReturnValue:
    """Stop sending to a webhook."""
    item = get_or_404(Webhook, webhook_id, Webhook.can_manage)
    if ButtonForm().validate_on_submit() and perform(lambda: unsubscribe(item)).ok:
        flash(_("Nothing more is sent to this address."), "success")
    return redirect(url_for("webhooks.webhook", webhook_id=item.id))


@bp.post("/deliveries/<int:delivery_id>/again")
@role_required(*PEOPLE)
def again(delivery_id: int) -> ResponseReturnValue:
    """Send a delivery again."""
    delivery = get_or_404(Delivery, delivery_id, Delivery.can_manage)
    if ButtonForm().validate_on_submit() and perform(lambda: send_again(delivery)).ok:
        flash(_("The event is sent again."), "success")
    return redirect(url_for("webhooks.webhook", webhook_id=delivery.webhook_id))
