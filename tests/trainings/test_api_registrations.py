"""Registering through the API beyond open sessions: an organisation's token registers its
staff for the sessions it ordered, and anyone's token registers people for network days, all
days or none, with the event page's rules, mail and seat counts (also when racing)."""

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from paja.extensions import db
from paja.mail import Mail
from paja.models import Role
from tests import factories
from tests.api_helpers import token_for
from tests.racing import race_json
from tests.trainings.event_factories import create_event, days_of
from trainings.models import Registration, RegistrationStatus

PERSON = {"name": "Kaija Kunta", "email": "kaija@kunta.fi", "organisation": "Kuntaliitto"}


def test_an_organisation_token_registers_its_staff_for_the_session_it_ordered(
    client: FlaskClient,
) -> None:
    from tests.trainings.factories import create_session

    contact = factories.create_user(roles={Role.CUSTOMER})
    ours = factories.create_organisation(members=(contact,))
    theirs = factories.create_organisation()
    own_session = create_session(organisation=ours)
    body = {"name": "Henkilöstö Yksi", "email": "yksi@kunta.fi"}
    scoped = token_for(contact, "registrations:write", organisation=ours)
    made = client.post(
        f"/api/v1/sessions/{own_session.id}/registrations", json=body, headers=scoped
    )
    assert made.status_code == 201 and made.get_json()["status"] == "confirmed"
    for session, headers in (
        (create_session(organisation=theirs), scoped),  # another organisation's session
        (own_session, token_for(contact, "registrations:write")),  # a personal token
    ):
        path = f"/api/v1/sessions/{session.id}/registrations"
        assert client.post(path, json=body, headers=headers).status_code == 404


def test_a_network_days_registration_takes_every_day_or_none(
    client: FlaskClient, mails: list[Mail]
) -> None:
    event = create_event(days=2, capacity=1)
    first, second = days_of(event)
    holder = factories.create_user()
    headers = token_for(holder, "registrations:write")
    path = f"/api/v1/events/{event.id}/registrations"
    made = client.post(path, json={**PERSON, "days": [first.id, second.id]}, headers=headers)
    assert made.status_code == 201
    assert [(r["session_id"], r["status"]) for r in made.get_json()] == [
        (first.id, "confirmed"),
        (second.id, "confirmed"),
    ]
    assert [m.to for m in mails] == ["kaija@kunta.fi"]  # one confirmation for both days
    mine = client.get(f"/api/v1/registrations/{made.get_json()[0]['id']}", headers=headers)
    assert mine.status_code == 200  # the token's holder made it
    waiting = client.post(
        path, json={**PERSON, "email": "toinen@kunta.fi", "days": [second.id]}, headers=headers
    )
    assert waiting.get_json()[0]["status"] == "waiting"  # the day is full: the queue
    again = client.post(path, json={**PERSON, "days": [first.id]}, headers=headers)
    assert again.status_code == 201 and again.get_json() == []  # nothing told of the address
    assert mails[-1].to == "kaija@kunta.fi"  # its owner gets their link again


def test_network_day_registrations_refuse_what_the_page_refuses(client: FlaskClient) -> None:
    event, other = create_event(days=1), create_event(days=1)
    draft = create_event(days=1, published=False)
    headers = token_for(factories.create_user(), "registrations:write")
    [day], [elsewhere] = days_of(event), days_of(other)
    path = f"/api/v1/events/{event.id}/registrations"
    unknown = client.post(path, json={**PERSON, "days": [day.id, 999999]}, headers=headers)
    assert unknown.status_code == 422 and "days" in unknown.get_json()["errors"]
    mixed = client.post(path, json={**PERSON, "days": [elsewhere.id]}, headers=headers)
    assert mixed.status_code == 409 and "days" in mixed.get_json()["errors"]
    empty = client.post(path, json={**PERSON, "days": []}, headers=headers)
    assert empty.status_code == 422
    hidden = client.post(
        f"/api/v1/events/{draft.id}/registrations",
        json={**PERSON, "days": [days_of(draft)[0].id]},
        headers=headers,
    )
    assert hidden.status_code == 404
    body = {"name": PERSON["name"], "email": PERSON["email"]}
    single = client.post(f"/api/v1/sessions/{day.id}/registrations", json=body, headers=headers)
    assert single.status_code == 404  # a network day is registered for through its event
    assert db.session.scalar(sa.select(sa.func.count(Registration.id))) == 0


def test_racing_network_day_registrations_keep_the_seat_count(racing_app: Flask) -> None:
    with racing_app.app_context():
        event = create_event(days=1, capacity=2)
        event_id, day_id = event.id, days_of(event)[0].id
        headers = token_for(factories.create_user(), "registrations:write")
    bodies = [{**PERSON, "email": f"k{n}@kunta.fi", "days": [day_id]} for n in range(8)]
    codes = race_json(racing_app, f"/api/v1/events/{event_id}/registrations", bodies, headers)
    assert codes == [201] * 8
    with racing_app.app_context():
        statuses = db.session.scalars(
            sa.select(Registration.status).where(Registration.session_id == day_id)
        ).all()
    assert sorted(statuses).count(RegistrationStatus.CONFIRMED) == 2 and len(statuses) == 8
