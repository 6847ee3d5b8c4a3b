"""The catalogue as visitors, customers and admins look it up: offerings, channels, trainers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_sqlalchemy.pagination import Pagination

from paja.extensions import db
from paja.models import User
from paja.queries import paginate
from trainings.models import (
    Channel,
    DeliveryMode,
    Offering,
    SessionStatus,
    Trainer,
    TrainingSession,
)
from trainings.models.catalogue import offering_channels, offering_trainers

CATALOGUE_PAGE = 24  # cards a page: a multiple of the two columns


@dataclass
class CatalogueFilter:
    """What a visitor narrows the catalogue by."""

    text: str = ""
    channel: str = ""
    mode: str = ""
    max_minutes: int | None = None
    max_price: Decimal | None = None


def search_offerings(wanted: CatalogueFilter) -> Pagination:
    """The page of active offerings matching the filter that `?page=` asks for, cheapest
    first, CATALOGUE_PAGE a page (a fixed number of queries however many there are)."""
    statement = sa.select(Offering).where(Offering.active.is_(True))
    if wanted.text:
        pattern = f"%{wanted.text.lower()}%"
        statement = statement.where(
            sa.or_(
                sa.func.lower(Offering.title).like(pattern),
                sa.func.lower(Offering.summary).like(pattern),
                sa.func.lower(Offering.description).like(pattern),
            )
        )
    if wanted.channel:
        statement = statement.where(
            Offering.id.in_(
                sa.select(offering_channels.c.offering_id)
                .join(Channel, Channel.id == offering_channels.c.channel_id)
                .where(Channel.slug == wanted.channel)
            )
        )
    if wanted.mode in {mode.value for mode in DeliveryMode}:
        statement = statement.where(getattr(Offering, wanted.mode).is_(True))
    if wanted.max_minutes:
        statement = statement.where(Offering.duration_minutes <= wanted.max_minutes)
    if wanted.max_price is not None:
        statement = statement.where(Offering.price_excl_vat <= wanted.max_price)
    statement = statement.order_by(Offering.price_excl_vat, Offering.title, Offering.id)
    return paginate(statement, per_page=CATALOGUE_PAGE)


def channels() -> list[Channel]:
    """All channels in their display order."""
    return list(db.session.scalars(sa.select(Channel).order_by(Channel.position, Channel.slug)))


def upcoming_open_sessions(offering: Offering, now: datetime) -> list[TrainingSession]:
    """The offering's scheduled open sessions that have not started."""
    return list(
        db.session.scalars(
            sa.select(TrainingSession)
            .where(
                TrainingSession.offering_id == offering.id,
                TrainingSession.organisation_id.is_(None),
                TrainingSession.status == SessionStatus.SCHEDULED,
                TrainingSession.starts_at > now,
            )
            .order_by(TrainingSession.starts_at)
        )
    )


def active_offerings() -> list[Offering]:
    """Every orderable workshop, by title."""
    return list(
        db.session.scalars(
            sa.select(Offering).where(Offering.active.is_(True)).order_by(Offering.title)
        )
    )


def all_offerings() -> list[Offering]:
    """Every workshop, archived ones last, by title."""
    return list(
        db.session.scalars(sa.select(Offering).order_by(Offering.active.desc(), Offering.title))
    )


def offering_by_slug(slug: str) -> Offering | None:
    """The orderable workshop with this address name (archived ones are not found)."""
    return db.session.scalar(
        sa.select(Offering).where(Offering.slug == slug, Offering.active.is_(True))
    )


def channels_by_ids(ids: list[int]) -> list[Channel]:
    """The channels with these ids, in their display order."""
    return list(
        db.session.scalars(
            sa.select(Channel).where(Channel.id.in_(ids)).order_by(Channel.position, Channel.slug)
        )
    )


def trainers() -> list[Trainer]:
    """Every trainer profile, by name."""
    return list(db.session.scalars(sa.select(Trainer).join(User).order_by(User.name, Trainer.id)))


def trainers_by_ids(ids: list[int]) -> list[Trainer]:
    """The trainer profiles with these ids, by name."""
    return [trainer for trainer in trainers() if trainer.id in set(ids)]


def public_trainers() -> list[Trainer]:
    """Trainers whose accounts are active, by name."""
    return list(
        db.session.scalars(
            sa.select(Trainer).join(User).where(User.active.is_(True)).order_by(User.name)
        )
    )


def trainer_by_slug(slug: str) -> Trainer | None:
    """An active trainer's profile by its address name."""
    return db.session.scalar(
        sa.select(Trainer).join(User).where(Trainer.slug == slug, User.active.is_(True))
    )


def offerings_of(trainer: Trainer) -> list[Offering]:
    """The orderable workshops a trainer gives, by title."""
    return list(
        db.session.scalars(
            sa.select(Offering)
            .join(offering_trainers)
            .where(offering_trainers.c.trainer_id == trainer.id, Offering.active.is_(True))
            .order_by(Offering.title)
        )
    )
