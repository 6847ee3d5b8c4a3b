"""Calendars follow changes and cancellations; mails go out in the language people used."""

from datetime import timedelta

import icalendar
from flask import Flask
from flask.testing import FlaskClient

from paja.extensions import db
from paja.mail import Mail
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.trainings.event_factories import create_event, create_organiser, days_of, register
from tests.trainings.factories import create_session
from trainings.models import Registration
from trainings.operations.sessions import cancel_session


def calendar_of(mail: Mail) -> icalendar.Calendar:
    """The mail's calendar attachment, parsed."""
    [attachment] = [a for a in mail.attachments if a.content_type == "text/calendar"]
    return icalendar.Calendar.from_ical(attachment.data)


def test_a_changed_session_is_a_new_version_of_the_same_event(client: FlaskClient) -> None:
    session = create_session()
    first = icalendar.Calendar.from_ical(client.get(f"/trainings/sessions/{session.id}.ics").data)
    (before,) = first.walk("VEVENT")
    assert str(before["uid"]) == f"paja-session-{session.id}@localhost"  # the configured host
    assert before["sequence"] == 0
    assert before["dtstart"].params["TZID"] == "Europe/Helsinki"
    session.starts_at += timedelta(hours=1)
    session.ends_at += timedelta(hours=1)
    db.session.commit()
    again = icalendar.Calendar.from_ical(client.get(f"/trainings/sessions/{session.id}.ics").data)
    (after,) = again.walk("VEVENT")
    assert str(after["uid"]) == str(before["uid"])
    assert after["sequence"] == 1
    assert after.decoded("last-modified") >= before.decoded("created")
    assert after.decoded("dtstart") == session.starts_at.replace(microsecond=0)
    session.capacity += 5  # seats are not in anyone's calendar: no new version
    db.session.commit()
    assert session.calendar_sequence == 1


def test_an_empty_feed_is_still_a_valid_calendar(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.PARTICIPANT)
    client.post("/trainings/calendar/renew")
    page = client.get("/trainings/my-sessions").get_data(as_text=True)
    token = page.split("/trainings/calendar/")[1].split(".ics")[0]
    feed = icalendar.Calendar.from_ical(client.get(f"/trainings/calendar/{token}.ics").data)
    assert feed.walk("VEVENT") == []
    [zone] = feed.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Helsinki"


def test_an_organisers_feed_holds_the_days_they_run_each_named(
    client: FlaskClient, auth: Auth
) -> None:
    organiser = create_organiser()
    event = create_event(organiser=organiser, days=2)
    create_event(days=1)  # another organisation's
    auth.login(organiser)
    client.post("/trainings/calendar/renew")
    page = client.get("/trainings/my-sessions").get_data(as_text=True)
    token = page.split("/trainings/calendar/")[1].split(".ics")[0]
    feed = icalendar.Calendar.from_ical(client.get(f"/trainings/calendar/{token}.ics").data)
    summaries = [str(e["summary"]) for e in feed.walk("VEVENT")]
    assert len(summaries) == 2 and len(set(summaries)) == 2
    assert all(summary.startswith(f"{event.title} – ") for summary in summaries)
    assert all(f"/trainings/events/{event.id}" in str(e["url"]) for e in feed.walk("VEVENT"))


def test_a_cancelled_session_is_removed_from_calendars_in_each_persons_language(
    client: FlaskClient, app: Flask, mails: list[Mail]
) -> None:
    session = create_session()
    for language, email in (("sv", "asa@example.fi"), ("fi", "maija@example.fi")):
        response = client.post(
            f"/trainings/sessions/{session.id}/register",
            data={"name": "Åsa", "email": email},
            headers={"Accept-Language": language},
        )
        assert response.status_code == 302
    swedish = db.session.query(Registration).filter_by(email="asa@example.fi").one()
    assert swedish.language == "sv"
    confirmation = calendar_of(mails[0])
    assert str(confirmation["method"]) == "PUBLISH"
    mails.clear()
    cancel_session(session, factories.create_user(roles={Role.ADMIN}), "Sairaus")
    db.session.commit()
    by_person = {mail.to: mail for mail in mails}
    assert by_person["asa@example.fi"].subject.startswith("Utbildningstillfället inställt")
    assert by_person["maija@example.fi"].locale == "fi"
    removal = calendar_of(by_person["asa@example.fi"])
    assert str(removal["method"]) == "CANCEL"
    (event,) = removal.walk("VEVENT")
    (published,) = confirmation.walk("VEVENT")
    assert str(event["uid"]) == str(published["uid"])
    assert event["sequence"] > published["sequence"]
    assert str(event["status"]) == "CANCELLED"
    assert str(event["organizer"]).startswith("mailto:")


def test_a_cancelled_network_day_speaks_of_the_day_and_links_the_event(
    mails: list[Mail],
) -> None:
    organiser = create_organiser()
    event = create_event(organiser=organiser, days=2)
    first, second = days_of(event)
    [registration, _] = register(event, [first, second])
    mails.clear()
    cancel_session(first, organiser, "Tila ei ole käytettävissä")
    db.session.commit()
    [mail] = mails
    assert mail.subject.startswith(f"Verkostopäivä peruttu: {event.title}")
    assert "koulutustilaisuus" not in mail.body
    assert f"/trainings/events/{event.id}" in mail.body
    assert f"/trainings/events/me/{registration.personal_token}" in mail.body
    assert "Ilmoittautumisesi tapahtuman muille päiville pysyvät ennallaan." in mail.body
    assert str(calendar_of(mail)["method"]) == "CANCEL"
