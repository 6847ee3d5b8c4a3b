"""Keeping the catalogue: offerings (archived, never deleted once ordered), channels, trainers."""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _

from paja.errors import RuleViolation
from paja.extensions import db
from paja.lists import reaches
from paja.models import Role, User
from paja.slugs import check_slug, slugify
from trainings.models import Channel, Offering, Order, Trainer, TrainingSession
from trainings.models.catalogue import offering_channels

log = logging.getLogger(__name__)


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


@dataclass
class OfferingDetails:
    """What an admin fills in about a workshop."""

    title: str
    slug: str
    summary: str
    description: str
    duration_minutes: int
    price_excl_vat: Decimal
    vat_rate: Decimal
    onsite: bool
    remote: bool
    hybrid: bool
    max_participants: int
    language: str
    channels: list[Channel]
    trainers: list[Trainer]
    next_offering: Offering | None
    active: bool


def save_offering(actor: User, offering: Offering, details: OfferingDetails) -> Offering:
    """Create or update an offering: unique address, a delivery mode, no loop in the series."""
    taken = _("Another workshop already uses this address name.")
    check_slug(details.slug, "/trainings", Offering.slug, offering.id, taken)
    if not (details.onsite or details.remote or details.hybrid):
        raise RuleViolation(_("Choose at least one way of delivery."), "onsite")
    if reaches(details.next_offering, offering, lambda o: o.next_offering):
        raise RuleViolation(_("The series cannot loop back to this workshop."), "next_offering")
    for field in fields(details):
        setattr(offering, field.name, getattr(details, field.name))
    db.session.add(offering)
    db.session.flush()
    log.info("offering %s saved by %s", offering.slug, actor.email)
    return offering


def save_channel(
    actor: User, channel: Channel, slug: str, names: tuple[str, str, str], position: int
) -> Channel:
    """Create or update a channel with its names in Finnish, Swedish and English."""
    taken = db.session.scalar(
        sa.select(Channel.id).where(Channel.slug == slug, Channel.id != channel.id)
    )
    if taken is not None:
        raise RuleViolation(_("Another channel already uses this address name."), "slug")
    channel.slug = slug
    channel.name_fi, channel.name_sv, channel.name_en = (name.strip() for name in names)
    channel.position = position
    db.session.add(channel)
    db.session.flush()
    log.info("channel %s saved by %s", slug, actor.email)
    return channel


def remove_channel(actor: User, channel: Channel) -> None:
    """Delete a channel no workshop uses."""
    used = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(offering_channels)
        .where(offering_channels.c.channel_id == channel.id)
    )
    if used:
        raise RuleViolation(_("Workshops use this channel; remove it from them first."))
    db.session.delete(channel)
    db.session.flush()
    log.info("channel %s removed by %s", channel.slug, actor.email)


def create_trainer_profile(actor: User, user: User | None) -> Trainer:
    """Give a user holding the trainer role a public profile (one per user)."""
    if user is None:
        raise RuleViolation(_("No account has this email address."), "email")
    if not user.has_role(Role.TRAINER):
        raise RuleViolation(_("Give the trainer role to this user first."), "email")
    if db.session.scalar(sa.select(Trainer.id).where(Trainer.user_id == user.id)) is not None:
        raise RuleViolation(_("%(name)s already has a profile.", name=user.name), "email")
    base = slugify(user.name) or "kouluttaja"
    slug, n = base, 1
    while db.session.scalar(sa.select(Trainer.id).where(Trainer.slug == slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    trainer = Trainer(user=user, slug=slug)
    db.session.add(trainer)
    db.session.flush()
    log.info("trainer profile %s created by %s", slug, actor.email)
    return trainer


@dataclass
class TrainerDetails:
    """What a trainer tells about themself on their public profile."""

    title: str
    bio: str
    expertise: str
    blog_readers: int | None
    followers: int | None
    phone: str
    language: str = "fi"


def update_trainer_profile(trainer: Trainer, details: TrainerDetails) -> None:
    """Change a trainer's public profile."""
    trainer.title = details.title.strip()
    trainer.bio = details.bio
    trainer.expertise = details.expertise.strip()
    trainer.blog_readers, trainer.followers = details.blog_readers, details.followers
    trainer.phone = details.phone.strip()
    trainer.language = details.language
    db.session.flush()
    log.info("trainer profile %s edited", trainer.slug)
