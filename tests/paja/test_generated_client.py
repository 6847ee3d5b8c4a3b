"""A client generated from the OpenAPI document by a standard generator (openapi-python-client)
lists the catalogue, registers a person for an open session and cancels the registration,
talking to the app over WSGI: the document is complete enough to build a working client."""

import importlib
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests import factories
from tests.api_helpers import token_for
from tests.trainings.factories import create_offering, create_session

GENERATOR = Path(sys.executable).with_name("openapi-python-client")


@pytest.fixture
def paja_client(client: FlaskClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The package the generator writes from the document the app serves, imported."""
    (tmp_path / "openapi.json").write_bytes(client.get("/api/v1/openapi.json").data)
    (tmp_path / "config.yaml").write_text("post_hooks: []\n")
    subprocess.run(
        [GENERATOR, "generate", "--path", "openapi.json", "--meta", "none",
         "--config", "config.yaml", "--output-path", "paja_client"],
        cwd=tmp_path, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [m for m in sys.modules if m.startswith("paja_client")]:
        del sys.modules[name]
    return importlib.import_module("paja_client")


def test_a_generated_client_lists_registers_and_cancels(app: Flask, paja_client) -> None:
    from paja_client.api.api_trainings import (  # type: ignore[import-not-found]
        create_registration,
        delete_registration,
        list_sessions,
        list_workshops,
    )
    from paja_client.models import RegistrationIn  # type: ignore[import-not-found]

    offering = create_offering(title="Somestartti")
    session = create_session(offering=offering, capacity=1)
    wsgi = {"transport": httpx.WSGITransport(app=app)}
    anyone = paja_client.Client(base_url="http://localhost", httpx_args=wsgi)
    catalogue = list_workshops.sync(client=anyone)
    assert [w.title for w in catalogue.items] == ["Somestartti"]
    assert catalogue.items[0].price_incl_vat == f"{offering.price_incl_vat:.2f}"
    sessions = list_sessions.sync(client=anyone, workshop=offering.slug)
    assert [(s.id, s.seats_left) for s in sessions.items] == [(session.id, 1)]
    token = token_for(factories.create_user(), "registrations:write")["Authorization"]
    holder = paja_client.AuthenticatedClient(
        base_url="http://localhost", token=token.removeprefix("Bearer "), httpx_args=wsgi
    )
    person = RegistrationIn(name="Kalle Koodari", email="kalle.koodari@example.fi")
    made = create_registration.sync(session.id, client=holder, body=person)
    assert (made.name, made.status) == ("Kalle Koodari", "confirmed")
    assert list_sessions.sync(client=anyone).items[0].seats_left == 0
    refused = create_registration.sync(session.id, client=anyone, body=person)
    assert refused.status == 401  # a problem document, parsed as the document says
    cancelled = delete_registration.sync(made.id, client=holder)
    assert cancelled.status == "cancelled"
    assert list_sessions.sync(client=anyone).items[0].seats_left == 1
