"""Ordering a workshop, and the order pages of customers and admins."""

from __future__ import annotations

import csv
import io

import sqlalchemy as sa
from flask import Response, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from paja.access import get_or_404, role_required
from paja.extensions import db
from paja.i18n import day, helsinki, money
from paja.models import Membership, Role
from paja.views.util import perform
from trainings import bp
from trainings.forms.orders import (
    AdvanceOrderForm,
    CancelOrderForm,
    ConfirmOrderForm,
    OrderLineForm,
)
from trainings.labels import STATUS_LABELS
from trainings.models import Order, OrderStatus, Trainer, TrainingSession
from trainings.operations.orders import (
    Confirmation,
    add_line,
    transition,
)
from trainings.operations.orders import (
    confirm_order as confirm,
)
from trainings.pdf import order_confirmation_pdf


def session_of(order: Order) -> TrainingSession | None:
    """The session a confirmed order created."""
    return db.session.scalar(sa.select(TrainingSession).where(TrainingSession.order_id == order.id))


def trainer_choices() -> list[SelectChoice]:
    """Every trainer, by name."""
    trainers = db.session.scalars(sa.select(Trainer))
    return sorted((SelectChoice(t.id, t.name) for t in trainers), key=lambda choice: choice.label)


@bp.get("/orders/")
@role_required()
def orders() -> ResponseReturnValue:
    """Orders: all for admins (filter by status), the own organisations' for others."""
    status = request.args.get("status", "")
    statement = sa.select(Order).order_by(Order.created_at.desc(), Order.id.desc())
    if not current_user.has_role(Role.ADMIN):
        statement = statement.where(
            Order.organisation_id.in_(
                sa.select(Membership.organisation_id).where(Membership.user_id == current_user.id)
            )
        )
    if status in {s.value for s in OrderStatus}:
        statement = statement.where(Order.status == OrderStatus(status))
    page = db.paginate(statement, per_page=50, error_out=False)
    return render_template("trainings/orders.html", page=page, status=status)


@bp.get("/orders.csv")
@role_required(Role.ADMIN)
def orders_csv() -> ResponseReturnValue:
    """All orders as CSV (semicolon-separated, for Finnish spreadsheets)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [
            _("Order"),
            _("Date"),
            _("Status"),
            _("Organisation"),
            _("Business ID"),
            _("Workshop"),
            _("Participants"),
            _("Net"),
            _("VAT"),
            _("Total"),
            _("Contact"),
            _("Email"),
        ]
    )
    statement = sa.select(Order).order_by(Order.id).options(sa.orm.selectinload(Order.lines))
    for item in db.session.scalars(statement):
        totals = item.totals
        organisation, contact = item.organisation, item.contact
        row = [item.id, day(item.created_at), STATUS_LABELS[item.status], organisation.name]
        row += [organisation.business_id, item.offering.title, item.participants]
        row += [
            money(totals.net),
            money(totals.vat),
            money(totals.gross),
            contact.name,
            contact.email,
        ]
        writer.writerow(row)
    return Response(
        "\ufeff" + buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=paja-orders.csv"},
    )


@bp.get("/orders/<int:order_id>")
@role_required()
def order_page(order_id: int) -> ResponseReturnValue:
    """An order: lines, totals, history and the actions the viewer may take."""
    item = get_or_404(Order, order_id, "view")
    confirm_form = ConfirmOrderForm(formdata=None)
    confirm_form.trainers.choices = trainer_choices()
    return _render_order(item, confirm_form)


def _render_order(item: Order, confirm_form: ConfirmOrderForm) -> str:
    """The order page, with the confirmation form as given (fresh, or with errors)."""
    return render_template(
        "trainings/order.html",
        order=item,
        session=session_of(item),
        cancel_form=CancelOrderForm(formdata=None),
        line_form=OrderLineForm(formdata=None),
        advance_form=AdvanceOrderForm(formdata=None),
        confirm_form=confirm_form,
        can_manage=item.can_manage(current_user),
    )


@bp.post("/orders/<int:order_id>/cancel")
@role_required()
def cancel_order(order_id: int) -> ResponseReturnValue:
    """Cancel an order with a reason (customers until it is confirmed, admins until delivered)."""
    item = get_or_404(Order, order_id, "view")
    form = CancelOrderForm()
    if form.validate_on_submit():
        if perform(
            lambda: transition(item, OrderStatus.CANCELLED, current_user, form.note.data)
        ).ok:
            flash(_("The order is cancelled."), "success")
    else:
        flash(_("Give a reason for the cancellation."), "danger")
    return redirect(url_for("trainings.order_page", order_id=item.id))


def _confirmation(form: ConfirmOrderForm) -> Confirmation:
    """The admin's decisions, with Helsinki wall-clock times made aware."""
    chosen = set(form.trainers.data or [])
    return Confirmation(
        starts_at=helsinki(form.starts_at.data),
        ends_at=helsinki(form.ends_at.data),
        trainers=list(db.session.scalars(sa.select(Trainer).where(Trainer.id.in_(chosen)))),
        place=form.place.data or "",
        meeting_url=(form.meeting_url.data or "").strip(),
        note=form.note.data or "",
    )


@bp.post("/orders/<int:order_id>/confirm")
@role_required(Role.ADMIN)
def confirm_order(order_id: int) -> ResponseReturnValue:
    """Confirm an order: time, trainers, place or link; this creates its session."""
    item = get_or_404(Order, order_id, "manage")
    form = ConfirmOrderForm()
    form.trainers.choices = trainer_choices()
    if (
        form.validate_on_submit()
        and perform(lambda: confirm(item, current_user, _confirmation(form)), form).ok
    ):
        flash(_("The order is confirmed and its session created."), "success")
        return redirect(url_for("trainings.order_page", order_id=item.id))
    return _render_order(item, form)


@bp.post("/orders/<int:order_id>/advance")
@role_required(Role.ADMIN)
def advance_order(order_id: int) -> ResponseReturnValue:
    """Mark an order delivered or invoiced."""
    item = get_or_404(Order, order_id, "manage")
    form = AdvanceOrderForm()
    if (
        form.validate_on_submit()
        and perform(
            lambda: transition(item, OrderStatus(form.to.data), current_user, form.note.data or "")
        ).ok
    ):
        flash(_("The order is now %(status)s.", status=STATUS_LABELS[item.status]), "success")
    return redirect(url_for("trainings.order_page", order_id=item.id))


@bp.post("/orders/<int:order_id>/lines")
@role_required(Role.ADMIN)
def add_order_line(order_id: int) -> ResponseReturnValue:
    """Add a priced line to an order."""
    item = get_or_404(Order, order_id, "manage")
    form = OrderLineForm()
    if form.validate_on_submit():
        if perform(
            lambda: add_line(
                item,
                current_user,
                form.description.data,
                form.quantity.data,
                form.unit_price.data,
                form.vat_rate.data,
            )
        ).ok:
            flash(_("The line is added."), "success")
    else:
        for errors in form.errors.values():
            for message in errors:
                flash(message, "danger")
    return redirect(url_for("trainings.order_page", order_id=item.id))


@bp.get("/orders/<int:order_id>/confirmation.pdf")
@role_required()
def order_pdf(order_id: int) -> ResponseReturnValue:
    """The order confirmation as PDF, in the viewer's language."""
    item = get_or_404(Order, order_id, "view")
    pdf = order_confirmation_pdf(item, session_of(item))
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": f"inline; filename=paja-order-{item.id}.pdf"},
    )
