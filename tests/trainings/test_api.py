"""The trainings API: the catalogue and open sessions for anyone, registrations with a token,
keeping every rule of the pages; RFC 9457 problems in the client's language."""

from datetime import timedelta

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from paja.extensions import db
from paja.mail import Mail
from paja.models import Role
from tests import factories
from tests.api_helpers import all_pages, token_for
from tests.racing import race_json
from tests.trainings.factories import (
    create_offering,
    create_registration,
    create_session,
)
from trainings.models import Registration, RegistrationStatus


def test_the_catalogue_pages_through_every_workshop_once(
    client: FlaskClient, count_queries
) -> None:
    for n in range(20):
        create_offering(title=f"Työpaja {n:02d}")
    slugs = [w["slug"] for w in all_pages(client, "/api/v1/workshops")]
    assert len(slugs) == len(set(slugs)) == 20 and slugs == sorted(slugs)
    with count_queries() as few:
        client.get("/api/v1/workshops?limit=2")
    with count_queries() as many:
        client.get("/api/v1/workshops?limit=20")
    assert len(many) == len(few)  # channels and trainers are loaded with the page, not per item


def test_a_workshop_shows_its_price_with_vat(client: FlaskClient) -> None:
    offering = create_offering()
    body = client.get(f"/api/v1/workshops/{offering.slug}").get_json()
    assert body["price_excl_vat"] == f"{offering.price_excl_vat:.2f}"
    assert body["price_incl_vat"] == f"{offering.price_incl_vat:.2f}"
    assert body["currency"] == "EUR"
    assert body["url"].startswith("http://localhost")


def test_only_open_sessions_to_come_are_listed(client: FlaskClient) -> None:
    shown = create_session(starts_in=timedelta(days=3), capacity=4)
    create_registration(shown)
    create_session(organisation=factories.create_organisation())  # private
    create_session(starts_in=timedelta(days=-1))  # past
    listed = all_pages(client, "/api/v1/sessions")
    assert [(s["id"], s["seats_left"]) for s in listed] == [(shown.id, 3)]


def test_errors_are_problem_details_in_the_clients_language(client: FlaskClient) -> None:
    missing = client.get("/api/v1/workshops/ei-ole", headers={"Accept-Language": "sv"})
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"
    assert missing.get_json() == {"type": "about:blank", "title": "Not Found", "status": 404,
                                  "detail": "Hittades inte."}  # fmt: skip
    wrong = client.get("/api/v1/workshops?limit=0")
    assert wrong.status_code == 422 and "limit" in wrong.get_json()["errors"]
    assert client.get("/api/v1/workshops?cursor=%25%25").status_code == 400
    assert client.put("/api/v1/workshops").status_code == 405
    anonymous = client.post(
        "/api/v1/sessions/1/registrations", json={"name": "A", "email": "a@b.fi"}
    )
    assert anonymous.status_code == 401 and anonymous.headers["WWW-Authenticate"] == "Bearer"


def test_an_unchanged_list_answers_304(client: FlaskClient) -> None:
    create_offering()
    first = client.get("/api/v1/workshops")
    again = client.get("/api/v1/workshops", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_a_token_registers_people_seats_first_then_the_waiting_list(
    client: FlaskClient, mails: list[Mail]
) -> None:
    session = create_session(capacity=1)
    auth = token_for(factories.create_user(), "registrations:write")
    path = f"/api/v1/sessions/{session.id}/registrations"
    first = client.post(path, json={"name": "Åsa Öhman", "email": "asa@example.fi"}, headers=auth)
    second = client.post(path, json={"name": "Bo Ek", "email": "bo@example.fi"}, headers=auth)
    assert (first.status_code, first.get_json()["status"]) == (201, "confirmed")
    assert second.get_json()["status"] == "waiting"
    assert {m.to for m in mails} >= {"asa@example.fi", "bo@example.fi"}  # mailed as on the page
    again = client.post(path, json={"name": "Åsa", "email": "ASA@example.fi"},
                        headers={**auth, "Accept-Language": "en"})  # fmt: skip
    assert again.status_code == 409
    assert again.get_json()["detail"] == "asa@example.fi is already registered for this session."
    cancelled = client.delete(f"/api/v1/registrations/{first.get_json()['id']}", headers=auth)
    assert cancelled.get_json()["status"] == "cancelled"
    promoted = client.get(f"/api/v1/registrations/{second.get_json()['id']}", headers=auth)
    assert promoted.get_json()["status"] == "confirmed"  # the queue moved up


def test_registrations_keep_the_pages_rules(client: FlaskClient) -> None:
    auth = token_for(factories.create_user(), "registrations:write")
    private = create_session(organisation=factories.create_organisation())
    body = {"name": "A", "email": "a@example.fi"}
    assert client.post(f"/api/v1/sessions/{private.id}/registrations", json=body,
                       headers=auth).status_code == 404  # fmt: skip
    closed = create_session(starts_in=timedelta(minutes=30))
    refused = client.post(f"/api/v1/sessions/{closed.id}/registrations", json=body, headers=auth)
    assert refused.status_code == 409 and "on päättynyt" in refused.get_json()["detail"]
    bad = client.post(f"/api/v1/sessions/{create_session().id}/registrations",
                      json={"name": "", "email": "ei-osoite"}, headers=auth)  # fmt: skip
    assert bad.status_code == 422 and set(bad.get_json()["errors"]) == {"name", "email"}


def test_a_token_reaches_only_the_registrations_its_holder_made(client: FlaskClient) -> None:
    session = create_session()
    mine, theirs = token_for(factories.create_user()), token_for(factories.create_user())
    made = client.post(f"/api/v1/sessions/{session.id}/registrations",
                       json={"name": "A", "email": "a@example.fi"}, headers=mine).get_json()  # fmt: skip
    other = create_registration(session)
    assert client.get(f"/api/v1/registrations/{made['id']}", headers=theirs).status_code == 404
    assert client.delete(f"/api/v1/registrations/{made['id']}", headers=theirs).status_code == 404
    assert client.get(f"/api/v1/registrations/{other.id}", headers=mine).status_code == 404
    reader = token_for(factories.create_user(), "account:read")  # no registrations scope
    denied = client.get(f"/api/v1/registrations/{made['id']}", headers=reader)
    assert denied.status_code == 403 and "registrations:write" in denied.get_json()["detail"]


def test_racing_registrations_through_the_api_keep_the_seat_count(racing_app: Flask) -> None:
    with racing_app.app_context():
        from tests.trainings.factories import create_session as make_session

        session_id = make_session(capacity=3).id
        auth = token_for(factories.create_user(), "registrations:write")
    bodies = [{"name": f"K{n}", "email": f"k{n}@example.fi"} for n in range(12)]
    codes = race_json(racing_app, f"/api/v1/sessions/{session_id}/registrations", bodies, auth)
    assert codes == [201] * 12
    with racing_app.app_context():
        statuses = db.session.scalars(
            sa.select(Registration.status).where(Registration.session_id == session_id)
        ).all()
    assert sorted(statuses).count(RegistrationStatus.CONFIRMED) == 3
    assert len(statuses) == 12


def test_an_organisation_token_reads_only_its_organisations_orders(client: FlaskClient) -> None:
    from tests.trainings.factories import create_order

    contact = factories.create_user(roles={Role.CUSTOMER})
    mine = factories.create_organisation(members=(contact,))
    other_of_mine = factories.create_organisation(members=(contact,))
    first, second = create_order(mine, contact), create_order(other_of_mine, contact)
    create_order()  # someone else's
    scoped = token_for(contact, "orders:read", organisation=mine)
    listed = client.get("/api/v1/orders", headers=scoped).get_json()
    assert [o["id"] for o in listed["items"]] == [first.id]
    assert listed["items"][0]["gross_total"] == f"{first.totals.gross:.2f}"
    assert listed["items"][0]["session"] is None  # not confirmed yet
    personal = token_for(contact, "orders:read")
    ids = [o["id"] for o in all_pages(client, "/api/v1/orders", personal, limit=1)]
    assert ids == [second.id, first.id]  # every organisation they are a contact of, newest first
    staff = token_for(factories.create_user(), "orders:read")  # not a customer contact
    assert client.get("/api/v1/orders", headers=staff).get_json()["items"] == []


def test_a_certificate_is_verified_by_its_code(client: FlaskClient) -> None:
    from tests.courses.factories import certificate_of, complete, create_course

    certificate = certificate_of(complete(factories.create_user(), create_course()))
    typed = certificate.code.lower().replace("-", " ")
    body = client.get(f"/api/v1/certificates/{typed}").get_json()
    assert (body["code"], body["state"], body["name"]) == (
        certificate.code,
        "valid",
        certificate.name,
    )
    assert "email" not in body and "user_id" not in body  # no more than the page shows
    assert client.get("/api/v1/certificates/XXXX-XXXX-XXXX").status_code == 404


def test_published_events_list_their_coming_days_with_seats_left(client: FlaskClient) -> None:
    from tests.trainings.event_factories import create_event, days_of, register

    event = create_event(days=2, capacity=5)
    first, _second = days_of(event)
    register(event, [first])
    create_event(days=1, published=False)  # a draft is not listed (nor read, below)
    [listed] = all_pages(client, "/api/v1/events")
    assert (listed["id"], listed["title"]) == (event.id, event.title)
    assert [d["seats_left"] for d in listed["days"]] == [4, 5]
    assert listed["url"].endswith(f"/trainings/events/{event.id}")
    one = client.get(f"/api/v1/events/{event.id}").get_json()
    assert (one["id"], [d["seats_left"] for d in one["days"]]) == (event.id, [4, 5])
    draft = create_event(days=1, published=False)
    assert client.get(f"/api/v1/events/{draft.id}").status_code == 404  # not revealed


def test_open_sessions_are_filtered_by_mode_and_helsinki_days(client: FlaskClient) -> None:
    from paja.i18n import wall_clock

    offering = create_offering()
    near = create_session(offering, starts_in=timedelta(days=3), mode="onsite")
    far = create_session(offering, starts_in=timedelta(days=20), mode="remote")
    first_day = wall_clock(near.starts_at).date()
    listed = lambda query: [s["id"] for s in all_pages(client, f"/api/v1/sessions?{query}")]  # noqa: E731
    assert listed("mode=onsite") == [near.id]
    assert listed(f"start={first_day + timedelta(days=1)}") == [far.id]
    assert listed(f"end={first_day}") == [near.id]
    assert listed(f"start={first_day}&end={first_day}&mode=remote") == []
    wrong = client.get(
        "/api/v1/sessions?mode=paperi&start=huomenna", headers={"Accept-Language": "en"}
    )
    assert wrong.status_code == 422 and set(wrong.get_json()["errors"]) == {"mode", "start"}


def test_a_token_lists_the_registrations_its_holder_made(
    client: FlaskClient, count_queries
) -> None:
    first, second = create_session(capacity=1), create_session()
    mine, theirs = token_for(factories.create_user()), token_for(factories.create_user())

    def made(session, n: int, headers: dict[str, str]) -> int:
        body = {"name": f"Henkilö {n}", "email": f"h{n}@example.fi"}
        path = f"/api/v1/sessions/{session.id}/registrations"
        return client.post(path, json=body, headers=headers).get_json()["id"]

    ids = [made(first, 1, mine), made(first, 2, mine), made(second, 3, mine)]
    made(second, 4, theirs)
    listed = all_pages(client, "/api/v1/registrations", mine, limit=1)
    assert [r["id"] for r in listed] == ids
    waiting = client.get("/api/v1/registrations?status=waiting", headers=mine).get_json()
    assert [r["id"] for r in waiting["items"]] == [ids[1]]
    client.delete(f"/api/v1/registrations/{ids[0]}", headers=mine)  # the queue moves up
    on_first = client.get(f"/api/v1/registrations?session={first.id}", headers=mine).get_json()
    assert [(r["id"], r["status"]) for r in on_first["items"]] == [
        (ids[0], "cancelled"),
        (ids[1], "confirmed"),
    ]
    with count_queries() as few:
        client.get("/api/v1/registrations?limit=1", headers=mine)
    with count_queries() as many:
        client.get("/api/v1/registrations?limit=3", headers=mine)
    assert len(many) == len(few)
