"""Registering for network days: several days at once, all or nothing, capacity, deadline."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from icalendar import Calendar

from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.mail import Mail
from tests.trainings.event_factories import create_event, days_of, register
from trainings.models import Registration, RegistrationStatus
from trainings.operations.event_registrations import Participant, purge_needs, register_for_days
from trainings.operations.registrations import cancel_registration


def form(days: list[int], email: str = "maija@example.fi", **extra: str) -> dict:
    """A filled-in registration form."""
    return {
        "days": [str(d) for d in days],
        "name": "Maija Meikäläinen",
        "email": email,
        "organisation_name": "Iisisti töihin -hanke",
        "project": "Iisisti töihin",
        "needs": "Gluteeniton",
        "directory_consent": "y",
        **extra,
    }


def live_count(day_id: int) -> dict[str, int]:
    """Registrations of a day by status."""
    rows = db.session.execute(
        sa.select(Registration.status, sa.func.count())
        .where(Registration.session_id == day_id)
        .group_by(Registration.status)
    )
    return {str(status): count for status, count in rows}


def test_registering_for_two_days_gives_two_seats_one_mail_and_a_calendar(
    client: FlaskClient, mails: list[Mail]
) -> None:
    event = create_event(days=3)
    first, _, third = days_of(event)
    response = client.post(
        f"/trainings/events/{event.id}/register", data=form([first.id, third.id])
    )
    assert response.status_code == 302  # the personal page is only in the mail
    assert response.headers["Location"] == f"/trainings/events/{event.id}"
    assert live_count(first.id) == {"confirmed": 1}
    assert live_count(third.id) == {"confirmed": 1}
    saved = db.session.scalars(
        sa.select(Registration).where(Registration.email == "maija@example.fi")
    ).all()
    assert {r.organisation_name for r in saved} == {"Iisisti töihin -hanke"}
    assert all(r.directory_consent and r.needs == "Gluteeniton" for r in saved)
    [mail] = mails
    assert mail.subject == f"Olet ilmoittautunut: {event.title}"
    assert mail.body.count("/trainings/cancel/") == 2
    assert f"http://localhost/trainings/events/me/{saved[0].personal_token}" in mail.body
    [attachment] = mail.attachments
    events = Calendar.from_ical(attachment.data).walk("VEVENT")
    starts = sorted(e["dtstart"].dt.timestamp() for e in events)
    assert starts == [int(first.starts_at.timestamp()), int(third.starts_at.timestamp())]


def test_a_refused_day_registers_for_none(client: FlaskClient, mails: list[Mail]) -> None:
    event = create_event(days=2)
    first, second = days_of(event)
    second.registration_closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    response = client.post(
        f"/trainings/events/{event.id}/register", data=form([first.id, second.id])
    )
    assert response.status_code == 200
    assert "Valitse jokin luetelluista vaihtoehdoista." in response.get_data(as_text=True)
    assert live_count(first.id) == {}  # the open first day was not taken either
    assert mails == []


def test_a_full_day_puts_you_on_its_waiting_list_but_seats_you_on_the_other(
    client: FlaskClient, mails: list[Mail]
) -> None:
    event = create_event(days=2, capacity=1)
    first, second = days_of(event)
    register(event, [first])
    client.post(f"/trainings/events/{event.id}/register", data=form([first.id, second.id]))
    assert live_count(first.id) == {"confirmed": 1, "waiting": 1}
    assert live_count(second.id) == {"confirmed": 1}
    [mail] = [m for m in mails if m.to == "maija@example.fi"]
    assert "jonotuslistalla" in mail.body
    [attachment] = mail.attachments
    assert len(Calendar.from_ical(attachment.data).walk("VEVENT")) == 1


def test_cancelling_promotes_the_first_in_line_and_tells_them(mails: list[Mail]) -> None:
    event = create_event(days=1, capacity=1)
    [day] = days_of(event)
    [holder] = register(event, [day])
    [first_waiting] = register(event, [day])
    [second_waiting] = register(event, [day])
    mails.clear()
    cancel_registration(holder)
    db.session.commit()
    db.session.refresh(first_waiting)
    db.session.refresh(second_waiting)
    assert first_waiting.status == RegistrationStatus.CONFIRMED
    assert second_waiting.status == RegistrationStatus.WAITING
    promoted = [m for m in mails if m.to == first_waiting.email]
    assert [m.subject for m in promoted] == [f"Paikka vapautui sinulle: {event.title}"]


def test_registration_closes_at_the_deadline(client: FlaskClient) -> None:
    event = create_event(days=1)
    [day] = days_of(event)
    day.registration_closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    person = Participant("Maija", "maija@example.fi", "Hanke")
    with pytest.raises(RuleViolation, match="päättynyt"):
        register_for_days(event, [day], person)
    page = client.get(f"/trainings/events/{event.id}").get_data(as_text=True)
    assert "Ilmoittautuminen ei ole auki yhdellekään päivälle." in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"days": []}, "Valitse vähintään yksi päivä."),
        ({"email": "ei-osoite"}, "Kirjoita kelvollinen sähköpostiosoite"),
        ({"organisation_name": ""}, "Kirjoita organisaatiosi nimi."),
        ({"needs": "x" * 501}, "500"),
    ],
)
def test_bad_input_is_explained_and_kept(client: FlaskClient, change: dict, message: str) -> None:
    event = create_event(days=1)
    [day] = days_of(event)
    data = form([day.id]) | change
    response = client.post(f"/trainings/events/{event.id}/register", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page
    assert 'value="Maija Meikäläinen"' in page
    assert live_count(day.id) == {}


def test_a_day_of_another_event_cannot_be_chosen(client: FlaskClient) -> None:
    event, other = create_event(days=1), create_event(days=1)
    [foreign] = days_of(other)
    response = client.post(f"/trainings/events/{event.id}/register", data=form([foreign.id]))
    assert response.status_code == 200
    assert live_count(foreign.id) == {}


def test_a_draft_event_is_hidden_and_takes_no_registrations(client: FlaskClient) -> None:
    event = create_event(days=1, published=False)
    [day] = days_of(event)
    assert client.get(f"/trainings/events/{event.id}").status_code == 404
    response = client.post(f"/trainings/events/{event.id}/register", data=form([day.id]))
    assert response.status_code == 404
    assert live_count(day.id) == {}


@pytest.mark.usefixtures("app")
def test_purge_deletes_needs_of_past_days_and_nothing_else() -> None:
    event = create_event(days=2)
    past, future = days_of(event)
    name = "Vanha Osallistuja"
    [old] = register(event, [past], name=name, needs="Pyörätuoli")
    [coming] = register(event, [future], needs="Laktoositon")
    past.starts_at = utcnow() - timedelta(days=2)
    past.ends_at = utcnow() - timedelta(days=1, hours=20)
    past.registration_closes_at = past.starts_at
    db.session.commit()
    assert purge_needs(utcnow()) == 1
    db.session.commit()
    db.session.refresh(old)
    db.session.refresh(coming)
    assert old.needs == ""
    assert (old.name, old.organisation_name, old.project) == (name, "Hanke Oy", "OmaKehu")
    assert old.status == RegistrationStatus.CONFIRMED and old.directory_consent
    assert coming.needs == "Laktoositon"


def test_paja_purge_runs_the_retention_rule(app: Flask) -> None:
    event = create_event(days=1)
    [day] = days_of(event)
    [registration] = register(event, [day], needs="Pyörätuoli")
    day.starts_at = utcnow() - timedelta(hours=5)
    day.ends_at = day.registration_closes_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "network-day needs: 1 deleted" in result.output
    db.session.refresh(registration)
    assert registration.needs == ""


def test_a_lost_personal_link_is_mailed_again_without_revealing_who_registered(
    client: FlaskClient, mails: list[Mail]
) -> None:
    event = create_event(days=1)
    [day] = days_of(event)
    [registration] = register(event, [day])
    mails.clear()
    for email in (registration.email.upper(), "tuntematon@example.fi"):
        response = client.post(f"/trainings/events/{event.id}/link", data={"resend-email": email})
        assert response.status_code == 302
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "on ilmoittautunut, linkki on matkalla." in page
    [mail] = mails
    assert mail.to == registration.email
    assert f"http://localhost/trainings/events/me/{registration.personal_token}" in mail.body
    response = client.post(f"/trainings/events/{event.id}/link", data={"resend-email": "x"})
    assert "Kirjoita kelvollinen sähköpostiosoite" in client.get(
        response.headers["Location"]
    ).get_data(as_text=True)


def test_no_day_and_no_organisation_are_told_together(client: FlaskClient) -> None:
    event = create_event(days=2)
    response = client.post(
        f"/trainings/events/{event.id}/register", data=form([], organisation_name="")
    )
    page = response.get_data(as_text=True)
    assert "Valitse vähintään yksi päivä." in page
    assert "Kirjoita organisaatiosi nimi." in page
    assert '<a href="#days-0" class="alert-link">' in page  # the first day's checkbox
    assert 'id="days-0"' in page
    assert 'value="Maija Meikäläinen"' in page
