"""The order pages of customers and admins: the list, one order, and its workflow."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import get_or_404, role_required
from paja.audit import Action, record
from paja.database import writes
from paja.downloads import csv_file, pdf_file
from paja.forms import ButtonForm, SelectChoice, given
from paja.i18n import helsinki
from paja.models import Role
from paja.perform import perform
from trainings import bp
from trainings.exports import order_rows
from trainings.forms.orders import (
    AdvanceOrderForm,
    CancelOrderForm,
    ConfirmOrderForm,
    CreditNoteForm,
    OrderLineForm,
)
from trainings.labels import STATUS_LABELS
from trainings.models import Order, OrderStatus
from trainings.operations import orders as rules
from trainings.pdf import order_confirmation_pdf
from trainings.queries.catalogue import trainers, trainers_by_ids
from trainings.queries.invoices import awaits_new_invoice, invoices_of
from trainings.queries.orders import orders_visible_to
from trainings.queries.sessions import session_of


def trainer_choices() -> list[SelectChoice]:
    """Every trainer, by name."""
    return [SelectChoice(t.id, t.name) for t in trainers()]


@bp.get("/orders/")
@role_required()
def orders() -> ResponseReturnValue:
    """Orders: all for admins (filter by status), the own organisations' for others."""
    status = request.args.get("status", "")
    page = orders_visible_to(current_user, status)
    return render_template("trainings/orders.html", page=page, status=status)


@bp.get("/orders.csv")
@writes  # the download is written to the audit log
@role_required(Role.ADMIN)
def orders_csv() -> ResponseReturnValue:
    """All orders as CSV (semicolon-separated, for Finnish spreadsheets)."""
    perform(lambda: record(current_user, Action.ORDERS_EXPORTED, "all orders, csv"))
    return csv_file(order_rows(), "paja-orders.csv")


@bp.get("/orders/<int:order_id>")
@role_required()
def order_page(order_id: int) -> ResponseReturnValue:
    """An order: lines, totals, history and the actions the viewer may take."""
    item = get_or_404(Order, order_id, Order.can_view)
    return _render_order(item)


def _render_order(
    item: Order,
    confirm_form: ConfirmOrderForm | None = None,
    line_form: OrderLineForm | None = None,
) -> str:
    """The order page, with the confirmation and line forms as given (fresh, or with errors)."""
    if confirm_form is None:
        confirm_form = ConfirmOrderForm(formdata=None)
        confirm_form.trainers.choices = trainer_choices()
    return render_template(
        "trainings/order.html",
        order=item,
        session=session_of(item),
        cancel_form=CancelOrderForm(formdata=None),
        line_form=line_form or OrderLineForm(formdata=None),
        advance_form=AdvanceOrderForm(formdata=None),
        confirm_form=confirm_form,
        can_manage=item.can_manage(current_user),
        invoices=invoices_of(item),
        awaits_invoice=(awaits := awaits_new_invoice(item)),
        open_for_lines=item.status not in {OrderStatus.INVOICED, OrderStatus.CANCELLED} or awaits,
        credit_form=CreditNoteForm(formdata=None),
        button=ButtonForm(),
    )


@bp.post("/orders/<int:order_id>/cancel")
@role_required()
def cancel_order(order_id: int) -> ResponseReturnValue:
    """Cancel an order with a reason (customers until it is confirmed, admins until delivered)."""
    item = get_or_404(Order, order_id, Order.can_view)
    form = CancelOrderForm()
    if form.validate_on_submit():
        if perform(
            lambda: rules.transition(
                item, OrderStatus.CANCELLED, current_user, given(form.note.data)
            )
        ).ok:
            flash(_("The order is cancelled."), "success")
    else:
        flash(_("Give a reason for the cancellation."), "danger")
    return redirect(url_for("trainings.order_page", order_id=item.id))


def _confirmation(form: ConfirmOrderForm) -> rules.Confirmation:
    """The admin's decisions, with Helsinki wall-clock times made aware."""
    return rules.Confirmation(
        starts_at=helsinki(given(form.starts_at.data)),
        ends_at=helsinki(given(form.ends_at.data)),
        trainers=trainers_by_ids(form.trainers.data or []),
        place=form.place.data or "",
        meeting_url=(form.meeting_url.data or "").strip(),
        note=form.note.data or "",
    )


@bp.post("/orders/<int:order_id>/confirm")
@role_required(Role.ADMIN)
def confirm_order(order_id: int) -> ResponseReturnValue:
    """Confirm an order: time, trainers, place or link; this creates its session."""
    item = get_or_404(Order, order_id, Order.can_manage)
    form = ConfirmOrderForm()
    form.trainers.choices = trainer_choices()
    if (
        form.validate_on_submit()
        and perform(lambda: rules.confirm_order(item, current_user, _confirmation(form)), form).ok
    ):
        flash(_("The order is confirmed and its session created."), "success")
        return redirect(url_for("trainings.order_page", order_id=item.id))
    return _render_order(item, form)


@bp.post("/orders/<int:order_id>/advance")
@role_required(Role.ADMIN)
def advance_order(order_id: int) -> ResponseReturnValue:
    """Mark an order delivered or invoiced."""
    item = get_or_404(Order, order_id, Order.can_manage)
    form = AdvanceOrderForm()
    if (
        form.validate_on_submit()
        and perform(
            lambda: rules.transition(
                item, OrderStatus(form.to.data), current_user, form.note.data or ""
            )
        ).ok
    ):
        flash(_("The order is now %(status)s.", status=STATUS_LABELS[item.status]), "success")
    return redirect(url_for("trainings.order_page", order_id=item.id))


@bp.post("/orders/<int:order_id>/lines")
@role_required(Role.ADMIN)
def add_order_line(order_id: int) -> ResponseReturnValue:
    """Add a priced line to an order."""
    item = get_or_404(Order, order_id, Order.can_manage)
    form = OrderLineForm()
    if (
        form.validate_on_submit()
        and perform(
            lambda: rules.add_line(
                item,
                current_user,
                given(form.description.data),
                given(form.quantity.data),
                given(form.unit_price.data),
                given(form.vat_rate.data),
            ),
            form,
        ).ok
    ):
        flash(_("The line is added."), "success")
        return redirect(url_for("trainings.order_page", order_id=item.id))
    return _render_order(item, line_form=form)  # what was typed stays, each error at its field


@bp.get("/orders/<int:order_id>/confirmation.pdf")
@role_required()
def order_pdf(order_id: int) -> ResponseReturnValue:
    """The order confirmation as PDF, in the viewer's language."""
    item = get_or_404(Order, order_id, Order.can_view)
    pdf = order_confirmation_pdf(item, session_of(item))
    return pdf_file(pdf, f"paja-order-{item.id}.pdf")
