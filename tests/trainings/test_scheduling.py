"""One delivery rule for open sessions, confirmed orders and event days; one time rule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from paja.database import utcnow
from paja.errors import RuleViolation
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.trainings.event_factories import create_event, create_organiser
from tests.trainings.factories import create_offering, create_order, create_trainer
from trainings.models import OrderStatus
from trainings.operations.events import DayDetails, add_day
from trainings.operations.orders import Confirmation, confirm_order
from trainings.operations.scheduling import check_day_delivery, check_delivery, check_times
from trainings.operations.sessions import Schedule, schedule_open_session

LINK = "https://meet.example.fi/paja"
PLACE = "Kirkkokatu 12, Helsinki"


@pytest.mark.parametrize(
    ("mode", "place", "link", "field"),
    [
        ("onsite", PLACE, "", None),
        ("onsite", "", "", "place"),
        ("remote", "", LINK, None),
        ("remote", "", "", "meeting_url"),
        ("hybrid", PLACE, LINK, None),
        ("hybrid", PLACE, "", "meeting_url"),  # remote participants need the link
        ("hybrid", "", LINK, "place"),
        ("remote", "", "http://meet.example.fi/paja", "meeting_url"),
    ],
)
def test_the_delivery_rule(app: Flask, mode: str, place: str, link: str, field: str | None) -> None:
    if field is None:
        check_delivery(mode, place, link)
    else:
        with pytest.raises(RuleViolation) as refusal:
            check_delivery(mode, place, link)
        assert refusal.value.field == field


def test_an_event_days_mode_follows_from_its_place_and_link(app: Flask) -> None:
    assert check_day_delivery(PLACE, "") == "onsite"
    assert check_day_delivery("", LINK) == "remote"
    assert check_day_delivery(PLACE, LINK) == "hybrid"
    with pytest.raises(RuleViolation, match="Anna paikka tai kokouslinkki"):
        check_day_delivery(" ", "")


def test_times_must_be_ordered_and_ahead(app: Flask) -> None:
    start = utcnow() + timedelta(days=1)
    check_times(start, start + timedelta(hours=2), start - timedelta(hours=1))
    for args, field in [
        ((start, start, None), "ends_at"),
        ((utcnow() - timedelta(minutes=1), start, None), "starts_at"),
        ((start, start + timedelta(hours=2), start + timedelta(minutes=1)), "registration_closes_at"),
    ]:  # fmt: skip
        with pytest.raises(RuleViolation) as refusal:
            check_times(*args)
        assert refusal.value.field == field


def test_a_hybrid_order_needs_its_link_when_confirmed_like_an_open_hybrid_session(
    app: Flask,
) -> None:
    admin = factories.create_user(roles={Role.ADMIN})
    offering = create_offering(modes=("onsite", "hybrid"))
    order = create_order(offering=offering)
    order.mode = "hybrid"
    start = utcnow() + timedelta(days=3)
    confirmation = Confirmation(start, start + timedelta(hours=2), [create_trainer()], PLACE)
    with pytest.raises(RuleViolation) as refusal:
        confirm_order(order, admin, confirmation)
    assert refusal.value.field == "meeting_url"
    schedule = Schedule(offering, start, start + timedelta(hours=2), start, "hybrid", 10, [], PLACE)
    with pytest.raises(RuleViolation) as refusal:
        schedule_open_session(admin, schedule)
    assert refusal.value.field == "meeting_url"
    confirmation.meeting_url = LINK
    session = confirm_order(order, admin, confirmation)
    assert (order.status, session.mode, session.meeting_url) == (
        OrderStatus.CONFIRMED,
        "hybrid",
        LINK,
    )


def test_the_confirm_form_marks_the_missing_link_of_a_hybrid_order(
    client: FlaskClient, auth: Auth
) -> None:
    auth.login(Role.ADMIN)
    order = create_order(offering=create_offering(modes=("onsite", "hybrid")))
    order.mode = "hybrid"
    form = {"starts_at": "2031-03-03T09:00", "ends_at": "2031-03-03T11:00",
            "trainers": [str(create_trainer().id)], "place": PLACE}  # fmt: skip
    page = client.post(f"/trainings/orders/{order.id}/confirm", data=form).get_data(as_text=True)
    assert 'id="meeting_url-error"' in page and "Etäkoulutus tarvitsee kokouslinkin." in page
    assert PLACE in page  # what was typed stays
    assert order.status == OrderStatus.REQUESTED


def test_an_event_day_with_a_place_and_a_link_is_hybrid(app: Flask) -> None:
    event = create_event(create_organiser(), days=0, published=False)
    start = utcnow() + timedelta(days=5)
    day = add_day(event, DayDetails(start, start + timedelta(hours=3), start, 20, PLACE, LINK))
    assert day.mode == "hybrid"
