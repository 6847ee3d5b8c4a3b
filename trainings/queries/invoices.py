"""Invoices and credit notes of orders."""

from __future__ import annotations

import sqlalchemy as sa

from paja.extensions import db
from trainings.models import Invoice, Order, OrderStatus


def invoices_of(order: Order) -> list[Invoice]:
    """The order's invoices and credit notes, in the order they were issued."""
    return list(
        db.session.scalars(
            sa.select(Invoice).where(Invoice.order_id == order.id).order_by(Invoice.number)
        )
    )


def invoice_of(order: Order, number: int) -> Invoice | None:
    """The order's invoice of that number (another order's is not found)."""
    return db.session.scalar(
        sa.select(Invoice).where(Invoice.order_id == order.id, Invoice.number == number)
    )


def live_invoice(order: Order) -> Invoice | None:
    """The order's invoice that no credit note cancels, if any."""
    credited = sa.select(Invoice.credits_id).where(Invoice.credits_id.is_not(None))
    return db.session.scalar(
        sa.select(Invoice).where(
            Invoice.order_id == order.id,
            Invoice.credits_id.is_(None),
            Invoice.id.not_in(credited),
        )
    )


def awaits_new_invoice(order: Order) -> bool:
    """Whether an invoiced order's invoices are all credited: its lines may be corrected and
    a new invoice issued."""
    return (
        order.status == OrderStatus.INVOICED
        and bool(
            db.session.scalar(sa.select(Invoice.id).where(Invoice.order_id == order.id).limit(1))
        )
        and live_invoice(order) is None
    )
