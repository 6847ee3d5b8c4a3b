"""Invoices of an order: the PDF for who sees the order, credit notes and re-invoicing by
admins."""

from __future__ import annotations

from datetime import date

from flask import flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import get_or_404, or_404, role_required
from paja.database import utcnow
from paja.downloads import pdf_file
from paja.forms import ButtonForm, given
from paja.i18n import HELSINKI
from paja.models import Role
from paja.perform import perform
from trainings import bp
from trainings.forms.orders import CreditNoteForm
from trainings.invoice_pdf import invoice_pdf
from trainings.models import Invoice, Order
from trainings.operations.invoices import credit_invoice, issue_invoice
from trainings.queries.invoices import invoice_of


@bp.get("/orders/<int:order_id>/invoices/<int:number>.pdf")
@role_required()
def invoice_file(order_id: int, number: int) -> ResponseReturnValue:
    """An invoice or credit note of the order as PDF."""
    order = get_or_404(Order, order_id, Order.can_view)
    invoice = or_404(invoice_of(order, number))
    return pdf_file(invoice_pdf(invoice), f"invoice-{invoice.number}.pdf")


@bp.post("/invoices/<int:invoice_id>/credit")
@role_required(Role.ADMIN)
def credit_note(invoice_id: int) -> ResponseReturnValue:
    """Cancel an invoice with a credit note, giving the reason."""
    invoice = get_or_404(Invoice, invoice_id, Invoice.can_view)
    form = CreditNoteForm()
    if not form.validate_on_submit():
        flash(_("Give a reason for the credit note."), "danger")
    elif perform(
        lambda: credit_invoice(invoice, current_user, given(form.reason.data), _today())
    ).ok:
        flash(_("The credit note was issued."), "success")
    return redirect(url_for("trainings.order_page", order_id=invoice.order_id))


@bp.post("/orders/<int:order_id>/invoice")
@role_required(Role.ADMIN)
def invoice_again(order_id: int) -> ResponseReturnValue:
    """Invoice an order again, after its invoice was credited."""
    order = get_or_404(Order, order_id, Order.can_manage)
    if (
        ButtonForm().validate_on_submit()
        and perform(lambda: issue_invoice(order, current_user, _today())).ok
    ):
        flash(_("The invoice was issued."), "success")
    return redirect(url_for("trainings.order_page", order_id=order.id))


def _today() -> date:
    """Today in Helsinki."""
    return utcnow().astimezone(HELSINKI).date()
