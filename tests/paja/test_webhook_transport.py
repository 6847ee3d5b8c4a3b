"""Deliveries go where the subscription said and nowhere else: a redirect is not followed,
and in production a receiver whose name has come to resolve to this machine or a private
network (DNS rebinding) is refused when connecting, before anything is sent."""

import socket

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from paja.extensions import db
from paja.models import Role
from paja.webhook_transport import InternalAddress, is_internal, public_address
from paja.webhooks import Delivery, attempt
from tests.conftest import Auth
from tests.paja.test_webhooks import register, subscribe
from tests.webhook_receiver import receiver


@pytest.mark.parametrize(
    ("address", "internal"),
    [
        ("127.0.0.1", True), ("10.1.2.3", True), ("192.168.0.10", True), ("172.16.5.4", True),
        ("169.254.169.254", True), ("100.64.0.1", True), ("0.0.0.0", True), ("::1", True),  # noqa: S104
        ("fd00::1", True), ("fe80::1%eth0", True), ("224.0.0.1", True), ("::ffff:127.0.0.1", True),
        ("193.166.3.2", False), ("2001:708:10::1", False),
    ],
)  # fmt: skip
def test_internal_addresses_are_told_apart(address: str, internal: bool) -> None:
    assert is_internal(address) is internal


def test_a_name_resolving_inside_is_refused_whatever_else_it_resolves_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def resolve(host: str, port: int, **kwargs: object) -> list:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in answers]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    answers = ["193.166.3.2"]
    assert public_address("hooks.example.fi", 443) == "193.166.3.2"
    answers = ["193.166.3.2", "10.0.0.7"]
    with pytest.raises(InternalAddress):
        public_address("hooks.example.fi", 443)


def test_a_receiver_that_turned_internal_gets_nothing_in_production(
    app: Flask, client: FlaskClient, auth: Auth, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.trainings.factories import create_session

    session = create_session()
    auth.login(Role.ADMIN)
    monkeypatch.setitem(app.config, "PAJA_ENV", "production")
    hook = subscribe(client, "https://hooks.example.fi/paja")  # public when subscribed
    assert hook is not None
    auth.logout()
    connected: list[object] = []
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: connected.append(a))
    monkeypatch.setattr(socket, "getaddrinfo",
                        lambda host, port, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "",
                                                  ("127.0.0.1", port))])  # fmt: skip
    register(client, session.id, "asa@example.fi")
    delivery = db.session.scalars(sa.select(Delivery)).one()
    assert delivery.last_status is None and "not on the internet" in delivery.last_answer
    assert connected == []  # refused before connecting
    assert delivery.status == "pending"  # tried again later, in case the name is fixed


def test_a_redirect_is_the_answer_not_followed(client: FlaskClient, auth: Auth) -> None:
    from tests.trainings.factories import create_session

    session = create_session()
    auth.login(Role.ADMIN)
    with receiver() as got:
        got.answers = [302]
        subscribe(client, got.url)
        auth.logout()
        register(client, session.id, "asa@example.fi")
        assert len(got.requests) == 1  # not sent again to where it pointed
    delivery = db.session.scalars(sa.select(Delivery)).one()
    assert (delivery.last_status, delivery.status) == (302, "pending")
    assert attempt(delivery.id, delivery.created_at) is False  # not due yet: not sent
