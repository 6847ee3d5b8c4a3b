"""The mail telling an order's customer contact of its new status, with what it needs."""

from __future__ import annotations

import sqlalchemy as sa

from paja.extensions import db
from paja.i18n import mail_language
from paja.mail import Attachment, send_mail
from trainings.calendar import PUBLISH, calendar
from trainings.invoice_pdf import invoice_pdf
from trainings.models import Invoice, Order, OrderStatus, TrainingSession


def tell_contact(order: Order, invoice: Invoice | None = None) -> None:
    """Tell the customer contact about the order's new status, in their language; a
    confirmation carries the session's details and its calendar event, an invoice its PDF."""
    session = None
    attachments: tuple[Attachment, ...] = ()
    if order.status == OrderStatus.CONFIRMED:
        session = db.session.scalar(
            sa.select(TrainingSession).where(TrainingSession.order_id == order.id)
        )
    if session is not None:
        ics = calendar([(session, True)], session.title, PUBLISH)
        attachments = (Attachment("paja-session.ics", "text/calendar", ics),)
    if invoice is not None:
        name = f"invoice-{invoice.number}.pdf"
        attachments = (Attachment(name, "application/pdf", invoice_pdf(invoice)),)
    send_mail(
        order.contact.email,
        f"order_{order.status.value}",
        mail_language(order.contact, order.language),
        attachments,
        order=order,
        session=session,
        invoice=invoice,
    )
