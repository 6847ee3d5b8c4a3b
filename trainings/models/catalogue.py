"""What is sold: channels, trainers and offerings (workshops)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from paja.database import Base, UTCDateTime, utcnow
from paja.models import Role, User
from trainings.money import DEFAULT_VAT_RATE, gross


class DeliveryMode(StrEnum):
    """How a workshop is delivered."""

    ONSITE = "onsite"
    REMOTE = "remote"
    HYBRID = "hybrid"


offering_channels = sa.Table(
    "offering_channels",
    Base.metadata,
    sa.Column("offering_id", sa.ForeignKey("offerings.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("channel_id", sa.ForeignKey("channels.id", ondelete="CASCADE"), primary_key=True),
)
offering_trainers = sa.Table(
    "offering_trainers",
    Base.metadata,
    sa.Column("offering_id", sa.ForeignKey("offerings.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("trainer_id", sa.ForeignKey("trainers.id", ondelete="CASCADE"), primary_key=True),
)


class Channel(Base):
    """A social-media channel a workshop covers, named in each language."""

    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name_fi: Mapped[str] = mapped_column(sa.String(60))
    name_sv: Mapped[str] = mapped_column(sa.String(60))
    name_en: Mapped[str] = mapped_column(sa.String(60))
    position: Mapped[int] = mapped_column(default=0)

    def name(self, language: str) -> str:
        """The channel's name in a language (Finnish when unknown)."""
        return getattr(self, f"name_{language}", None) or self.name_fi


class Trainer(Base):
    """A trainer's public profile, linked to a user holding the trainer role."""

    __tablename__ = "trainers"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    title: Mapped[str] = mapped_column(sa.String(200), default="")
    bio: Mapped[str] = mapped_column(sa.Text, default="")
    # The language the title, introduction and expertise are written in (marked on pages).
    language: Mapped[str] = mapped_column(sa.String(5), default="fi", server_default="fi")
    expertise: Mapped[str] = mapped_column(sa.String(500), default="")
    blog_readers: Mapped[int | None]
    followers: Mapped[int | None]
    phone: Mapped[str] = mapped_column(sa.String(40), default="")

    user: Mapped[User] = relationship(lazy="joined", innerjoin=True)

    @property
    def name(self) -> str:
        """The trainer's name (from the account)."""
        return self.user.name

    @property
    def expertise_areas(self) -> list[str]:
        """Areas of expertise, one per comma."""
        return [area.strip() for area in self.expertise.split(",") if area.strip()]

    def can_edit(self, user: User) -> bool:
        """The trainer themself and admins."""
        return user.is_authenticated and (user.id == self.user_id or user.has_role(Role.ADMIN))


class Offering(Base):
    """A workshop in the catalogue; archived rather than deleted once ordered."""

    __tablename__ = "offerings"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(120), unique=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str] = mapped_column(sa.String(500), default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    duration_minutes: Mapped[int]
    price_excl_vat: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))
    vat_rate: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2), default=DEFAULT_VAT_RATE)
    onsite: Mapped[bool] = mapped_column(default=True)
    remote: Mapped[bool] = mapped_column(default=False)
    hybrid: Mapped[bool] = mapped_column(default=False)
    max_participants: Mapped[int]
    language: Mapped[str] = mapped_column(sa.String(5), default="fi")
    active: Mapped[bool] = mapped_column(default=True)
    next_offering_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("offerings.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    channels: Mapped[list[Channel]] = relationship(
        secondary=offering_channels, order_by=Channel.position, lazy="selectin"
    )
    trainers: Mapped[list[Trainer]] = relationship(secondary=offering_trainers, lazy="selectin")
    next_offering: Mapped[Offering | None] = relationship(
        remote_side=[id], foreign_keys=[next_offering_id], back_populates="previous_offerings"
    )
    previous_offerings: Mapped[list[Offering]] = relationship(back_populates="next_offering")

    @property
    def modes(self) -> list[DeliveryMode]:
        """The delivery modes this workshop supports."""
        return [mode for mode in DeliveryMode if getattr(self, mode.value)]

    @property
    def price_incl_vat(self) -> Decimal:
        """The price with VAT."""
        return gross(self.price_excl_vat, self.vat_rate)
