"""Invoices and credit notes of orders."""

from __future__ import annotations

import sqlalchemy as sa

from paja.extensions import db
from trainings.models import Invoice, Order


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
