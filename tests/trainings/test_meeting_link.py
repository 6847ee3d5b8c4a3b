"""The meeting link follows one rule, TrainingSession.can_see_link, wherever it is shown:
the session page, its .ics, the calendar feed, the mails, and a network day's personal page."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from icalendar import Calendar

from paja.extensions import db
from paja.mail import Mail
from paja.models import Membership, Role, User
from tests import factories
from tests.conftest import Auth
from tests.trainings.event_factories import create_event, days_of, register
from tests.trainings.factories import create_registration, create_session, create_trainer
from trainings.models import Registration, RegistrationStatus, TrainingSession
from trainings.operations.registrations import cancel_registration
from trainings.operations.registrations import register as register_to_session

LINK = "https://meet.example.fi/verkostopaiva"


def hybrid_day(capacity: int = 1) -> TrainingSession:
    """A published network day held on site and online, with a meeting link."""
    event = create_event(days=1, capacity=capacity)
    [day] = days_of(event)
    day.meeting_url, day.mode = LINK, "hybrid"
    db.session.commit()
    return day


def seat_and_queue(session: TrainingSession) -> tuple[User, User]:
    """Two logged-in people: one holds a seat, one waits for it."""
    holder, waiting = factories.create_user(), factories.create_user()
    create_registration(session, user=holder)
    create_registration(session, user=waiting, status=RegistrationStatus.WAITING)
    return holder, waiting


@pytest.mark.parametrize(
    ("viewer", "sees"),
    [("anonymous", False), ("outsider", False), ("waiting", False), ("seat", True),
     ("trainer", True), ("admin", True), ("customer contact", True),
     ("plain member", False)],
)  # fmt: skip
def test_who_sees_a_sessions_link(app: Flask, viewer: str, sees: bool) -> None:
    trainer, member = create_trainer(), factories.create_user()
    contact = factories.create_user(roles={Role.CUSTOMER})
    organisation = factories.create_organisation(members=(member, contact))
    session = create_session(trainers=(trainer,), organisation=organisation, meeting_url=LINK)
    holder, waiting = seat_and_queue(session)
    with app.test_request_context():
        from flask_login import current_user

        people = {"anonymous": current_user, "outsider": factories.create_user(),
                  "waiting": waiting, "seat": holder, "trainer": trainer.user,
                  "admin": factories.create_user(roles={Role.ADMIN}), "customer contact": contact,
                  "plain member": member}  # fmt: skip
        assert session.can_see_link(people[viewer]) is sees


def test_an_event_days_organisers_see_its_link(app: Flask) -> None:
    day = hybrid_day()
    organiser = factories.create_user(roles={Role.ORGANISER})
    assert not day.can_see_link(organiser)  # an organiser of some other organisation
    db.session.add(Membership(organisation_id=day.event.organisation_id, user_id=organiser.id))
    db.session.commit()
    assert day.can_see_link(organiser)


def test_a_registration_sees_its_own_sessions_link_only_with_a_seat(app: Flask) -> None:
    session = create_session(meeting_url=LINK, capacity=1)
    seated = create_registration(session)
    queued = create_registration(session, status=RegistrationStatus.WAITING)
    other = create_registration(create_session(meeting_url=LINK))
    assert session.can_see_link(seated)
    assert not session.can_see_link(queued)
    assert not session.can_see_link(other)  # a seat elsewhere is no seat here


def test_the_session_page_and_its_ics_follow_the_rule(client: FlaskClient, auth: Auth) -> None:
    session = create_session(meeting_url=LINK)
    holder, waiting = seat_and_queue(session)
    for user, sees in ((waiting, False), (holder, True)):
        auth.login(user)
        page = client.get(f"/trainings/sessions/{session.id}").get_data(as_text=True)
        ics = client.get(f"/trainings/sessions/{session.id}.ics").get_data(as_text=True)
        assert (LINK in page, LINK in ics) == (sees, sees)


def test_the_calendar_feed_follows_the_rule(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.PARTICIPANT)
    client.post("/trainings/calendar/renew")
    waiting = auth.login(Role.PARTICIPANT)
    seated_session, queued_session = (
        create_session(meeting_url=LINK),
        create_session(meeting_url="https://meet.example.fi/toinen", capacity=0),
    )
    create_registration(seated_session, user=waiting)
    create_registration(queued_session, user=waiting, status=RegistrationStatus.WAITING)
    client.post("/trainings/calendar/renew")
    page = client.get("/trainings/my-sessions").get_data(as_text=True)
    token = page.split("/trainings/calendar/")[1].split(".ics")[0]
    auth.logout()
    events = Calendar.from_ical(client.get(f"/trainings/calendar/{token}.ics").data).walk("VEVENT")
    locations = {str(e["uid"]): str(e.get("location", "")) for e in events}
    assert locations == {
        f"paja-session-{seated_session.id}@localhost": LINK,
        f"paja-session-{queued_session.id}@localhost": "",
    }


def test_session_mails_carry_the_link_only_with_a_seat(app: Flask, mails: list[Mail]) -> None:
    session = create_session(meeting_url=LINK, capacity=1)
    first = register_to_session(session, "Eka Osallistuja", "eka@example.fi")
    second = register_to_session(session, "Toka Osallistuja", "toka@example.fi")
    db.session.commit()
    by_person = {mail.to: mail.body for mail in mails}
    assert LINK in by_person["eka@example.fi"]  # confirmed
    assert LINK not in by_person["toka@example.fi"]  # on the waiting list
    mails.clear()
    cancel_registration(first)
    db.session.commit()
    promoted = [mail.body for mail in mails if mail.to == second.email]
    assert len(promoted) == 1 and LINK in promoted[0]


def test_network_day_mail_attachment_and_personal_page_follow_the_rule(
    client: FlaskClient, mails: list[Mail]
) -> None:
    day = hybrid_day(capacity=1)
    [seated] = register(day.event, [day])
    [queued] = register(day.event, [day])
    mail_of = {mail.to: mail for mail in mails}
    assert LINK in mail_of[seated.email].body
    assert LINK not in mail_of[queued.email].body
    [attachment] = mail_of[seated.email].attachments
    [vevent] = Calendar.from_ical(attachment.data).walk("VEVENT")
    assert str(vevent["location"]) == LINK
    assert mail_of[queued.email].attachments == ()  # no seat, no calendar entry
    for registration, sees in ((seated, True), (queued, False)):
        page = client.get(f"/trainings/events/me/{registration.personal_token}")
        assert (LINK in page.get_data(as_text=True)) is sees


def test_a_cancelled_registration_no_longer_sees_the_link(app: Flask) -> None:
    session = create_session(meeting_url=LINK)
    registration: Registration = create_registration(session)
    cancel_registration(registration)
    db.session.commit()
    assert not session.can_see_link(registration)
