"""Orders from organisations: requested, confirmed, delivered, invoiced or cancelled."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.extensions import db
from paja.i18n import visitor_language
from paja.models import Membership, Organisation, Role, User
from trainings.models.catalogue import Channel, Offering
from trainings.money import PriceLine, Totals, totals


class OrderStatus(StrEnum):
    """Where an order is in its life."""

    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    DELIVERED = "delivered"
    INVOICED = "invoiced"
    CANCELLED = "cancelled"


order_channels = sa.Table(
    "order_channels",
    Base.metadata,
    sa.Column("order_id", sa.ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("channel_id", sa.ForeignKey("channels.id", ondelete="CASCADE"), primary_key=True),
)


class Order(Base):
    """An organisation's order of one workshop; its price is a snapshot in its lines."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    offering_id: Mapped[int] = mapped_column(sa.ForeignKey("offerings.id"))
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    contact_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    status: Mapped[OrderStatus] = mapped_column(
        string_enum(OrderStatus), default=OrderStatus.REQUESTED, index=True
    )
    participants: Mapped[int]
    preferred_date_1: Mapped[date]
    preferred_date_2: Mapped[date | None]
    preferred_date_3: Mapped[date | None]
    mode: Mapped[str] = mapped_column(sa.String(10))
    address: Mapped[str] = mapped_column(sa.String(300), default="")
    has_accounts: Mapped[bool] = mapped_column(default=False)
    tailoring: Mapped[str] = mapped_column(sa.Text, default="")
    einvoice_address: Mapped[str] = mapped_column(sa.String(35), default="")
    einvoice_operator: Mapped[str] = mapped_column(sa.String(35), default="")
    billing_address: Mapped[str] = mapped_column(sa.String(300), default="")
    buyer_reference: Mapped[str] = mapped_column(sa.String(100), default="")
    # The language of the pages the person used: their mails follow it (see mail_language).
    language: Mapped[str | None] = mapped_column(sa.String(5), default=visitor_language)
    cancel_reason: Mapped[str] = mapped_column(sa.String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    offering: Mapped[Offering] = relationship(lazy="joined", innerjoin=True)
    organisation: Mapped[Organisation] = relationship(lazy="joined", innerjoin=True)
    contact: Mapped[User] = relationship(lazy="joined", innerjoin=True)
    channels: Mapped[list[Channel]] = relationship(
        secondary=order_channels, order_by=Channel.position
    )
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", order_by="OrderLine.id", cascade="all, delete-orphan"
    )
    events: Mapped[list[OrderEvent]] = relationship(
        back_populates="order", order_by="OrderEvent.id", cascade="all, delete-orphan"
    )

    @property
    def preferred_dates(self) -> list[date]:
        """The one to three dates the customer suggested."""
        return [
            d for d in (self.preferred_date_1, self.preferred_date_2, self.preferred_date_3) if d
        ]

    @property
    def totals(self) -> Totals:
        """Net, VAT per rate and gross of the order's lines."""
        return totals(line.price_line for line in self.lines)

    def can_view(self, user: User) -> bool:
        """Admins, and the ordering organisation's customer contacts (members with the customer
        role): they see prices, billing and the invitation link, and may cancel. Staff who are
        plain members take part through the invitation link and see none of it."""
        if not user.is_authenticated:
            return False
        if user.has_role(Role.ADMIN):
            return True
        return user.has_role(Role.CUSTOMER) and (
            db.session.get(Membership, (self.organisation_id, user.id)) is not None
        )

    def can_manage(self, user: User) -> bool:
        """Only admins move orders forward and add lines."""
        return user.is_authenticated and user.has_role(Role.ADMIN)


class OrderLine(Base):
    """One priced line of an order (the workshop, travel costs, ...)."""

    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(sa.String(300))
    quantity: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))
    unit_price: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))
    vat_rate: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))

    order: Mapped[Order] = relationship(back_populates="lines")

    @property
    def price_line(self) -> PriceLine:
        """The line as money arithmetic sees it."""
        return PriceLine(self.quantity, self.unit_price, self.vat_rate)


class OrderEvent(Base):
    """A status change of an order: who, when, from what to what, and a note."""

    __tablename__ = "order_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    from_status: Mapped[OrderStatus | None] = mapped_column(string_enum(OrderStatus))
    to_status: Mapped[OrderStatus] = mapped_column(string_enum(OrderStatus))
    note: Mapped[str] = mapped_column(sa.String(500), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    order: Mapped[Order] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()
