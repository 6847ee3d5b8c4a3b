"""Factories for trainings test data; each commits (a savepoint inside the test's transaction)."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from decimal import Decimal

from paja.database import utcnow
from paja.extensions import db
from paja.mail import Mail
from paja.models import Organisation, Role, User
from tests import factories
from trainings.models import (
    Channel,
    Invoice,
    Offering,
    Order,
    OrderEvent,
    OrderLine,
    OrderStatus,
    Registration,
    RegistrationStatus,
    Trainer,
    TrainingSession,
)
from trainings.operations.invoices import issue_invoice

_sequence = itertools.count(1)


def create_channel(slug: str | None = None) -> Channel:
    """A channel named alike in every language."""
    n = next(_sequence)
    slug = slug or f"kanava-{n}"
    channel = Channel(
        slug=slug, name_fi=f"{slug} fi", name_sv=f"{slug} sv", name_en=f"{slug} en", position=n
    )
    db.session.add(channel)
    db.session.commit()
    return channel


def create_trainer(user: User | None = None, name: str | None = None) -> Trainer:
    """A trainer profile with its user."""
    n = next(_sequence)
    user = user or factories.create_user(name=name or f"Kouluttaja {n}", roles={Role.TRAINER})
    trainer = Trainer(
        user=user, slug=f"kouluttaja-{n}", title="Some-kouluttaja", bio="**Kokenut** kouluttaja"
    )
    db.session.add(trainer)
    db.session.commit()
    return trainer


def create_offering(
    title: str | None = None,
    price: str = "500.00",
    minutes: int = 120,
    modes: tuple[str, ...] = ("onsite", "remote"),
    channels: tuple[Channel, ...] = (),
    trainers: tuple[Trainer, ...] = (),
    max_participants: int = 25,
    active: bool = True,
) -> Offering:
    """An offering in the catalogue."""
    n = next(_sequence)
    offering = Offering(
        slug=f"tyopaja-{n}",
        title=title or f"Työpaja {n}",
        summary="Tiivistelmä",
        description="Kuvaus",
        duration_minutes=minutes,
        price_excl_vat=Decimal(price),
        onsite="onsite" in modes,
        remote="remote" in modes,
        hybrid="hybrid" in modes,
        max_participants=max_participants,
        active=active,
        channels=list(channels),
        trainers=list(trainers),
    )
    db.session.add(offering)
    db.session.commit()
    return offering


def create_session(
    offering: Offering | None = None,
    capacity: int = 10,
    organisation: Organisation | None = None,
    starts_in: timedelta = timedelta(days=7),
    closes_before: timedelta = timedelta(hours=1),
    mode: str = "remote",
    trainers: tuple[Trainer, ...] = (),
    meeting_url: str = "https://meet.example.fi/paja",
) -> TrainingSession:
    """A scheduled session, open unless an organisation is given."""
    starts: datetime = utcnow() + starts_in
    session = TrainingSession(
        offering=offering or create_offering(),
        organisation_id=organisation.id if organisation else None,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        registration_closes_at=starts - closes_before,
        mode=mode,
        place="Kirkkokatu 12, Helsinki" if mode != "remote" else "",
        meeting_url=meeting_url if mode != "onsite" else "",
        capacity=capacity,
        trainers=list(trainers),
    )
    db.session.add(session)
    db.session.commit()
    return session


def create_registration(
    session: TrainingSession,
    user: User | None = None,
    status: RegistrationStatus = RegistrationStatus.CONFIRMED,
    needs: str = "",
) -> Registration:
    """A registration (taking a seat when confirmed)."""
    n = next(_sequence)
    registration = Registration(
        session_id=session.id,
        user_id=user.id if user else None,
        name=user.name if user else f"Osallistuja {n}",
        email=user.email if user else f"osallistuja{n}@example.fi",
        status=status,
        needs=needs,
    )
    if status == RegistrationStatus.CONFIRMED:
        session.seats_taken += 1
    db.session.add(registration)
    db.session.commit()
    return registration


def create_order(
    organisation: Organisation | None = None,
    contact: User | None = None,
    offering: Offering | None = None,
    status: OrderStatus = OrderStatus.REQUESTED,
) -> Order:
    """An order with the offering's price as its line."""
    offering = offering or create_offering()
    contact = contact or factories.create_user(roles={Role.CUSTOMER})
    organisation = organisation or factories.create_organisation(members=(contact,))
    order = Order(
        offering=offering,
        organisation=organisation,
        contact=contact,
        participants=10,
        preferred_date_1=(utcnow() + timedelta(days=30)).date(),
        mode="remote",
        billing_address="Testikatu 1, 00100 Helsinki",
        status=status,
        lines=[
            OrderLine(
                description=offering.title,
                quantity=Decimal(1),
                unit_price=offering.price_excl_vat,
                vat_rate=offering.vat_rate,
            )
        ],
        events=[OrderEvent(actor=contact, to_status=OrderStatus.REQUESTED)],
    )
    db.session.add(order)
    db.session.commit()
    return order


def without_certificates(mails: list[Mail]) -> list[Mail]:
    """The mails other than the certificates mailed to attendees without an account."""
    return [mail for mail in mails if "/courses/certificates/mailed/" not in mail.body]


def create_invoice(order: Order | None = None) -> Invoice:
    """An invoiced order's invoice, issued today by an admin."""
    order = order or create_order(status=OrderStatus.INVOICED)
    order.status = OrderStatus.INVOICED
    admin = factories.create_user(roles={Role.ADMIN})
    invoice = issue_invoice(order, admin, utcnow().date())
    db.session.commit()
    return invoice
