"""Order rules: placing an order, its one status workflow, and extra lines."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _

from paja.database import utcnow
from paja.errors import RuleViolation, RuleViolations, check_all
from paja.extensions import db
from paja.i18n import HELSINKI, when
from paja.mail import send_mail
from paja.models import Organisation, Role, User, UserRole
from paja.organisations import OrganisationDetails
from trainings.labels import STATUS_LABELS
from trainings.models import (
    Channel,
    Offering,
    Order,
    OrderEvent,
    OrderLine,
    OrderStatus,
    Trainer,
    TrainingSession,
)
from trainings.operations.feedback import attach_survey
from trainings.operations.invoices import issue_invoice
from trainings.operations.order_mails import tell_contact
from trainings.operations.orderers import check_orderer, new_organisation_of
from trainings.operations.scheduling import check_delivery, check_times
from trainings.operations.session_changes import tell_trainers
from trainings.queries.invoices import awaits_new_invoice
from trainings.webhook_events import order_event

log = logging.getLogger(__name__)

TRANSITIONS: dict[OrderStatus, set[OrderStatus]] = {
    OrderStatus.REQUESTED: {OrderStatus.CONFIRMED, OrderStatus.CANCELLED},
    OrderStatus.CONFIRMED: {OrderStatus.DELIVERED, OrderStatus.CANCELLED},
    OrderStatus.DELIVERED: {OrderStatus.INVOICED},
    OrderStatus.INVOICED: set(),
    OrderStatus.CANCELLED: set(),
}


@dataclass
class OrderRequest:
    """What a customer fills in when ordering a workshop."""

    participants: int
    preferred_dates: list[date]
    mode: str
    address: str = ""
    channels: list[Channel] = field(default_factory=list)
    has_accounts: bool = False
    tailoring: str = ""
    einvoice_address: str = ""
    einvoice_operator: str = ""
    billing_address: str = ""
    buyer_reference: str = ""


@dataclass
class NewAccount:
    """A newcomer's account, made when they confirm their address from the mail."""

    name: str
    email: str
    password: str
    locale: str | None = None


@dataclass
class Confirmation:
    """What the admin decides when confirming: when, who, where."""

    starts_at: datetime
    ends_at: datetime
    trainers: list[Trainer]
    place: str = ""
    meeting_url: str = ""
    note: str = ""


def check_request(offering: Offering, request: OrderRequest, today: date) -> None:
    """Refuse an order the offering cannot take, saying everything that is wrong at once."""
    if not offering.active:
        raise RuleViolation(_("This workshop is no longer available."))
    found: list[RuleViolation] = []
    if not 1 <= request.participants <= offering.max_participants:
        found.append(RuleViolation(
            _("Expect 1–%(max)d participants for this workshop.", max=offering.max_participants),
            "participants",
        ))  # fmt: skip
    if not 1 <= len(request.preferred_dates) <= 3:
        found.append(RuleViolation(_("Suggest one to three dates."), "date_1"))
    elif any(day <= today for day in request.preferred_dates):
        found.append(RuleViolation(_("Suggest dates in the future."), "date_1"))
    if request.mode not in {mode.value for mode in offering.modes}:
        found.append(RuleViolation(_("This workshop is not delivered that way."), "mode"))
    elif request.mode != "remote" and not request.address.strip():
        found.append(RuleViolation(_("Give the address where the workshop is held."), "address"))
    if (
        not (request.einvoice_address and request.einvoice_operator)
        and not request.billing_address.strip()
    ):
        found.append(RuleViolation(
            _("Give an e-invoice address and operator, or a postal billing address."),
            "billing_address",
        ))  # fmt: skip
    if found:
        raise RuleViolations(found)


def place_order(
    contact: User, organisation: Organisation, offering: Offering, request: OrderRequest
) -> Order:
    """Create a requested order with the offering's price snapshotted as its first line."""
    check_request(offering, request, utcnow().date())
    dates = [*sorted(request.preferred_dates), None, None]
    order = Order(
        offering=offering,
        organisation=organisation,
        contact=contact,
        participants=request.participants,
        preferred_date_1=dates[0],
        preferred_date_2=dates[1],
        preferred_date_3=dates[2],
        mode=request.mode,
        address=request.address.strip(),
        channels=list(request.channels),
        has_accounts=request.has_accounts,
        tailoring=request.tailoring.strip(),
        einvoice_address=request.einvoice_address.strip(),
        einvoice_operator=request.einvoice_operator.strip(),
        billing_address=request.billing_address.strip(),
        buyer_reference=request.buyer_reference.strip(),
        status=OrderStatus.REQUESTED,
    )
    order.lines.append(
        OrderLine(
            description=offering.title,
            quantity=Decimal("1"),
            unit_price=offering.price_excl_vat,
            vat_rate=offering.vat_rate,
        )
    )
    order.events.append(
        OrderEvent(actor=contact, from_status=None, to_status=OrderStatus.REQUESTED)
    )
    db.session.add(order)
    db.session.flush()
    log.info("order %s of %s placed by %s", order.id, offering.slug, contact.email)
    tell_contact(order)
    for admin in db.session.scalars(
        sa.select(User).join(UserRole).where(UserRole.role == Role.ADMIN, User.active.is_(True))
    ):
        send_mail(admin.email, "order_new", admin.locale, order=order)
    return order


def order_workshop(
    user: User,
    organisation_id: int | None,
    new_organisation: OrganisationDetails,
    offering: Offering,
    request: OrderRequest,
) -> Order:
    """Order as a member of an organisation, or create the organisation first."""
    check_member_order(user, organisation_id, new_organisation, offering, request)
    user.set_roles(user.roles | {Role.CUSTOMER, Role.PARTICIPANT})
    if organisation_id is not None:
        organisation = db.session.get_one(Organisation, organisation_id)
    else:
        organisation = new_organisation_of(user, new_organisation)
    return place_order(user, organisation, offering, request)


def check_member_order(
    user: User,
    organisation_id: int | None,
    new_organisation: OrganisationDetails,
    offering: Offering,
    request: OrderRequest,
) -> None:
    """Everything a member's order form could get wrong, refused together."""
    check_all(
        lambda: check_orderer(user, organisation_id, new_organisation),
        lambda: check_request(offering, request, utcnow().date()),
    )


def transition(order: Order, to: OrderStatus, actor: User, note: str = "") -> None:
    """Move an order to a new status; the only place statuses change. Illegal moves are refused."""
    if to not in TRANSITIONS[order.status]:
        raise RuleViolation(
            _(
                "An order that is %(current)s cannot become %(target)s.",
                current=status_label(order.status),
                target=status_label(to),
            )
        )
    if to == OrderStatus.CANCELLED:
        if not note.strip():
            raise RuleViolation(_("Give a reason for the cancellation."), "note")
        if not actor.has_role(Role.ADMIN) and order.status != OrderStatus.REQUESTED:
            raise RuleViolation(
                _("A confirmed order can only be cancelled by us; please contact us.")
            )
        order.cancel_reason = note.strip()
    if to == OrderStatus.DELIVERED:
        session = db.session.scalar(
            sa.select(TrainingSession).where(TrainingSession.order_id == order.id)
        )
        if session is not None and session.ends_at > utcnow():
            raise RuleViolation(
                _("The workshop is delivered once its session has ended, on %(end)s.",
                  end=when(session.ends_at))
            )  # fmt: skip
    order.events.append(
        OrderEvent(actor=actor, from_status=order.status, to_status=to, note=note.strip())
    )
    log.info("order %s: %s -> %s by %s", order.id, order.status, to, actor.email)
    previous = order.status.value
    order.status = to
    db.session.flush()
    invoice = None
    if to == OrderStatus.INVOICED:
        invoice = issue_invoice(order, actor, utcnow().astimezone(HELSINKI).date())
    tell_contact(order, invoice)
    order_event(order, previous)


def confirm_order(order: Order, actor: User, confirmation: Confirmation) -> TrainingSession:
    """Confirm an order: set time, trainers and place or link; create its private session."""
    check_times(confirmation.starts_at, confirmation.ends_at)
    if not confirmation.trainers:
        raise RuleViolation(_("Choose at least one trainer."), "trainers")
    check_delivery(order.mode, confirmation.place, confirmation.meeting_url)
    session = TrainingSession(
        offering=order.offering,
        order_id=order.id,
        organisation_id=order.organisation_id,
        starts_at=confirmation.starts_at,
        ends_at=confirmation.ends_at,
        registration_closes_at=confirmation.starts_at - timedelta(hours=1),
        mode=order.mode,
        place=confirmation.place.strip(),
        meeting_url=confirmation.meeting_url.strip(),
        capacity=max(order.participants, 1),
        trainers=list(confirmation.trainers),
    )
    db.session.add(session)
    db.session.flush()
    attach_survey(session)
    transition(order, OrderStatus.CONFIRMED, actor, confirmation.note)
    tell_trainers(session, [], [])
    return session


def add_line(
    order: Order,
    actor: User,
    description: str,
    quantity: Decimal,
    unit_price: Decimal,
    vat_rate: Decimal,
) -> OrderLine:
    """Add a priced line (e.g. travel costs, or a discount at a negative price) to an order
    that is not cancelled nor covered by an invoice (after a credit note it is again)."""
    closed = order.status == OrderStatus.CANCELLED or (
        order.status == OrderStatus.INVOICED and not awaits_new_invoice(order)
    )
    if closed:
        raise RuleViolation(_("Lines cannot be added to an invoiced or cancelled order."))
    if quantity <= 0:
        raise RuleViolation(_("The quantity must be more than zero."), "quantity")
    if not Decimal("0") <= vat_rate <= Decimal("100"):
        raise RuleViolation(_("The VAT rate must be between 0 and 100."), "vat_rate")
    line = OrderLine(
        description=description.strip(), quantity=quantity, unit_price=unit_price, vat_rate=vat_rate
    )
    order.lines.append(line)
    db.session.flush()
    log.info("line %r added to order %s by %s", line.description, order.id, actor.email)
    return line


def status_label(status: OrderStatus) -> str:
    """A status in the reader's language."""
    return str(STATUS_LABELS[status])
