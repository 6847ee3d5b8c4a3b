"""Invoices and credit notes: numbered without gaps, a snapshot of seller, buyer and lines,
never changed once issued (a correction is a credit note)."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from paja.database import Base, UTCDateTime, utcnow
from paja.models import User
from trainings.models.orders import Order
from trainings.money import PriceLine, Totals, totals


class InvoiceCounter(Base):
    """The last invoice number given: one row, raised in the issuing transaction, so a
    rolled-back invoice gives its number back and the numbers have no gaps."""

    __tablename__ = "invoice_counters"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_number: Mapped[int]


class Invoice(Base):
    """An issued invoice, or a credit note (negative lines) cancelling one."""

    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    order_id: Mapped[int] = mapped_column(sa.ForeignKey("orders.id"), index=True)
    credits_id: Mapped[int | None] = mapped_column(sa.ForeignKey("invoices.id"), unique=True)
    issued_on: Mapped[date]
    due_on: Mapped[date]
    reference: Mapped[str] = mapped_column(sa.String(30), default="")
    barcode: Mapped[str] = mapped_column(sa.String(54), default="")
    language: Mapped[str] = mapped_column(sa.String(5))
    seller_json: Mapped[str] = mapped_column(sa.Text)
    buyer_json: Mapped[str] = mapped_column(sa.Text)
    lines_json: Mapped[str] = mapped_column(sa.Text)
    gross: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2))
    reason: Mapped[str] = mapped_column(sa.String(500), default="")
    issued_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    order: Mapped[Order] = relationship(lazy="joined", innerjoin=True)
    credits: Mapped[Invoice | None] = relationship(remote_side=[id])
    issued_by: Mapped[User | None] = relationship()

    @property
    def is_credit_note(self) -> bool:
        """Whether this cancels an earlier invoice."""
        return self.credits_id is not None

    @property
    def seller(self) -> dict[str, str]:
        """The seller's details as they were when issued."""
        return dict(json.loads(self.seller_json))

    @property
    def buyer(self) -> dict[str, str]:
        """The buyer's details as they were when issued."""
        return dict(json.loads(self.buyer_json))

    @property
    def lines(self) -> list[dict[str, Any]]:
        """The lines: description, and quantity, unit price and VAT rate as Decimals."""
        return [
            {**line, **{k: Decimal(line[k]) for k in ("quantity", "unit_price", "vat_rate")}}
            for line in json.loads(self.lines_json)
        ]

    @property
    def totals(self) -> Totals:
        """Net, VAT per rate and gross of the lines."""
        return totals(
            PriceLine(line["quantity"], line["unit_price"], line["vat_rate"]) for line in self.lines
        )

    def can_view(self, user: User) -> bool:
        """Who sees the order sees its invoices."""
        return self.order.can_view(user)


class IssuedInvoiceChanged(Exception):
    """Raised when code tries to change or delete an issued invoice."""


@event.listens_for(Invoice, "before_update")
@event.listens_for(Invoice, "before_delete")
def _unchangeable(mapper: object, connection: object, invoice: Invoice) -> None:
    """An issued invoice is kept as it is (the law asks for it): correct with a credit note."""
    raise IssuedInvoiceChanged(f"invoice {invoice.number} is issued and cannot change")
