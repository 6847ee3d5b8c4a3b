"""The catalogue: finding offerings, and keeping them (archived, never deleted once ordered)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _

from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import User
from trainings.models import Channel, DeliveryMode, Offering, Order, TrainingSession
from trainings.models.catalogue import offering_channels

log = logging.getLogger(__name__)


@dataclass
class CatalogueFilter:
    """What a visitor narrows the catalogue by."""

    text: str = ""
    channel: str = ""
    mode: str = ""
    max_minutes: int | None = None
    max_price: Decimal | None = None


def search_offerings(wanted: CatalogueFilter) -> list[Offering]:
    """Active offerings matching the filter, cheapest first (a fixed number of queries)."""
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
    return list(db.session.scalars(statement))


def channels() -> list[Channel]:
    """All channels in their display order."""
    return list(db.session.scalars(sa.select(Channel).order_by(Channel.position, Channel.slug)))


def upcoming_open_sessions(
    offering: Offering, now: sa.ColumnElement | object
) -> list[TrainingSession]:
    """The offering's scheduled open sessions that have not started."""
    return list(
        db.session.scalars(
            sa.select(TrainingSession)
            .where(
                TrainingSession.offering_id == offering.id,
                TrainingSession.organisation_id.is_(None),
                TrainingSession.status == "scheduled",
                TrainingSession.starts_at > now,
            )
            .order_by(TrainingSession.starts_at)
        )
    )


def remove_offering(actor: User, offering: Offering) -> bool:
    """Delete an offering nobody ordered; archive one with orders. True when deleted."""
    ordered = db.session.scalar(
        sa.select(sa.func.count()).select_from(Order).where(Order.offering_id == offering.id)
    )
    if ordered or offering.previous_offerings:
        offering.active = False
        log.info("offering %s archived by %s", offering.slug, actor.email)
        return False
    sessions = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(TrainingSession)
        .where(TrainingSession.offering_id == offering.id)
    )
    if sessions:
        raise RuleViolation(_("This workshop has sessions; archive it instead."))
    db.session.delete(offering)
    db.session.flush()
    log.info("offering %s deleted by %s", offering.slug, actor.email)
    return True
