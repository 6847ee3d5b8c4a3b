"""Issuing invoices and credit notes: a running number without gaps, the reference number
and virtual barcode, a snapshot that never changes. Flush, never commit."""

from __future__ import annotations

import json
import logging
from datetime import date, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from paja.bank_codes import reference_number, rf_reference, virtual_barcode
from paja.errors import RuleViolation
from paja.extensions import db
from paja.i18n import mail_language
from paja.models import User
from trainings.models import Invoice, InvoiceCounter, Order, OrderStatus
from trainings.queries.invoices import live_invoice

log = logging.getLogger(__name__)


def next_invoice_number() -> int:
    """The next number, raised in this transaction: racing issuers wait for each other's
    commit (a row lock on PostgreSQL, the write lock on SQLite), and a rollback gives the
    number back, so the numbers run without gaps."""
    raise_counter = (
        sa.update(InvoiceCounter)
        .where(InvoiceCounter.id == 1)
        .values(last_number=InvoiceCounter.last_number + 1)
        .returning(InvoiceCounter.last_number)
    )
    number = db.session.scalar(raise_counter)
    if number is not None:
        return int(number)
    first = current_app.config["INVOICE_FIRST_NUMBER"]
    try:
        with db.session.begin_nested():
            db.session.add(InvoiceCounter(id=1, last_number=first))
        return int(first)
    except IntegrityError:  # another issuer made the counter first: take the next one
        return int(db.session.execute(raise_counter).scalar_one())


def _seller() -> dict[str, str]:
    """The seller's details from the configuration, as they are today."""
    config = current_app.config
    keys = ("NAME", "ADDRESS", "BUSINESS_ID", "VAT_ID", "EMAIL", "IBAN", "BIC")
    return {key.lower(): config[f"SELLER_{key}"] for key in keys}


def _buyer(order: Order) -> dict[str, str]:
    """The buyer's details from the order and its organisation."""
    organisation = order.organisation
    address = order.billing_address or organisation.postal_billing_address
    return {
        "name": organisation.name,
        "business_id": organisation.business_id,
        "address": address,
        "einvoice_address": order.einvoice_address or organisation.einvoice_address,
        "einvoice_operator": order.einvoice_operator or organisation.einvoice_operator,
        "reference": order.buyer_reference,
        "contact": order.contact.name,
    }


def _reference(number: int) -> str:
    """The payment reference of an invoice number, national or RF as configured."""
    national = reference_number(number)
    return rf_reference(national) if current_app.config["INVOICE_REFERENCE"] == "rf" else national


def issue_invoice(order: Order, actor: User, today: date) -> Invoice:
    """Invoice an order's lines as they are now, once: another only after a credit note."""
    if order.status != OrderStatus.INVOICED:
        raise RuleViolation(_("Only an invoiced order gets an invoice."))
    if not order.lines:
        raise RuleViolation(_("An order without lines cannot be invoiced."))
    number = next_invoice_number()  # first: a racing issuer waits here, then sees ours
    if live_invoice(order) is not None:
        raise RuleViolation(_("This order already has an invoice: correct it with a credit note."))
    lines = [
        {"description": line.description, "quantity": str(line.quantity),
         "unit_price": str(line.unit_price), "vat_rate": str(line.vat_rate)}
        for line in order.lines
    ]  # fmt: skip
    due = today + timedelta(days=current_app.config["PAYMENT_TERMS_DAYS"])
    reference = _reference(number)
    gross = order.totals.gross
    invoice = Invoice(
        number=number, order_id=order.id, issued_on=today, due_on=due, reference=reference,
        barcode=virtual_barcode(current_app.config["SELLER_IBAN"], reference, gross, due),
        language=mail_language(order.contact, order.language) or "fi",
        seller_json=json.dumps(_seller()), buyer_json=json.dumps(_buyer(order)),
        lines_json=json.dumps(lines), gross=gross, issued_by_id=actor.id,
    )  # fmt: skip
    db.session.add(invoice)
    db.session.flush()
    log.info("invoice %s issued for order %s by %s", number, order.id, actor.email)
    return invoice


def credit_invoice(invoice: Invoice, actor: User, reason: str, today: date) -> Invoice:
    """A credit note cancelling an invoice in full; the order can then be invoiced again."""
    if invoice.is_credit_note:
        raise RuleViolation(_("A credit note cannot be credited."))
    if not reason.strip():
        raise RuleViolation(_("Give a reason for the credit note."), "reason")
    number = next_invoice_number()  # first: a racing credit waits here, then sees ours
    if db.session.scalar(sa.select(Invoice.id).where(Invoice.credits_id == invoice.id)):
        raise RuleViolation(_("This invoice is already credited."))
    lines = [
        {**line, "quantity": str(-line["quantity"]), "unit_price": str(line["unit_price"]),
         "vat_rate": str(line["vat_rate"])}
        for line in invoice.lines
    ]  # fmt: skip
    note = Invoice(
        number=number, order_id=invoice.order_id, credits_id=invoice.id,
        issued_on=today, due_on=today, language=invoice.language,
        seller_json=invoice.seller_json, buyer_json=invoice.buyer_json,
        lines_json=json.dumps(lines), gross=-invoice.gross, reason=reason.strip(),
        issued_by_id=actor.id,
    )  # fmt: skip
    db.session.add(note)
    db.session.flush()
    log.info("credit note %s for invoice %s by %s", note.number, invoice.number, actor.email)
    return note
