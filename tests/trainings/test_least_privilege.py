"""A plain member of an ordering organisation (staff taking part) sees what taking part needs:
not its orders, prices, billing, invitation link, participant lists or feedback."""

from __future__ import annotations

from datetime import timedelta

from flask.testing import FlaskClient

from paja.extensions import db
from paja.models import Membership, Role, User
from tests import factories
from tests.conftest import Auth
from tests.trainings.factories import create_order, create_registration, create_session
from trainings.models import OrderStatus
from trainings.operations.feedback import attach_survey


def join(organisation_id: int, role: Role) -> User:
    """A new member of the organisation holding the role."""
    user = factories.create_user(roles={role})
    db.session.add(Membership(organisation_id=organisation_id, user_id=user.id))
    db.session.commit()
    return user


def test_a_plain_member_sees_no_order_and_cannot_cancel_it(client: FlaskClient, auth: Auth) -> None:
    order = create_order()
    auth.login(join(order.organisation_id, Role.PARTICIPANT))
    assert client.get(f"/trainings/orders/{order.id}").status_code == 403
    assert client.get(f"/trainings/orders/{order.id}/confirmation.pdf").status_code == 403
    response = client.post(f"/trainings/orders/{order.id}/cancel", data={"note": "Ei tarvita"})
    assert response.status_code == 403
    db.session.refresh(order)
    assert order.status == OrderStatus.REQUESTED
    page = client.get("/trainings/orders/").get_data(as_text=True)
    assert f"/trainings/orders/{order.id}" not in page


def test_a_customer_contact_sees_and_cancels_the_order(client: FlaskClient, auth: Auth) -> None:
    order = create_order()
    auth.login(join(order.organisation_id, Role.CUSTOMER))
    assert client.get(f"/trainings/orders/{order.id}").status_code == 200
    assert f"/trainings/orders/{order.id}" in client.get("/trainings/orders/").get_data(
        as_text=True
    )
    client.post(f"/trainings/orders/{order.id}/cancel", data={"note": "Budjetti loppui"})
    db.session.refresh(order)
    assert order.status == OrderStatus.CANCELLED


def test_a_plain_member_sees_no_participants_or_feedback(client: FlaskClient, auth: Auth) -> None:
    organisation = factories.create_organisation()
    session = create_session(organisation=organisation, starts_in=timedelta(days=-1))
    create_registration(session)
    attach_survey(session)
    db.session.commit()
    auth.login(join(organisation.id, Role.PARTICIPANT))
    assert client.get(f"/trainings/sessions/{session.id}/participants").status_code == 403
    assert client.get(f"/trainings/sessions/{session.id}/feedback").status_code == 403
    auth.login(join(organisation.id, Role.CUSTOMER))
    assert client.get(f"/trainings/sessions/{session.id}/participants").status_code == 200
    assert client.get(f"/trainings/sessions/{session.id}/feedback").status_code == 200
