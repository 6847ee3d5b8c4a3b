"""Webhooks: signed events reach the receiver, failures are retried with back-off until a
2xx (then never again), deliveries that give up are shown to admins and can be sent again;
an organisation's webhook hears only of its own."""

import hashlib
import hmac
import json
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Role
from paja.webhook_transport import check_url
from paja.webhooks import BACKOFF, Delivery, Webhook, attempt
from tests import factories
from tests.conftest import Auth
from tests.webhook_receiver import receiver

ALL_EVENTS = ["registration.created", "registration.cancelled", "registration.promoted",
              "order.status_changed", "certificate.issued", "certificate.revoked"]  # fmt: skip


def subscribe(
    client: FlaskClient, url: str, owner: str = "all", events: list | None = None
) -> Webhook:
    """Subscribe through the page; the new webhook."""
    client.post(
        "/account/webhooks/", data={"url": url, "owner": owner, "events": events or ALL_EVENTS}
    )
    return db.session.scalars(sa.select(Webhook).order_by(Webhook.id.desc())).first()


def register(client: FlaskClient, session_id: int, email: str) -> None:
    """Someone registers on the session's page."""
    client.post(f"/trainings/sessions/{session_id}/register", data={"name": "Åsa", "email": email})


def test_a_signed_event_reaches_the_receiver(client: FlaskClient, auth: Auth) -> None:
    from tests.trainings.factories import create_session

    session = create_session()
    auth.login(Role.ADMIN)
    with receiver() as got:
        hook = subscribe(client, got.url)
        page = client.get(f"/account/webhooks/{hook.id}").text
        assert hook.secret in page  # the owner sees the secret to check signatures with
        auth.logout()
        register(client, session.id, "asa@example.fi")
        [(headers, body)] = got.requests
    expected = hmac.new(hook.secret.encode(), headers["Paja-Timestamp"].encode() + b"." + body,
                        hashlib.sha256).hexdigest()  # fmt: skip
    assert headers["Paja-Signature"] == f"v1={expected}"
    assert abs(int(headers["Paja-Timestamp"]) - utcnow().timestamp()) < 60
    message = json.loads(body)
    assert (message["event"], message["data"]["email"]) == (
        "registration.created",
        "asa@example.fi",
    )
    assert headers["Paja-Event"] == "registration.created"
    delivery = db.session.get(Delivery, message["id"])
    assert (delivery.status, delivery.attempts, delivery.last_status) == ("delivered", 1, 200)


def test_failures_are_retried_with_back_off_until_received(client: FlaskClient, auth: Auth) -> None:
    from tests.trainings.factories import create_session

    session = create_session()
    auth.login(Role.ADMIN)
    with receiver() as got:
        subscribe(client, got.url, events=["registration.created"])
        got.answers = [500, 503]
        register(client, session.id, "bo@example.fi")
        delivery = db.session.scalars(sa.select(Delivery)).one()
        db.session.refresh(delivery)
        assert (delivery.status, delivery.attempts, delivery.last_status) == ("pending", 1, 500)
        wait = delivery.next_attempt_at - utcnow()
        assert timedelta(seconds=50) < wait <= timedelta(minutes=BACKOFF[0])
        assert not attempt(delivery.id, utcnow())  # not due yet: nothing is sent
        assert len(got.requests) == 1
        later = utcnow() + timedelta(minutes=2)
        assert not attempt(delivery.id, later)  # 503: the next wait is longer
        db.session.refresh(delivery)
        assert delivery.next_attempt_at - utcnow() > timedelta(minutes=BACKOFF[1] - 1)
        assert attempt(delivery.id, utcnow() + timedelta(minutes=10))  # now 200
        assert not attempt(delivery.id, utcnow() + timedelta(days=1))  # never again
        assert len(got.requests) == 3
    bodies = {body for _headers, body in got.requests}
    assert len(bodies) == 1  # the same message each time, with its id


def test_a_delivery_gives_up_and_the_admin_sends_it_again(client: FlaskClient, auth: Auth) -> None:
    from tests.trainings.factories import create_session

    session = create_session()
    auth.login(Role.ADMIN)
    with receiver() as got:
        subscribe(client, got.url, events=["registration.created"])
        got.answers = [500] * (len(BACKOFF) + 1)
        register(client, session.id, "cy@example.fi")
        delivery = db.session.scalars(sa.select(Delivery)).one()
        moment = utcnow()
        for _ in BACKOFF:
            moment += timedelta(days=1)
            attempt(delivery.id, moment)
        db.session.refresh(delivery)
        assert (delivery.status, delivery.attempts) == ("failed", len(BACKOFF) + 1)
        assert "cy@example.fi" not in client.get("/account/webhooks/").text  # no personal data
        assert "registration.created" in client.get("/account/webhooks/").text
        client.post(f"/account/webhooks/deliveries/{delivery.id}/again")
        db.session.refresh(delivery)
        assert delivery.status == "delivered"


def test_an_organisations_webhook_hears_only_of_its_own(client: FlaskClient, auth: Auth) -> None:
    from tests.trainings.factories import create_order, create_session

    contact = auth.login(Role.CUSTOMER)
    organisation = factories.create_organisation(members=(contact,))
    own = create_session(organisation=organisation)
    open_session = create_session()
    with receiver() as got:
        hook = subscribe(client, got.url, owner=str(organisation.id))
        assert hook.organisation_id == organisation.id
        refused = subscribe(client, got.url, owner="all")  # only admins hear of everything
        assert refused.id == hook.id
        auth.logout()
        register(client, open_session.id, "open@example.fi")
        client.post(f"/trainings/sessions/{own.id}/register?invite={own.invite_token}",
                    data={"name": "Oma", "email": "oma@example.fi"})  # fmt: skip
        other = create_order()
        order = create_order(organisation=organisation, contact=contact)
        auth.login(Role.ADMIN)
        for each in (other, order):
            client.post(f"/trainings/orders/{each.id}/cancel", data={"note": "Ei tarvita"})
        events = [json.loads(body) for _headers, body in got.requests]
    assert [(e["event"], e["data"].get("email") or e["data"].get("id")) for e in events] == [
        ("registration.created", "oma@example.fi"),
        ("order.status_changed", order.id),
    ]


def test_only_its_owner_or_an_admin_sees_a_webhook(client: FlaskClient, auth: Auth) -> None:
    contact = auth.login(Role.CUSTOMER)
    organisation = factories.create_organisation(members=(contact,))
    hook = subscribe(client, "https://hooks.example.fi/paja", owner=str(organisation.id))
    auth.login(Role.CUSTOMER)
    assert client.get(f"/account/webhooks/{hook.id}").status_code == 403
    assert client.post(f"/account/webhooks/{hook.id}/stop").status_code == 403
    auth.login(Role.PARTICIPANT)
    assert client.get("/account/webhooks/").status_code == 403


def test_receivers_must_be_on_the_internet_in_production(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    with app.test_request_context():
        assert check_url("http://127.0.0.1:8000/hook")  # fine while developing
        with pytest.raises(RuleViolation):
            check_url("ftp://example.fi/hook")
        monkeypatch.setitem(app.config, "PAJA_ENV", "production")
        for url in ("http://hooks.example.fi/x", "https://127.0.0.1/x", "https://10.0.0.5/x",
                    "https://localhost/x"):  # fmt: skip
            with pytest.raises(RuleViolation):
                check_url(url)
        assert check_url("https://hooks.example.fi/paja") == "https://hooks.example.fi/paja"


def test_finished_deliveries_are_purged_after_30_days(app: Flask) -> None:
    from paja.webhooks import purge_deliveries

    hook = Webhook(owner_id=factories.create_user().id, url="https://hooks.example.fi/x",
                   secret="s" * 64, events_text="registration.created")  # fmt: skip
    db.session.add(hook)
    db.session.flush()
    old = utcnow() - timedelta(days=31)
    for status in ("delivered", "failed", "pending"):
        db.session.add(Delivery(webhook_id=hook.id, event="registration.created", body="{}",
                                status=status, created_at=old))  # fmt: skip
    db.session.add(Delivery(webhook_id=hook.id, event="registration.created", body="{}",
                            status="delivered"))  # fmt: skip
    db.session.commit()
    assert purge_deliveries(utcnow()) == 2
    assert sorted(db.session.scalars(sa.select(Delivery.status))) == ["delivered", "pending"]
