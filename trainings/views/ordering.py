"""Ordering a workshop; a newcomer creates an account and an organisation in the same form."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import or_404
from paja.extensions import limiter
from paja.forms import SelectChoice
from paja.i18n import current_language
from paja.models import Organisation
from paja.organisations import OrganisationDetails
from paja.perform import mark_rule_errors, perform
from paja.queries import organisations_of
from trainings import bp
from trainings.forms.orders import (
    OrderForm,
)
from trainings.labels import MODE_LABELS
from trainings.models import Offering, Order
from trainings.operations.newcomer_orders import check_order_by_mail, request_order_by_mail
from trainings.operations.orders import (
    NewAccount,
    OrderRequest,
    check_member_order,
    order_workshop,
)
from trainings.queries.catalogue import channels as all_channels
from trainings.queries.catalogue import channels_by_ids, offering_by_slug

NEW = "new"


def _prepare(form: OrderForm, offering: Offering) -> list[Organisation]:
    """Fit the form: account fields for newcomers, the member's organisations otherwise."""
    language = current_language()
    form.mode.choices = [SelectChoice(mode.value, MODE_LABELS[mode]) for mode in offering.modes]
    channels = offering.channels or all_channels()
    form.channels.choices = [SelectChoice(str(c.id), c.name(language)) for c in channels]
    form.participants.render_kw = {"min": 1, "max": offering.max_participants}
    organisations: list[Organisation] = []
    if current_user.is_authenticated:
        for name in ("name", "email", "password", "confirm"):
            delattr(form, name)
        organisations = organisations_of(current_user)
    choices = [SelectChoice(str(o.id), o.name) for o in organisations]
    form.organisation.choices = [*choices, SelectChoice(NEW, _("A new organisation"))]
    if not organisations:
        form.organisation.data = NEW
    elif not form.is_submitted():  # the organisation's stored billing details, to check
        for name, value in organisations[0].billing_details().items():
            getattr(form, name).data = value
    return organisations


def _order_request(form: OrderForm) -> OrderRequest:
    """The form's workshop and billing answers."""
    offered = {str(getattr(choice, "value", choice)) for choice in form.channels.choices or []}
    # Only the offered channels: after a failed check the form may hold anything.
    chosen = {int(value) for value in form.channels.data or [] if value in offered}
    return OrderRequest(
        participants=form.participants.data or 0,
        preferred_dates=[d for d in (form.date_1.data, form.date_2.data, form.date_3.data) if d],
        mode=form.mode.data,
        address=form.address.data or "",
        channels=channels_by_ids(sorted(chosen)),
        has_accounts=form.has_accounts.data,
        tailoring=form.tailoring.data or "",
        einvoice_address=form.einvoice_address.data or "",
        einvoice_operator=form.einvoice_operator.data or "",
        billing_address=form.billing_address.data or "",
        buyer_reference=form.buyer_reference.data or "",
    )


def _details(form: OrderForm) -> OrganisationDetails:
    """The new organisation's details in the form."""
    return OrganisationDetails(
        name=form.organisation_name.data or "",
        business_id=form.business_id.data or "",
        einvoice_address=form.einvoice_address.data or "",
        einvoice_operator=form.einvoice_operator.data or "",
    )


def _place(form: OrderForm, offering: Offering) -> Order:
    """A member's order, with what the form says."""
    return order_workshop(
        current_user, _organisation_id(form), _details(form), offering, _order_request(form)
    )


def _organisation_id(form: OrderForm) -> int | None:
    """The chosen organisation, or None for a new one (or none chosen)."""
    chosen = form.organisation.data or NEW
    return int(chosen) if chosen.isdigit() else None


def _account(form: OrderForm) -> NewAccount:
    """A newcomer's account as the form gives it."""
    return NewAccount(
        form.name.data or "", form.email.data or "", form.password.data or "", current_language()
    )


def _request_by_mail(form: OrderForm, offering: Offering) -> None:
    """A newcomer's order, placed once they confirm their address from the mail."""
    request_order_by_mail(_account(form), _details(form), offering, _order_request(form))


def _check(form: OrderForm, offering: Offering) -> None:
    """What the ordering rules refuse in the form, as it stands."""
    if current_user.is_authenticated:
        check_member_order(
            current_user, _organisation_id(form), _details(form), offering, _order_request(form)
        )
    else:
        check_order_by_mail(_account(form), _details(form), offering, _order_request(form))


@bp.route("/<slug>/order", methods=["GET", "POST"])
@limiter.limit("5 per hour", methods=["POST"])  # creates accounts and mails the admins
def order(slug: str) -> ResponseReturnValue:
    """Order a workshop; a newcomer creates an account and an organisation in the same form."""
    offering = or_404(offering_by_slug(slug))
    form = OrderForm()
    organisations = _prepare(form, offering)
    if form.is_submitted() and not form.validate():
        mark_rule_errors(lambda: _check(form, offering), form)
    elif form.is_submitted():
        if not current_user.is_authenticated:
            if perform(lambda: _request_by_mail(form, offering), form).ok:
                return render_template("auth/check_mail.html", email=form.email.data, order=True)
        else:
            outcome = perform(lambda: _place(form, offering), form)
            if outcome.ok:
                flash(_("Thank you! Your order is received; we will confirm it soon."), "success")
                return redirect(url_for("trainings.order_page", order_id=outcome.result.id))
    billing = {str(o.id): o.billing_details() for o in organisations}
    return render_template(
        "trainings/order_form.html",
        form=form,
        offering=offering,
        organisations=organisations,
        billing=billing,
    )
