"""The plans API: the plans a person is on and their calendars; an organisation's token
reads that organisation's plans; nobody reaches another's plan by its id."""

from datetime import datetime, timedelta

from flask.testing import FlaskClient

from paja.models import Role
from plans.labels import Channel
from tests import factories
from tests.api_helpers import all_pages, token_for
from tests.plans.factories import entry, member, org_plan, personal_plan

MONDAY = datetime(2027, 3, 1, 9, 0)
X = Channel.X


def test_a_person_lists_the_plans_they_are_on(client: FlaskClient) -> None:
    owner = factories.create_user(roles={Role.CUSTOMER})
    organisations_plan = org_plan(owner)
    colleague = member(organisations_plan.organisation)
    own = personal_plan(colleague)
    personal_plan()  # someone else's
    headers = token_for(colleague, "plans:read")
    listed = all_pages(client, "/api/v1/plans", headers, limit=1)
    assert [(p["id"], p["organisation"]) for p in listed] == [
        (organisations_plan.id, organisations_plan.organisation.name),
        (own.id, None),
    ]
    assert listed[0]["channels"] == ["facebook", "instagram"]


def test_a_plans_entries_come_in_time_order_within_the_days_asked(
    client: FlaskClient, count_queries
) -> None:
    plan = personal_plan()
    made = [entry(plan, MONDAY + timedelta(days=n, hours=n % 3), channel=X) for n in range(14)]
    headers = token_for(plan.owner, "plans:read")
    path = f"/api/v1/plans/{plan.id}/entries"
    listed = all_pages(client, path, headers, limit=3)
    assert [e["id"] for e in listed] == [e.id for e in made]
    assert listed[0]["starts_at"] == "2027-03-01T07:00:00+00:00"  # 9.00 in Helsinki
    week = all_pages(client, f"{path}?start=2027-03-03&end=2027-03-09", headers)
    assert [e["id"] for e in week] == [e.id for e in made[2:9]]
    with count_queries() as few:
        client.get(f"{path}?limit=2", headers=headers)
    with count_queries() as many:
        client.get(f"{path}?limit=14", headers=headers)
    assert len(many) == len(few)


def test_nobody_reads_another_plan_by_its_id(client: FlaskClient) -> None:
    plan = personal_plan()
    entry(plan, MONDAY, channel=X)
    stranger = token_for(factories.create_user(), "plans:read")
    assert client.get(f"/api/v1/plans/{plan.id}/entries", headers=stranger).status_code == 404
    organisations_plan = org_plan()
    contact = factories.create_user(roles={Role.CUSTOMER})
    other = factories.create_organisation(members=(contact,))
    scoped = token_for(contact, "plans:read", organisation=other)
    path = f"/api/v1/plans/{organisations_plan.id}/entries"
    assert client.get(path, headers=scoped).status_code == 404
    assert client.get("/api/v1/plans", headers=scoped).get_json()["items"] == []


def test_an_organisation_token_reads_its_organisations_plans(client: FlaskClient) -> None:
    plan = org_plan()
    personal_plan(plan.owner)  # the contact's own plan is not the organisation's
    contact = member(plan.organisation, Role.CUSTOMER)
    scoped = token_for(contact, "plans:read", organisation=plan.organisation)
    listed = client.get("/api/v1/plans", headers=scoped).get_json()["items"]
    assert [p["id"] for p in listed] == [plan.id]
    entry(plan, MONDAY, topic="Avoimet ovet")
    topics = client.get(f"/api/v1/plans/{plan.id}/entries", headers=scoped).get_json()["items"]
    assert [e["topic"] for e in topics] == ["Avoimet ovet"]


def test_a_malformed_cursor_or_day_is_a_clear_error(client: FlaskClient) -> None:
    plan = personal_plan()
    headers = token_for(plan.owner, "plans:read")
    path = f"/api/v1/plans/{plan.id}/entries"
    assert client.get(f"{path}?cursor=***", headers=headers).status_code == 400
    response = client.get(f"{path}?end=31.3.2027", headers=headers)
    assert response.status_code == 422 and "end" in response.get_json()["errors"]
