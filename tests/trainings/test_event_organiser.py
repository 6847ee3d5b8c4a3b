"""Organisers set up network days: events, days, agenda, projects and links; only their own."""

from __future__ import annotations

from datetime import time, timedelta

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale

from feedback.models import Survey
from paja.database import utcnow
from paja.extensions import db
from paja.i18n import HELSINKI, clock
from paja.mail import Mail
from tests.conftest import Auth
from tests.trainings.event_factories import (
    create_event,
    create_organiser,
    days_of,
    organisation_of,
    register,
)
from trainings.models import AgendaItem, Event, PresentingProject, SessionStatus, SharedLink


def local(days: int, hour: int) -> str:
    """A datetime-local form value some days ahead, Helsinki time."""
    moment = (utcnow() + timedelta(days=days)).astimezone(HELSINKI)
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


def day_form(**changes: str) -> dict:
    """A filled-in day form."""
    return {
        "starts_at": local(30, 9),
        "ends_at": local(30, 12),
        "registration_closes_at": local(27, 16),
        "place": "Raatihuoneenkatu 1, Hämeenlinna",
        "meeting_url": "",
        "capacity": "25",
        **changes,
    }


def test_an_organiser_sets_up_and_publishes_an_event(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(create_organiser())
    organisation = organisation_of(organiser)
    response = client.post(
        "/trainings/events/new",
        data={"title": "Verkostopäivät", "description": "Somea", "organisation": organisation.id,
              "language": "fi"},
    )  # fmt: skip
    event = db.session.scalar(sa.select(Event).where(Event.title == "Verkostopäivät"))
    assert response.headers["Location"] == f"/trainings/events/{event.id}/manage"
    assert event.wish_board is not None and event.wish_board.owner_id == organiser.id
    publish = {"title": event.title, "organisation": organisation.id, "language": "fi",
               "published": "y"}  # fmt: skip
    page = client.post(f"/trainings/events/{event.id}/manage", data=publish)
    assert "Lisää vähintään yksi päivä ennen julkaisua." in page.get_data(as_text=True)
    response = client.post(f"/trainings/events/{event.id}/days/new", data=day_form())
    [day] = days_of(event)
    assert response.headers["Location"] == f"/trainings/events/days/{day.id}"
    assert (day.capacity, day.mode, day.feedback_survey is not None) == (25, "onsite", True)
    client.post(f"/trainings/events/{event.id}/projects",
                data={"name": "OmaKehu", "organisation_name": "Metropolia", "description": "Kehut"})  # fmt: skip
    project = db.session.scalar(
        sa.select(PresentingProject).where(PresentingProject.event_id == event.id)
    )
    client.post(f"/trainings/events/projects/{project.id}/links",
                data={"url": "https://www.facebook.com/omakehu"})  # fmt: skip
    client.post(f"/trainings/events/days/{day.id}/agenda",
                data={"starts_at": "09:30", "ends_at": "10:15", "kind": "presentation",
                      "title": "Näin viestimme", "presenter": "Anni", "project": project.id})  # fmt: skip
    client.post(f"/trainings/events/{event.id}/manage", data=publish)
    db.session.refresh(event)
    assert event.published
    page = client.get(f"/trainings/events/{event.id}").get_data(as_text=True)
    with client.application.test_request_context(), force_locale("fi"):
        slot = f"{clock(time(9, 30))}–{clock(time(10, 15))}"  # Babel's own words for the times
    assert "OmaKehu" in page and "Näin viestimme" in page and slot in page
    assert 'href="https://www.facebook.com/omakehu"' in page and "25 paikkaa jäljellä" in page


def test_bad_day_input_is_explained(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=0, published=False)
    cases = [
        ({"ends_at": local(30, 8)}, "Päättymisen on oltava alkamisen jälkeen."),
        ({"place": ""}, "Anna paikka tai kokouslinkki."),
        ({"meeting_url": "http://zoom.example/j/1"}, "meeting_url-error"),
        ({"capacity": "0"}, "capacity-error"),
    ]
    for change, message in cases:
        response = client.post(f"/trainings/events/{event.id}/days/new", data=day_form(**change))
        assert response.status_code == 200
        assert message in response.get_data(as_text=True), message
    assert days_of(event) == []


def test_capacity_cannot_go_below_the_seats_taken_and_more_seats_promote(
    client: FlaskClient, auth: Auth
) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=1, capacity=2)
    [day] = days_of(event)
    register(event, [day])
    register(event, [day])
    [waiting] = register(event, [day])
    page = client.post(f"/trainings/events/days/{day.id}", data=day_form(capacity="1"))
    assert "Paikan on jo saanut 2 henkilöä" in page.get_data(as_text=True)
    db.session.refresh(day)
    assert day.capacity == 2
    client.post(f"/trainings/events/days/{day.id}", data=day_form(capacity="3"))
    db.session.refresh(waiting)
    assert waiting.confirmed


def test_links_must_be_https_and_get_their_channel(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=1)
    project = PresentingProject(event_id=event.id, name="Iisisti töihin")
    db.session.add(project)
    db.session.commit()
    for url in ("http://x.com/iisisti", "javascript:alert(1)", "https://localhost"):
        client.post(f"/trainings/events/projects/{project.id}/links", data={"url": url})
    client.post(
        f"/trainings/events/projects/{project.id}/links",
        data={"url": "https://twitter.com/iisisti"},
    )
    links = db.session.scalars(
        sa.select(SharedLink).where(SharedLink.project_id == project.id)
    ).all()
    assert [(link.url, link.channel) for link in links] == [("https://twitter.com/iisisti", "x")]


def test_organisers_of_another_organisation_get_403(client: FlaskClient, auth: Auth) -> None:
    event = create_event(days=1)
    [day] = days_of(event)
    auth.login(create_organiser())  # belongs to a different organisation
    for path in (f"/trainings/events/{event.id}/manage", f"/trainings/events/days/{day.id}",
                 f"/trainings/sessions/{day.id}/participants",
                 f"/trainings/events/days/{day.id}/groups"):  # fmt: skip
        assert client.get(path).status_code == 403, path
    response = client.post("/trainings/events/new", data={
        "title": "Kaappaus", "organisation": event.organisation_id, "language": "fi"})  # fmt: skip
    assert response.status_code == 200
    assert db.session.scalar(sa.select(Event).where(Event.title == "Kaappaus")) is None


def test_a_fellow_member_organiser_manages_the_event(client: FlaskClient, auth: Auth) -> None:
    creator = create_organiser()
    event = create_event(creator, days=1)
    auth.login(create_organiser(organisation_of(creator)))
    assert client.get(f"/trainings/events/{event.id}/manage").status_code == 200
    assert client.get("/trainings/events/mine").get_data(as_text=True).count(event.title) == 1


def test_removing_an_agenda_item_of_another_event_is_refused(
    client: FlaskClient, auth: Auth
) -> None:
    other = create_event(days=1)
    item = AgendaItem(session_id=days_of(other)[0].id, starts_at=utcnow().time(),
                      kind="break", title="Tauko")  # fmt: skip
    db.session.add(item)
    db.session.commit()
    auth.login(create_organiser())
    assert client.post(f"/trainings/events/agenda/{item.id}/remove").status_code == 403
    assert db.session.get(AgendaItem, item.id) is not None


def test_an_organiser_edits_an_agenda_item_and_a_bad_time_keeps_what_was_typed(
    client: FlaskClient, auth: Auth
) -> None:
    organiser = create_organiser()
    event = create_event(organiser=organiser, days=1)
    [day] = days_of(event)
    item = AgendaItem(session_id=day.id, starts_at=time(9, 30), kind="break", title="Tauko")
    db.session.add(item)
    db.session.commit()
    auth.login(organiser)
    page = client.get(f"/trainings/events/agenda/{item.id}/edit").get_data(as_text=True)
    assert 'value="Tauko"' in page and 'value="09:30"' in page
    data = {"starts_at": "10:00", "ends_at": "09:00", "kind": "presentation",
            "title": "Näin viestimme", "presenter": "Anni", "project": "0"}  # fmt: skip
    page = client.post(f"/trainings/events/agenda/{item.id}/edit", data=data).get_data(True)
    assert "Päättymisen on oltava alkamisen jälkeen." in page
    assert 'value="Näin viestimme"' in page
    assert item.title == "Tauko"  # nothing saved
    data["ends_at"] = "10:45"
    response = client.post(f"/trainings/events/agenda/{item.id}/edit", data=data)
    assert response.status_code == 302
    assert (item.title, item.kind, item.starts_at, item.ends_at) == (
        "Näin viestimme", "presentation", time(10, 0), time(10, 45),
    )  # fmt: skip
    auth.login(create_organiser())  # another organisation's organiser
    assert client.get(f"/trainings/events/agenda/{item.id}/edit").status_code == 403


def test_an_organiser_cancels_a_day_and_everyone_is_told(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=2, capacity=1)
    first, second = days_of(event)
    [seated] = register(event, [first])
    [queued] = register(event, [first])
    mails.clear()
    manage = client.get(f"/trainings/events/{event.id}/manage").get_data(as_text=True)
    assert "<td>1 / 1</td>\n    <td>1</td>" in manage  # one seat taken, one waiting
    client.post(f"/trainings/sessions/{first.id}/cancel", data={"note": "Sali on varattu."})
    db.session.refresh(first)
    assert first.status == SessionStatus.CANCELLED
    assert sorted(m.to for m in mails) == sorted([seated.email, queued.email])
    assert all("Sali on varattu." in m.body for m in mails)
    page = client.get(f"/trainings/events/{event.id}").get_data(as_text=True)
    assert page.count('name="days"') == 1  # only the second day can still be chosen
    assert second.status == SessionStatus.SCHEDULED


def test_registering_is_rate_limited(limited_app: Flask) -> None:
    with limited_app.app_context():
        event = create_event(days=1)
        [day] = days_of(event)
        client = limited_app.test_client()
        codes = [
            client.post(f"/trainings/events/{event.id}/register",
                        data={"days": [day.id], "name": "Robo", "email": f"r{n}@example.fi",
                              "organisation_name": "Botti Oy"}).status_code
            for n in range(21)
        ]  # fmt: skip
        assert codes[:20] == [302] * 20
        assert codes[20] == 429


def test_a_day_without_people_can_be_removed_one_with_people_cannot(
    client: FlaskClient, auth: Auth
) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=2)
    empty, taken = days_of(event)
    register(event, [taken])
    survey_id = empty.feedback_survey_id
    response = client.post(f"/trainings/events/days/{empty.id}/remove")
    assert response.headers["Location"] == f"/trainings/events/{event.id}/manage"
    assert days_of(event) == [taken]
    assert db.session.get(Survey, survey_id) is None
    client.post(f"/trainings/events/days/{taken.id}/remove")
    assert days_of(event) == [taken]
    page = client.get(f"/trainings/events/days/{taken.id}").get_data(as_text=True)
    assert "Päivälle on jo ilmoittautuneita; peru päivä sen sijaan." in page


def test_a_project_is_corrected(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=1)
    project = PresentingProject(event_id=event.id, name="Omakehu")
    db.session.add(project)
    db.session.commit()
    page = client.post(f"/trainings/events/projects/{project.id}/edit", data={"name": " "})
    assert "Kirjoita nimi." in page.get_data(as_text=True)
    client.post(f"/trainings/events/projects/{project.id}/edit",
                data={"name": "OmaKehu", "organisation_name": "Metropolia"})  # fmt: skip
    db.session.refresh(project)
    assert (project.name, project.organisation_name) == ("OmaKehu", "Metropolia")


def test_the_wish_board_speaks_the_events_language(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(create_organiser())
    client.post("/trainings/events/new", data={
        "title": "Nätverksdagar", "organisation": organisation_of(organiser).id, "language": "sv"})  # fmt: skip
    event = db.session.scalar(sa.select(Event).where(Event.title == "Nätverksdagar"))
    assert event.wish_board.title == "Temaönskemål: Nätverksdagar"


def test_a_new_time_or_place_for_a_day_is_mailed_to_its_registrants_once(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=2)
    first, second = days_of(event)
    [seated] = register(event, [first])
    register(event, [second])  # registered for the other day only: not told
    sequence = first.calendar_sequence
    mails.clear()
    same = day_form(
        starts_at=local_of(first.starts_at), ends_at=local_of(first.ends_at),
        registration_closes_at=local_of(first.registration_closes_at),
        place=first.place, capacity="40",
    )  # fmt: skip
    client.post(f"/trainings/events/days/{first.id}", data=same)
    assert mails == []  # more seats only: nobody needs to hear of it
    moved = {**same, "starts_at": local_of(first.starts_at + timedelta(hours=1)),
             "place": "Verkatehdas, Hämeenlinna"}  # fmt: skip
    client.post(f"/trainings/events/days/{first.id}", data=moved)
    [mail] = mails
    assert mail.to == seated.email
    assert "alkamisaika, paikka" in mail.body and "Verkatehdas" in mail.body
    [ics] = mail.attachments
    assert f"SEQUENCE:{sequence + 2}" in ics.data.decode()  # two saves, each a new version


def local_of(moment: object) -> str:
    """A stored time as the day form shows it (Helsinki wall clock)."""
    return moment.astimezone(HELSINKI).strftime("%Y-%m-%dT%H:%M")  # type: ignore[attr-defined]


def test_publishing_warns_of_days_without_an_agenda(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=2, published=False)
    first, second = days_of(event)
    client.post(f"/trainings/events/days/{first.id}/agenda",
                data={"starts_at": "09:30", "ends_at": "10:15", "kind": "presentation",
                      "title": "Avaus", "presenter": "Anni", "project": "0"})  # fmt: skip
    publish = {"title": event.title, "organisation": event.organisation_id, "language": "fi",
               "published": "y"}  # fmt: skip
    page = client.post(f"/trainings/events/{event.id}/manage", data=publish, follow_redirects=True)
    assert db.session.get(Event, event.id).published  # a warning, not a refusal
    with force_locale("fi"):
        second_day, first_day = day_text(second.starts_at), day_text(first.starts_at)
    assert f"Päivällä {second_day} ei ole vielä ohjelmaa" in page.text
    assert f"Päivällä {first_day} ei ole" not in page.text


def day_text(moment: object) -> str:
    """A date as the pages write it."""
    from paja.i18n import day

    return day(moment)  # type: ignore[arg-type]
