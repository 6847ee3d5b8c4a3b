"""The order status workflow: legal transitions, reasons, emails per step, confirmation rules."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import Flask, current_app

from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.mail import Mail
from paja.models import Role
from tests import factories
from tests.trainings.factories import create_offering, create_order, create_trainer
from trainings.models import OrderStatus, TrainingSession
from trainings.operations.orders import (
    Confirmation,
    confirm_order,
    transition,
)

ALL = list(OrderStatus)
LEGAL = {
    ("requested", "confirmed"), ("requested", "cancelled"), ("confirmed", "delivered"),
    ("confirmed", "cancelled"), ("delivered", "invoiced"),
}  # fmt: skip


def future(days: int = 30):
    return (utcnow() + timedelta(days=days)).date()


@pytest.mark.parametrize("source", ALL)
@pytest.mark.parametrize("target", ALL)
def test_every_transition_is_legal_or_refused(
    app: Flask, source: OrderStatus, target: OrderStatus
) -> None:
    admin = factories.create_user(roles={Role.ADMIN})
    order = create_order(status=source)
    if (source.value, target.value) in LEGAL:
        transition(order, target, admin, note="syy")
        assert order.status == target
        assert (order.events[-1].from_status, order.events[-1].to_status) == (source, target)
        assert order.events[-1].actor == admin
    else:
        with pytest.raises(RuleViolation, match="ei voi muuttua"):
            transition(order, target, admin, note="syy")
        assert order.status == source


def test_cancelling_needs_a_reason_and_customers_cannot_cancel_confirmed(app: Flask) -> None:
    order = create_order()
    with pytest.raises(RuleViolation, match="syy"):
        transition(order, OrderStatus.CANCELLED, order.contact, note=" ")
    confirmed = create_order(status=OrderStatus.CONFIRMED)
    with pytest.raises(RuleViolation, match="ota meihin yhteyttä"):
        transition(confirmed, OrderStatus.CANCELLED, confirmed.contact, note="Ei tarvita")
    transition(order, OrderStatus.CANCELLED, order.contact, note="Budjetti loppui")
    assert order.cancel_reason == "Budjetti loppui"


def test_each_step_emails_the_contact_in_their_language(app: Flask, mails: list[Mail]) -> None:
    admin = factories.create_user(roles={Role.ADMIN})
    contact = factories.create_user(locale="sv", roles={Role.CUSTOMER})
    trainer = create_trainer()
    order = create_order(contact=contact, offering=create_offering(title="Somestartti"))
    with app.test_request_context():
        confirm_order(order, admin, Confirmation(starts_at=utcnow() + timedelta(days=5), ends_at=utcnow() + timedelta(days=5, hours=2),
                                                 trainers=[trainer], meeting_url="https://meet.example.fi/x"))  # fmt: skip
        with pytest.raises(RuleViolation, match="on päättynyt"):
            transition(order, OrderStatus.DELIVERED, admin)  # not before the session ends
        session = db.session.scalar(
            sa.select(TrainingSession).where(TrainingSession.order_id == order.id)
        )
        session.starts_at -= timedelta(days=6)  # the session was held
        session.ends_at -= timedelta(days=6)
        transition(order, OrderStatus.DELIVERED, admin)
        transition(order, OrderStatus.INVOICED, admin)
        db.session.commit()
    number = current_app.config["INVOICE_FIRST_NUMBER"]
    assert [(m.to, m.subject) for m in mails] == [
        (contact.email, "Din beställning är bekräftad: Somestartti"),
        (trainer.user.email, "Koulutat: Somestartti"),
        (contact.email, "Tack för utbildningen: Somestartti"),
        (contact.email, f"Faktura {number}: Somestartti"),
    ]
    confirmed, assigned, _, invoiced = mails
    assert [a.filename for a in confirmed.attachments] == ["paja-session.ics"]
    assert "https://meet.example.fi/x" in confirmed.body
    assert f"invite={session.invite_token}" in confirmed.body  # the staff's invitation link
    assert trainer.name in confirmed.body
    assert [a.filename for a in assigned.attachments] == ["paja-session.ics"]
    assert [a.filename for a in invoiced.attachments] == [f"invoice-{number}.pdf"]
    session = db.session.scalar(
        sa.select(TrainingSession).where(TrainingSession.order_id == order.id)
    )
    assert session.organisation_id == order.organisation_id
    assert session.trainers == [trainer]


def test_confirmation_rules(app: Flask) -> None:
    admin = factories.create_user(roles={Role.ADMIN})
    order = create_order()  # remote
    start = utcnow() + timedelta(days=3)
    good = {"starts_at": start, "ends_at": start + timedelta(hours=2), "trainers": [create_trainer()],
                "meeting_url": "https://meet.example.fi/x"}  # fmt: skip
    for change, message in [({"ends_at": start}, "jälkeen"), ({"trainers": []}, "kouluttaja"),
                            ({"meeting_url": ""}, "kokouslinkin"), ({"meeting_url": "http://x.fi"}, "https"),
                            ({"starts_at": utcnow() - timedelta(hours=1)}, "tulevaisuudessa")]:  # fmt: skip
        with pytest.raises(RuleViolation, match=message):
            confirm_order(order, admin, Confirmation(**{**good, **change}))
    assert order.status == OrderStatus.REQUESTED
